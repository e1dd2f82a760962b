import type { SupervisorAction } from '../../common/models/audit';
import type { Agent } from '../../common/models/agent';
import type { AppState } from '../../common/models/app-state';
import type { MonitoringScope, VoiceFrequency, VoiceMode } from '../../common/models/voice';
import { err, ok, type AppError, type Result } from '../../common/result';
import type { GwsApi } from '../contact-center/gws-api';
import type { SupervisorSession } from '../contact-center/supervisor-session';
import { deviceStateChangeMessageSchema, type NotificationEnvelope } from '../contact-center/wire/notifications';
import type { WireDevice, WireUser } from '../contact-center/wire/users';
import type { Logger } from '../platform/logger';
import { updateAppState, type AppStore } from '../state/app-store';
import { formatClockTime } from './continuity-notices';
import type { SubscriptionFacts, SubscriptionRequest } from './voice-core';
import type { VoiceCalls } from './voice-calls';

export interface VoiceSubscriptionsOptions {
  readonly session: SupervisorSession;
  readonly calls: VoiceCalls;
  readonly store: AppStore;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** How long after coming back an end of monitoring still counts as the server's doing while away. */
const resumeWindowMs = 60_000;

function gwsAway(state: AppState): boolean {
  const { status } = state.connection;
  return status === 'reconnecting' || status === 'offline' || status === 'live-updates-down';
}

function phoneDown(state: AppState): boolean {
  return state.voice.sip.registration !== 'registered';
}

export interface MonitorRequest {
  readonly agentId: string;
  readonly mode: VoiceMode;
  readonly scope: MonitoringScope;
  readonly frequency: VoiceFrequency;
}

/**
 * The supervisor device's monitoring subscription: starting and cancelling it in GWS, and following
 * what the device notifications say it is (the truth, whoever asked). What it learns goes into the
 * voice core, which derives what the screen shows.
 */
export class VoiceSubscriptions {
  private supervisorDevice: WireDevice | null = null;
  private readonly agentByDeviceUri = new Map<string, string>();
  /** Agents whose devices have been read into agentByDeviceUri. */
  private readonly devicesRead = new Set<string>();
  /** Device URIs no agent of the team has: looked up once and logged once. */
  private readonly unresolvableTargets = new Set<string>();
  private readonly ownerLookups = new Map<string, Promise<string | null>>();
  private readonly actionListeners = new Set<(action: SupervisorAction) => void>();
  private readonly disposers: Array<() => void> = [];

  private readonly now: () => number;
  /** When Earshot last could not reach GWS or its phone line was down. */
  private lastAwayAt: number | null = null;
  /** A phone line that has not registered yet this session is starting, not down. */
  private phoneRegistered = false;

  constructor(private readonly options: VoiceSubscriptionsOptions) {
    this.now = options.now ?? Date.now;
    this.disposers.push(
      options.store.subscribe((state) => {
        if (state.voice.sip.registration === 'registered') this.phoneRegistered = true;
        if (this.isAway(state)) this.lastAwayAt = this.now();
      }),
    );
    this.disposers.push(
      options.session.onNotification((notification) => this.onNotification(notification)),
      options.session.onUserSnapshot((user) => this.onUserSnapshot(user)),
    );
  }

  onAction(listener: (action: SupervisorAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  async monitor(request: MonitorRequest): Promise<Result<null>> {
    this.dismissNotice();
    return this.startMonitoring(request);
  }

  /** The supervisor has read what happened to their monitoring while Earshot was away. */
  dismissNotice(): Result<null> {
    this.setNotice(null);
    return ok(null);
  }

  /**
   * Another thing that happened while Earshot was away (a live call that could not be resumed). It
   * joins a notice not yet dismissed rather than replace it: both happened, and both need reading.
   */
  addNotice(message: string): void {
    const current = this.options.store.getState().voice.subscriptionNotice;
    this.setNotice({ at: this.now(), message: current ? `${current.message} ${message}` : message });
  }

  private async startMonitoring(request: MonitorRequest): Promise<Result<null>> {
    const api = this.options.session.api;
    if (!api) return err('not-signed-in', 'Sign in first.');
    const agent = this.agent(request.agentId);
    if (!agent) return err('invalid-input', 'That agent is no longer in your team.');
    // Outstanding from the click on, through slow reads and a slow answer, until GWS confirms or the
    // core's confirmation timer gives up; from here a monitoring call may also arrive at any instant
    // (Barge in intrudes at once), and the core expects it.
    const replacing = this.options.calls.state.subscription !== null;
    this.request({
      kind: 'requesting',
      facts: {
        agentId: agent.id,
        agentName: agent.displayName,
        mode: request.mode,
        scope: request.scope,
        frequency: request.frequency,
      },
    });
    const device = await this.ownDevice(api);
    if (!device.ok) return this.fail(device.error);
    const target = await this.targetOf(api, agent);
    if (replacing) {
      const cancelled = await api.operation(this.devicePath(device.value), {
        operationName: 'CancelSupervisorMonitoring',
      });
      if (!cancelled.ok) return this.fail(cancelled.error);
    }
    const started = await api.operation(this.devicePath(device.value), {
      operationName: request.mode,
      ...target,
      supervisorMonitoringScope: request.scope,
      supervisorMonitoringMode: request.frequency,
    });
    if (!started.ok) return this.fail(started.error);
    this.options.logger.info('Monitoring requested', { ...request });
    this.emitAction({
      kind: 'monitor',
      channel: 'voice',
      agentId: agent.id,
      interactionId: null,
      mode: request.mode,
      text: null,
      detail: `${request.scope} scope, ${request.frequency === 'NextCall' ? 'next call' : 'all calls'}`,
    });
    // The subscription itself is shown when GWS confirms it (DeviceStateChangeMessage).
    return ok(null);
  }

  async cancel(): Promise<Result<null>> {
    this.dismissNotice();
    const api = this.options.session.api;
    if (!api) return err('not-signed-in', 'Sign in first.');
    const device = await this.ownDevice(api);
    if (!device.ok) return device;
    const { subscription, subscriptionRequest } = this.options.calls.state;
    const ending = subscriptionRequest?.kind === 'requesting' ? subscriptionRequest.facts : subscription;
    this.request({ kind: 'cancelling' });
    const cancelled = await api.operation(this.devicePath(device.value), {
      operationName: 'CancelSupervisorMonitoring',
    });
    if (!cancelled.ok) return this.fail(cancelled.error);
    this.emitAction({
      kind: 'cancel',
      channel: 'voice',
      agentId: ending?.agentId ?? null,
      interactionId: null,
      mode: ending?.mode ?? null,
      text: null,
      detail: null,
    });
    return ok(null);
  }

  /** Signing out: the next supervisor may have another device. */
  forget(): void {
    this.setNotice(null);
    this.lastAwayAt = null;
    this.phoneRegistered = false;
    this.supervisorDevice = null;
    this.agentByDeviceUri.clear();
    this.devicesRead.clear();
    this.unresolvableTargets.clear();
    this.ownerLookups.clear();
  }

  dispose(): void {
    this.forget();
    for (const dispose of this.disposers) dispose();
    this.actionListeners.clear();
  }

  private request(request: SubscriptionRequest): void {
    this.options.calls.dispatch({ type: 'subscription-request', request, error: null });
  }

  private fail(error: AppError): Result<null> {
    this.options.calls.dispatch({ type: 'subscription-request', request: null, error });
    return { ok: false, error };
  }

  private emitAction(action: SupervisorAction): void {
    for (const listener of this.actionListeners) {
      try {
        listener(action);
      } catch (error) {
        this.options.logger.error('An action listener failed', { error });
      }
    }
  }

  private onNotification(notification: NotificationEnvelope): void {
    const { data } = notification;
    if (data.messageType !== 'DeviceStateChangeMessage') return;
    const message = deviceStateChangeMessageSchema.safeParse(data);
    if (!message.success) {
      this.options.logger.warn('Skipped a malformed DeviceStateChangeMessage', { reason: message.error.message });
      return;
    }
    for (const device of message.data.devices) this.onOwnDevice(device);
  }

  private onUserSnapshot(user: WireUser): void {
    for (const device of user.devices ?? []) this.onOwnDevice(device);
  }

  /**
   * SIP Server ends a supervisor's monitoring when their phone is out of service for a while (a
   * laptop asleep, a network gone). Monitoring that ended while Earshot was away, or in the minute
   * after (a notification queued meanwhile, or the re-read on coming back), and that nobody here
   * was cancelling, is asked for again as the supervisor had chosen it, and a notice says so. An end
   * at any other time is someone's choice (Workspace, another window) and is left alone.
   */
  private resumeIfDroppedWhileAway(before: SubscriptionFacts | null, request: SubscriptionRequest): void {
    if (before === null || before.agentId === null || request?.kind === 'cancelling') return;
    if (this.options.calls.state.subscription !== null) return;
    const away = this.lastAwayAt !== null && this.now() - this.lastAwayAt <= resumeWindowMs;
    if (!away && !this.isAway(this.options.store.getState())) return;
    this.resume(before.agentId, before);
  }

  private isAway(state: AppState): boolean {
    return gwsAway(state) || (this.phoneRegistered && phoneDown(state));
  }

  /**
   * Only silent monitoring starts again by itself: a Coach or Barge in would let someone hear the
   * supervisor on the next call, and the supervisor coming back from a sleeping laptop may not
   * remember having chosen it, so that one they start again themselves.
   */
  private resume(agentId: string, facts: SubscriptionFacts): void {
    const at = this.now();
    const who = facts.agentName ?? 'the agent';
    const when = formatClockTime(at);
    if (facts.mode !== 'ListenIn') {
      this.options.logger.warn(
        'The server dropped monitoring while Earshot was away; not restarted: others would hear',
        {
          agentId,
          mode: facts.mode,
        },
      );
      this.addNotice(
        `Connection lost and back at ${when}: the server had stopped your monitoring of ${who}. Earshot does not start a Coach or Barge in by itself; start it again from ${who}’s row if you still want it.`,
      );
      return;
    }
    this.options.logger.warn('The server dropped monitoring while Earshot was away; asking for it again', {
      agentId,
      mode: facts.mode,
    });
    const request: MonitorRequest = {
      agentId,
      mode: facts.mode,
      scope: facts.scope,
      frequency: facts.frequency,
    };
    this.startMonitoring(request).then(
      (result) =>
        this.addNotice(
          result.ok
            ? `Connection lost and back at ${when}: the server had stopped your monitoring of ${who}; Earshot started it again.`
            : `Connection lost and back at ${when}: the server had stopped your monitoring of ${who}, and starting it again failed: ${result.error.message}`,
        ),
      (error: unknown) => this.options.logger.error('Could not resume monitoring', { error }),
    );
  }

  private setNotice(notice: { readonly message: string; readonly at: number } | null): void {
    updateAppState(this.options.store, (state) =>
      state.voice.subscriptionNotice === notice
        ? state
        : { ...state, voice: { ...state.voice, subscriptionNotice: notice } },
    );
  }

  private onOwnDevice(device: WireDevice): void {
    if (this.supervisorDevice && device.id !== this.supervisorDevice.id) return;
    this.supervisorDevice = device;
    const state = device.supervisorMonitoringState;
    let facts: SubscriptionFacts | null = null;
    if (state) {
      const agentId = this.agentForTarget(state.targetDeviceUri, state.phoneNumber);
      facts = {
        agentId,
        agentName: agentId ? (this.agent(agentId)?.displayName ?? null) : (state.phoneNumber ?? null),
        mode: asVoiceMode(state.state),
        scope: state.scope === 'Agent' ? 'Agent' : 'Call',
        frequency: state.mode === 'NextCall' ? 'NextCall' : 'AllCalls',
      };
    }
    const { subscription: before, subscriptionRequest } = this.options.calls.state;
    this.options.calls.dispatch({ type: 'subscription', facts });
    if (facts === null) this.resumeIfDroppedWhileAway(before, subscriptionRequest);
    if (facts !== null && facts.agentId === null && state?.targetDeviceUri) {
      this.resolveInBackground(device, state.targetDeviceUri);
    }
  }

  /**
   * Monitoring started elsewhere (Workspace, another window) names a device Earshot never looked up:
   * read the team's devices until one matches, then apply the same notification again so the row is marked.
   */
  private resolveInBackground(device: WireDevice, targetDeviceUri: string): void {
    if (this.unresolvableTargets.has(targetDeviceUri)) return;
    let lookup = this.ownerLookups.get(targetDeviceUri);
    if (!lookup) {
      lookup = this.lookUpDeviceOwner(targetDeviceUri).finally(() => this.ownerLookups.delete(targetDeviceUri));
      this.ownerLookups.set(targetDeviceUri, lookup);
    }
    void lookup.then((agentId) => {
      // A newer notification replaced this one and was resolved on its own.
      if (agentId !== null && this.supervisorDevice === device) this.onOwnDevice(device);
    });
  }

  private async lookUpDeviceOwner(targetDeviceUri: string): Promise<string | null> {
    const api = this.options.session.api;
    if (!api) return null;
    const unread = this.options.store.getState().team.agents.filter((agent) => !this.devicesRead.has(agent.id));
    for (let index = 0; index < unread.length; index += ownerLookupConcurrency) {
      const batch = unread.slice(index, index + ownerLookupConcurrency);
      await Promise.all(batch.map((agent) => this.readDevicesOf(api, agent.id)));
      const owner = this.agentForTarget(targetDeviceUri, undefined);
      if (owner) return owner;
    }
    this.unresolvableTargets.add(targetDeviceUri);
    this.options.logger.warn('Monitoring names a device that no agent of the team has', { targetDeviceUri });
    return null;
  }

  /** Remembers the agent's devices by URI and id; answers the first one GWS lets a supervisor read. */
  private async readDevicesOf(api: GwsApi, agentId: string): Promise<WireDevice | null> {
    const user = await api.getUser(agentId, 'devices');
    if (!user.ok) return null;
    this.devicesRead.add(agentId);
    let first: WireDevice | null = null;
    for (const device of user.value.devices ?? []) {
      this.agentByDeviceUri.set(device.uri ?? `${api.baseUrl}/api/v2/devices/${device.id}`, agentId);
      this.agentByDeviceUri.set(device.id, agentId);
      first ??= device;
    }
    return first;
  }

  private async ownDevice(api: GwsApi): Promise<Result<WireDevice>> {
    if (this.supervisorDevice) return ok(this.supervisorDevice);
    const me = await api.getMe({ subresources: 'devices' });
    if (!me.ok) return me;
    const device = me.value.devices?.[0];
    if (!device) {
      return err(
        'gws-refused',
        'Your Genesys user has no phone device, so it cannot monitor calls. Ask your administrator to assign a place.',
      );
    }
    this.supervisorDevice = device;
    return ok(device);
  }

  /** The agent's device URI where GWS lets a supervisor read it, else the agent's number (8.6.0 `phoneNumber`). */
  private async targetOf(api: GwsApi, agent: Agent): Promise<{ targetDeviceUri: string } | { phoneNumber: string }> {
    const device = await this.readDevicesOf(api, agent.id);
    if (device) return { targetDeviceUri: device.uri ?? `${api.baseUrl}/api/v2/devices/${device.id}` };
    return { phoneNumber: agent.extension ?? '' };
  }

  private agentForTarget(targetDeviceUri: string | undefined, phoneNumber: string | undefined): string | null {
    if (targetDeviceUri) {
      const known =
        this.agentByDeviceUri.get(targetDeviceUri) ?? this.agentByDeviceUri.get(targetDeviceUri.split('/').pop() ?? '');
      if (known) return known;
    }
    if (phoneNumber) return this.agentByExtension(phoneNumber)?.id ?? null;
    return null;
  }

  private agent(agentId: string): Agent | undefined {
    return this.options.store.getState().team.agents.find((agent) => agent.id === agentId);
  }

  private agentByExtension(extension: string): Agent | undefined {
    return this.options.store.getState().team.agents.find((agent) => agent.extension === extension);
  }

  private devicePath(device: WireDevice): string {
    return `/api/v2/me/devices/${encodeURIComponent(device.id)}`;
  }
}

/** Enough to resolve a device quickly without flooding GWS with reads of a large team. */
const ownerLookupConcurrency = 4;

function asVoiceMode(value: string): VoiceMode {
  return value === 'Coach' || value === 'BargeIn' ? value : 'ListenIn';
}
