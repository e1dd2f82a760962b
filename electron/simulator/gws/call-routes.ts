import {
  supervisorOperations,
  unsupportedOrdinaryOperations,
  type SupervisorOperation,
} from '../voice/monitoring-rules';
import { gwsFailures, readOperation, sendFailure, sendOk, type RequestContext } from './request-context';
import { calls, type GwsWorld } from './resources';

function isSupervisorOperation(name: string): name is SupervisorOperation {
  return (supervisorOperations as readonly string[]).includes(name);
}

/** `POST /api/v2/me/calls/{id}`: the supervisor's operations on a monitoring call (gws-api.md §4.5). */
export class CallRoutes {
  constructor(private readonly world: GwsWorld) {}

  async postCall(ctx: RequestContext, callId: string): Promise<void> {
    const user = ctx.principal.user;
    const monitoring = this.world.supervisorCalls.liveCallsOf(user.id).find((call) => call.id === callId);
    const ownCall = calls(this.world, user).find((call) => call.id === callId);
    if (!monitoring && !ownCall) return sendFailure(ctx, gwsFailures.notFound(`Call ${callId} not found`));
    const operation = await readOperation(ctx);
    if (!operation.ok) return sendFailure(ctx, gwsFailures.badInput(operation.error));
    const { operationName } = operation.value;
    if (!monitoring) {
      return sendFailure(
        ctx,
        gwsFailures.badInput(
          `Unsupported operation ${operationName}: the demo contact center answers and ends agents' calls by itself`,
        ),
      );
    }
    if (!isSupervisorOperation(operationName)) {
      const why = unsupportedOrdinaryOperations.has(operationName)
        ? 'the demo contact center does not carry it out on a monitoring call'
        : 'unknown operation';
      return sendFailure(ctx, gwsFailures.badInput(`Unsupported operation ${operationName}: ${why}`));
    }
    const refusal = this.world.supervisorCalls.operate(user.id, callId, operationName);
    if (refusal) return sendFailure(ctx, gwsFailures.wrongState(refusal));
    sendOk(ctx);
  }
}
