import { z } from 'zod';
import { isSupervisor } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import {
  describeIssues,
  gwsFailures,
  readOperation,
  sendFailure,
  sendOk,
  type GwsFailure,
  type RequestContext,
} from './request-context';
import { statusOf, type GwsWorld } from './resources';

const monitorBody = z.looseObject({
  operationName: z.enum(['ListenIn', 'Coach', 'BargeIn']),
  targetDeviceUri: z.string().min(1).optional(),
  phoneNumber: z.string().min(1).optional(),
  supervisorMonitoringScope: z.enum(['Agent', 'Call']).optional(),
  supervisorMonitoringMode: z.enum(['NextCall', 'AllCalls']).optional(),
});

const supervisionOperations = new Set(['ListenIn', 'Coach', 'BargeIn', 'CancelSupervisorMonitoring']);

/** What a SIP Cluster with routing-point monitoring refuses at subscription time (seed 004, gws-api.md §4.7). */
function sipClusterRefusal(
  operationName: 'ListenIn' | 'Coach' | 'BargeIn',
  scope: 'Agent' | 'Call' | undefined,
): string | null {
  if (operationName === 'Coach')
    return 'Coaching is not supported in a SIP Cluster environment; use ListenIn or BargeIn';
  if (scope === 'Agent')
    return 'Only Call scope is supported in a SIP Cluster environment; omit supervisorMonitoringScope or use Call';
  return null;
}

/**
 * Voice supervision subscriptions on the supervisor's own device (gws-api.md §4.2–4.3). This
 * subscribes and confirms with a DeviceStateChangeMessage; SupervisorCalls delivers the monitored
 * calls that follow.
 */
export class SupervisionRoutes {
  constructor(private readonly world: GwsWorld) {}

  async postDevice(ctx: RequestContext, deviceId: string): Promise<void> {
    const supervisor = ctx.principal.user;
    if (deviceId !== supervisor.device.id)
      return sendFailure(ctx, gwsFailures.notFound(`Device ${deviceId} not found`));
    const operation = await readOperation(ctx);
    if (!operation.ok) return sendFailure(ctx, gwsFailures.badInput(operation.error));
    const { operationName, body } = operation.value;
    if (!supervisionOperations.has(operationName))
      return sendFailure(ctx, gwsFailures.badInput(`Unsupported operation ${operationName}`));
    if (!isSupervisor(supervisor))
      return sendFailure(ctx, gwsFailures.noPermission(`${operationName} requires the supervisor role`));
    if (statusOf(this.world, supervisor).kind === 'LoggedOut') {
      return sendFailure(ctx, gwsFailures.wrongState('Start a contact center session first'));
    }
    if (operationName === 'CancelSupervisorMonitoring') {
      const cancelled = this.world.supervision.cancel(supervisor.id);
      return cancelled.ok ? sendOk(ctx) : sendFailure(ctx, gwsFailures.wrongState(cancelled.error));
    }
    const parsed = monitorBody.safeParse(body);
    if (!parsed.success) return sendFailure(ctx, gwsFailures.badInput(describeIssues(parsed.error)));
    if (this.world.supervisorCalls.sipCluster) {
      const refusal = sipClusterRefusal(parsed.data.operationName, parsed.data.supervisorMonitoringScope);
      if (refusal) return sendFailure(ctx, gwsFailures.forbidden(refusal));
    }
    const target = this.resolveTarget(parsed.data.targetDeviceUri, parsed.data.phoneNumber, supervisor);
    if ('httpStatus' in target) return sendFailure(ctx, target);
    const subscribed = this.world.supervision.subscribe({
      supervisorId: supervisor.id,
      targetUserId: target.id,
      state: parsed.data.operationName,
      mode: parsed.data.supervisorMonitoringMode ?? 'AllCalls',
      scope: parsed.data.supervisorMonitoringScope ?? 'Call',
      requestedBy: parsed.data.targetDeviceUri ? 'targetDeviceUri' : 'phoneNumber',
    });
    if (!subscribed.ok) return sendFailure(ctx, gwsFailures.forbidden(subscribed.error));
    sendOk(ctx);
  }

  private resolveTarget(
    targetDeviceUri: string | undefined,
    phoneNumber: string | undefined,
    supervisor: DirectoryUser,
  ): DirectoryUser | GwsFailure {
    if (!targetDeviceUri && !phoneNumber) return gwsFailures.badInput('targetDeviceUri or phoneNumber is required');
    let target: DirectoryUser | undefined;
    if (targetDeviceUri) {
      const deviceId = /\/devices\/([^/?#]+)\/?$/.exec(targetDeviceUri)?.[1];
      target = deviceId ? this.world.directory.byDeviceId(deviceId) : undefined;
      if (!target) return { httpStatus: 400, statusCode: 6, message: `No device at ${targetDeviceUri}` };
    } else if (phoneNumber) {
      target = this.world.directory.byPhoneNumber(phoneNumber);
      if (!target) return { httpStatus: 400, statusCode: 6, message: `No device with phone number ${phoneNumber}` };
    }
    if (!target) return gwsFailures.badInput('targetDeviceUri or phoneNumber is required');
    if (target.id === supervisor.id) return gwsFailures.wrongState('A supervisor cannot monitor their own device');
    return target;
  }
}
