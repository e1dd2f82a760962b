import type { CallStats } from '../../common/contract/media-host-contract';
import type { SupervisorAction } from '../../common/models/audit';
import type { Agent } from '../../common/models/agent';
import type {
  CallAudio,
  MicrophoneState,
  MonitoredCall,
  MonitoringScope,
  VoiceFrequency,
  VoiceMode,
} from '../../common/models/voice';
import { err, ok, type AppError, type Result } from '../../common/result';
import type { GwsApi } from '../contact-center/gws-api';
import type { SupervisorSession } from '../contact-center/supervisor-session';
import { callSchema, callStateChangeMessageSchema, type WireCall } from '../contact-center/wire/calls';
import { deviceStateChangeMessageSchema, type NotificationEnvelope } from '../contact-center/wire/notifications';
import { deviceSchema, type WireDevice, type WireUser } from '../contact-center/wire/users';
import type { Logger } from '../platform/logger';
import type { MonitoringFacts } from '../sip/auto-answer-policy';
import type { SipCallEvent, SipController } from '../sip/sip-controller';
import { updateAppState, type AppStore } from '../state/app-store';
import { addCall, endCall, updateCall, withVoice } from '../state/voice-reducers';
import { modeFromMute, needsMicrophone, switchOperation, switchTargets, type SwitchTarget } from './voice-modes';

/** What main knows about one monitoring call; the card in the app state is derived from it. */
interface CallRecord {
  readonly id: string;
  readonly callUuid: string;
  agentId: string | null;
  agentName: string | null;
  customerNumber: string | null;
  readonly startedAt: number;
  gwsState: string;
  capabilities: readonly string[];
  mode: VoiceMode;
  agentMuted: boolean;
  sipCallId: string | null;
  sipEstablished: boolean;
  microphone: MicrophoneState;
  volume: number;
  audio: CallAudio;
  pendingCommand: string | null;
  error: AppError | null;
}

export interface VoiceMonitoringOptions {
  readonly session: SupervisorSession;
  readonly sip: SipController;
  readonly store: AppStore;
  readonly logger: Logger;
  /** The volume a new monitoring call starts at (the supervisor's saved setting). */
  readonly initialVolume?: () => number;
  readonly now?: () => number;
}

const silentAudio: CallAudio = {
  firstAudioAt: null,
  level: 0,
  behindLiveMs: null,
  packetLossPercent: null,
  packetsSent: 0,
};

/**
 * Voice supervision across GWS and SIP: starts and cancels monitoring on the supervisor's device,
 * follows the monitoring call through its notifications, and switches modes. The microphone opens
 * only for Coach and BargeIn and closes before GWS is even asked to go back to silent listening.
 */
export class VoiceMonitoring {
  private readonly records = new Map<string, CallRecord>();
  private supervisorDevice: WireDevice | null = null;
  private readonly agentByDeviceUri = new Map<string, string>();
  private subscriptionPending = false;
  private readonly disposers: Array<() => void> = [];
  private readonly actionListeners = new Set<(action: SupervisorAction) => void>();
  private readonly now: () => number;

  constructor(private readonly options: VoiceMonitoringOptions) {
    this.now = options.now ?? Date.now;
    this.disposers.push(
      options.session.onNotification((notification) => this.onNotification(notification)),
      options.session.onUserSnapshot((user) => this.onUserSnapshot(user)),
      options.sip.onCallEvent((event) => this.onSipEvent(event)),
    );
  }

  /** Each supervisor command GWS accepted, for the audit trail. */
  onAction(listener: (action: SupervisorAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  /** What the SIP controller needs to decide whether an INVITE is this supervisor's monitoring. */
  monitoringFacts(): MonitoringFacts {
    const uuids = new Set<string>();
    for (const record of this.records.values()) {
      uuids.add(record.callUuid);
      uuids.add(record.id);
    }
    return {
      monitoringCallUuids: uuids,
      subscriptionActive: this.subscriptionPending || this.store.getState().voice.subscription !== null,
    };
  }

  async monitor(request: {
    agentId: string;
    mode: VoiceMode;
    scope: MonitoringScope;
    frequency: VoiceFrequency;
  }): Promise<Result<null>> {
    const api = this.options.session.api;
    if (!api) return err('not-signed-in', 'Sign in first.');
    const agent = this.agent(request.agentId);
    if (!agent) return err('invalid-input', 'That agent is no longer in your team.');
    const device = await this.ownDevice(api);
    if (!device.ok) return device;
    const target = await this.targetOf(api, agent);

    this.subscriptionPending = true;
    this.setSubscriptionPending(true, null);
    if (this.store.getState().voice.subscription) {
      const cancelled = await api.operation(this.devicePath(device.value), {
        operationName: 'CancelSupervisorMonitoring',
      });
      if (!cancelled.ok) return this.failSubscription(cancelled.error);
    }
    const started = await api.operation(this.devicePath(device.value), {
      operationName: request.mode,
      ...target,
      supervisorMonitoringScope: request.scope,
      supervisorMonitoringMode: request.frequency,
    });
    if (!started.ok) return this.failSubscription(started.error);
    this.options.logger.info('Monitoring requested', {
      agentId: agent.id,
      mode: request.mode,
      scope: request.scope,
      frequency: request.frequency,
    });
    this.emitAction(
      'monitor',
      agent.id,
      null,
      request.mode,
      `${request.scope} scope, ${request.frequency === 'NextCall' ? 'next call' : 'all calls'}`,
    );
    // The subscription itself is shown when GWS confirms it (DeviceStateChangeMessage).
    return ok(null);
  }

  async cancelMonitoring(): Promise<Result<null>> {
    const api = this.options.session.api;
    if (!api) return err('not-signed-in', 'Sign in first.');
    const device = await this.ownDevice(api);
    if (!device.ok) return device;
    const subscription = this.store.getState().voice.subscription;
    this.setSubscriptionPending(true, null);
    const cancelled = await api.operation(this.devicePath(device.value), {
      operationName: 'CancelSupervisorMonitoring',
    });
    if (!cancelled.ok) return this.failSubscription(cancelled.error);
    this.emitAction('cancel', subscription?.agentId ?? null, null, subscription?.mode ?? null);
    return ok(null);
  }

  async switchMode(callId: string, target: SwitchTarget): Promise<Result<null>> {
    const record = this.records.get(callId);
    const api = this.options.session.api;
    if (!record || !api) return err('invalid-input', 'That call has ended.');
    if (record.pendingCommand) return err('busy', `Still busy with “${record.pendingCommand}”.`);
    const allowed = switchTargets(record.mode, record.capabilities, record.gwsState === 'Established');
    if (!allowed.includes(target)) {
      return err(
        'invalid-input',
        target === 'BargeIn'
          ? 'Barging in is not possible on this call right now.'
          : 'Listening silently is not possible on this call right now.',
      );
    }
    const talking = needsMicrophone(target);
    this.patch(record, { pendingCommand: talking ? 'Barge in' : 'Listen', error: null });
    if (talking) {
      // Opening the microphone and asking GWS run side by side: the supervisor asked to speak now.
      this.setMicrophone(record, true);
    } else {
      // Privacy first: the microphone stops before GWS hears of it.
      this.setMicrophone(record, false);
    }
    const switched = await api.operation(this.callPath(record), { operationName: switchOperation(target) });
    if (!switched.ok) {
      if (talking) this.setMicrophone(record, false);
      this.patch(record, { pendingCommand: null, error: switched.error });
      return switched;
    }
    this.patch(record, { pendingCommand: null, mode: target });
    this.options.logger.info('Monitoring mode switched', { callId, mode: target });
    this.emitAction('switch', record.agentId, record.id, target);
    return ok(null);
  }

  async muteAgent(callId: string, muted: boolean): Promise<Result<null>> {
    const record = this.records.get(callId);
    const api = this.options.session.api;
    if (!record || !api) return err('invalid-input', 'That call has ended.');
    this.patch(record, { pendingCommand: muted ? 'Mute agent' : 'Unmute agent', error: null });
    const result = await api.operation(this.callPath(record), {
      operationName: muted ? 'MuteMonitoredUser' : 'UnmuteMonitoredUser',
    });
    this.patch(
      record,
      result.ok ? { pendingCommand: null, agentMuted: muted } : { pendingCommand: null, error: result.error },
    );
    if (result.ok) this.emitAction(muted ? 'mute-agent' : 'unmute-agent', record.agentId, record.id, record.mode);
    return result;
  }

  async hangUp(callId: string): Promise<Result<null>> {
    const record = this.records.get(callId);
    if (!record) return err('invalid-input', 'That call has already ended.');
    this.patch(record, { pendingCommand: 'Hang up', error: null });
    if (record.microphone !== 'closed') this.setMicrophone(record, false);
    if (record.sipCallId) this.options.sip.hangUp(record.sipCallId);
    const api = this.options.session.api;
    if (api && record.gwsState !== 'Released') {
      const result = await api.operation(this.callPath(record), { operationName: 'Hangup' });
      if (!result.ok)
        this.options.logger.warn('GWS Hangup failed; the SIP leg was ended anyway', { reason: result.error.detail });
    }
    this.finish(record);
    this.emitAction('hang-up', record.agentId, record.id, record.mode);
    return ok(null);
  }

  setVolume(callId: string, volume: number): Result<null> {
    const record = this.records.get(callId);
    if (!record) return err('invalid-input', 'That call has ended.');
    this.patch(record, { volume });
    if (record.sipCallId) this.options.sip.setVolume(record.sipCallId, volume);
    return ok(null);
  }

  /** Signing out: every leg ends and the microphone is closed. */
  endAll(): void {
    for (const record of [...this.records.values()]) {
      this.records.delete(record.id);
      if (!record.sipCallId) continue;
      if (record.microphone !== 'closed') this.options.sip.setMicrophone(record.sipCallId, false);
      this.options.sip.hangUp(record.sipCallId);
    }
    this.supervisorDevice = null;
    this.subscriptionPending = false;
  }

  dispose(): void {
    this.endAll();
    for (const dispose of this.disposers) dispose();
    this.actionListeners.clear();
  }

  private get store(): AppStore {
    return this.options.store;
  }

  private onNotification(notification: NotificationEnvelope): void {
    const { data } = notification;
    if (data.messageType === 'DeviceStateChangeMessage') {
      const message = deviceStateChangeMessageSchema.safeParse(data);
      if (!message.success) {
        this.options.logger.warn('Skipped a malformed DeviceStateChangeMessage', { reason: message.error.message });
        return;
      }
      for (const device of message.data.devices) this.onOwnDevice(device);
      return;
    }
    if (data.messageType === 'CallStateChangeMessage') {
      const message = callStateChangeMessageSchema.safeParse(data);
      if (!message.success) {
        this.options.logger.warn('Skipped a malformed CallStateChangeMessage', { reason: message.error.message });
        return;
      }
      this.onCall(message.data.call, message.data.notificationType ?? 'StatusChange');
    }
  }

  private onUserSnapshot(user: WireUser): void {
    for (const device of user.devices ?? []) this.onOwnDevice(device);
    const calls = (user.calls ?? []).flatMap((entry) => {
      const call = callSchema.safeParse(entry);
      return call.success ? [call.data] : [];
    });
    const present = new Set(calls.map((call) => call.id));
    // A call that ended while notifications were down would otherwise stay on the board.
    for (const record of [...this.records.values()]) {
      if (!present.has(record.id) && record.gwsState !== 'Ringing') this.finish(record);
    }
    for (const call of calls) this.onCall(call, 'StatusChange');
  }

  private onOwnDevice(device: WireDevice): void {
    if (this.supervisorDevice && device.id !== this.supervisorDevice.id) return;
    this.supervisorDevice = device;
    const state = device.supervisorMonitoringState;
    this.subscriptionPending = false;
    updateAppState(this.store, (app) =>
      withVoice(app, (voice) => {
        if (!state) return { ...voice, subscription: null };
        const agentId = this.agentForTarget(state.targetDeviceUri, state.phoneNumber);
        const mode = asVoiceMode(state.state);
        return {
          ...voice,
          subscriptionError: null,
          subscription: {
            agentId,
            agentName: agentId ? (this.agent(agentId)?.displayName ?? null) : (state.phoneNumber ?? null),
            mode,
            scope: state.scope === 'Agent' ? 'Agent' : 'Call',
            frequency: state.mode === 'NextCall' ? 'NextCall' : 'AllCalls',
            pending: false,
          },
        };
      }),
    );
    this.options.sip.reconsiderPendingInvites();
  }

  private onCall(call: WireCall, notificationType: string): void {
    const existing = this.records.get(call.id);
    if (!existing) {
      if (call.state === 'Released') return;
      const monitoring = call.monitoring === true || this.monitoringFacts().subscriptionActive;
      if (!monitoring) return;
      this.startRecord(call);
      return;
    }
    if (call.state === 'Released') {
      if (existing.sipCallId && existing.sipEstablished) this.options.sip.hangUp(existing.sipCallId);
      this.finish(existing);
      return;
    }
    const agentDn = notificationType === 'ParticipantsUpdated' || call.dnis ? call.dnis : undefined;
    const agent = agentDn ? this.agentByExtension(agentDn) : undefined;
    this.patch(existing, {
      gwsState: call.state,
      capabilities: call.capabilities ?? existing.capabilities,
      mode: existing.pendingCommand ? existing.mode : modeFromMute(existing.mode, call.mute),
      agentMuted: call.monitoredUserMuted ?? existing.agentMuted,
      ...(agent ? { agentId: agent.id, agentName: agent.displayName } : {}),
    });
  }

  private startRecord(call: WireCall): void {
    const subscription = this.store.getState().voice.subscription;
    const agent = call.dnis ? this.agentByExtension(call.dnis) : undefined;
    const initialMode = call.mute === true ? 'ListenIn' : (subscription?.mode ?? 'ListenIn');
    const record: CallRecord = {
      id: call.id,
      callUuid: call.callUuid ?? call.id,
      agentId: agent?.id ?? subscription?.agentId ?? null,
      agentName: agent?.displayName ?? subscription?.agentName ?? null,
      customerNumber:
        call.ani ??
        call.participants?.find((participant) => participant.phoneNumber !== call.dnis)?.phoneNumber ??
        null,
      startedAt: this.now() - (call.duration ?? 0) * 1_000,
      gwsState: call.state,
      capabilities: call.capabilities ?? [],
      mode: initialMode,
      agentMuted: call.monitoredUserMuted ?? false,
      sipCallId: null,
      sipEstablished: false,
      microphone: 'closed',
      volume: this.options.initialVolume?.() ?? 1,
      audio: silentAudio,
      pendingCommand: null,
      error: null,
    };
    this.records.set(record.id, record);
    updateAppState(this.store, (app) => withVoice(app, (voice) => addCall(voice, this.render(record))));
    this.options.logger.info('Monitoring call delivered', {
      callId: record.id,
      agentId: record.agentId,
      mode: record.mode,
    });
    this.options.sip.reconsiderPendingInvites();
  }

  private onSipEvent(event: SipCallEvent): void {
    if (event.type === 'autoAnswered') {
      const record = [...this.records.values()].find(
        (candidate) => candidate.callUuid === event.genesysCallUuid || candidate.id === event.genesysCallUuid,
      );
      if (!record) return;
      this.patch(record, { sipCallId: event.sipCallId });
      if (record.volume !== 1) this.options.sip.setVolume(event.sipCallId, record.volume);
      return;
    }
    const record = [...this.records.values()].find((candidate) => candidate.sipCallId === event.sipCallId);
    if (!record) return;
    switch (event.type) {
      case 'established':
        this.patch(record, { sipEstablished: true });
        // Monitoring that started as Coach or BargeIn talks from the start.
        if (needsMicrophone(record.mode)) this.setMicrophone(record, true);
        return;
      case 'ended':
        this.patch(record, { sipEstablished: false, sipCallId: null });
        this.finish(record);
        return;
      case 'firstAudio':
        this.patch(record, { audio: { ...record.audio, firstAudioAt: event.at } });
        this.options.logger.info('First audio of a monitoring call', {
          callId: record.id,
          msSinceDelivered: Math.round(event.at - record.startedAt),
        });
        return;
      case 'stats':
        this.patch(record, { audio: audioFromStats(record.audio, event.stats) });
        return;
      case 'microphone':
        this.patch(record, {
          microphone: event.open ? 'open' : event.error ? 'failed' : 'closed',
          error: event.error
            ? { code: 'internal', message: `The microphone could not be opened: ${event.error}` }
            : record.error,
        });
        return;
    }
  }

  private emitAction(
    kind: SupervisorAction['kind'],
    agentId: string | null,
    interactionId: string | null,
    mode: VoiceMode | null,
    detail: string | null = null,
  ): void {
    const action: SupervisorAction = { kind, channel: 'voice', agentId, interactionId, mode, text: null, detail };
    for (const listener of this.actionListeners) {
      try {
        listener(action);
      } catch (error) {
        this.options.logger.error('An action listener failed', { error });
      }
    }
  }

  private setMicrophone(record: CallRecord, open: boolean): void {
    if (!record.sipCallId) return;
    this.patch(record, { microphone: open ? 'opening' : 'closing' });
    this.options.sip.setMicrophone(record.sipCallId, open);
  }

  private finish(record: CallRecord): void {
    if (!this.records.delete(record.id)) return;
    updateAppState(this.store, (app) => withVoice(app, (voice) => endCall(voice, record.id, this.now())));
    this.options.logger.info('Monitoring call ended', { callId: record.id });
  }

  private patch(record: CallRecord, change: Partial<CallRecord>): void {
    Object.assign(record, change);
    if (!this.records.has(record.id)) return;
    updateAppState(this.store, (app) =>
      withVoice(app, (voice) => updateCall(voice, record.id, () => this.render(record))),
    );
  }

  private render(record: CallRecord): MonitoredCall {
    const established = record.gwsState === 'Established';
    return {
      id: record.id,
      agentId: record.agentId,
      agentName: record.agentName,
      customerNumber: record.customerNumber,
      state:
        record.sipEstablished && established ? 'established' : record.gwsState === 'Ringing' ? 'ringing' : 'connecting',
      startedAt: record.startedAt,
      endedAt: null,
      mode: record.mode,
      audience: 'nobody',
      microphone: record.microphone,
      switchTargets: switchTargets(record.mode, record.capabilities, established),
      agentMuted: record.agentMuted,
      canMuteAgent: !record.agentMuted && record.capabilities.includes('MuteMonitoredUser'),
      canUnmuteAgent: record.agentMuted && record.capabilities.includes('UnmuteMonitoredUser'),
      volume: record.volume,
      audio: record.audio,
      pendingCommand: record.pendingCommand,
      error: record.error,
    };
  }

  private failSubscription(error: AppError): Result<null> {
    this.subscriptionPending = false;
    this.setSubscriptionPending(false, error);
    return { ok: false, error };
  }

  private setSubscriptionPending(pending: boolean, error: AppError | null): void {
    updateAppState(this.store, (app) =>
      withVoice(app, (voice) => ({
        ...voice,
        subscriptionError: error,
        subscription: voice.subscription ? { ...voice.subscription, pending } : null,
      })),
    );
  }

  private async ownDevice(api: GwsApi): Promise<Result<WireDevice>> {
    if (this.supervisorDevice) return ok(this.supervisorDevice);
    const me = await api.getMe({ subresources: 'devices' });
    if (!me.ok) return me;
    const device = me.value.devices?.[0];
    if (!device)
      return err(
        'gws-refused',
        'Your Genesys user has no phone device, so it cannot monitor calls. Ask your administrator to assign a place.',
      );
    this.supervisorDevice = device;
    return ok(device);
  }

  /** The agent's device URI where GWS lets a supervisor read it, else the agent's number (8.6.0 `phoneNumber`). */
  private async targetOf(api: GwsApi, agent: Agent): Promise<{ targetDeviceUri: string } | { phoneNumber: string }> {
    const user = await api.getUser(agent.id, 'devices');
    const device = user.ok ? user.value.devices?.map((entry) => deviceSchema.parse(entry))[0] : undefined;
    if (device) {
      const uri = device.uri ?? `${api.baseUrl}/api/v2/devices/${device.id}`;
      this.agentByDeviceUri.set(uri, agent.id);
      this.agentByDeviceUri.set(device.id, agent.id);
      return { targetDeviceUri: uri };
    }
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
    return this.store.getState().team.agents.find((agent) => agent.id === agentId);
  }

  private agentByExtension(extension: string): Agent | undefined {
    return this.store.getState().team.agents.find((agent) => agent.extension === extension);
  }

  private devicePath(device: WireDevice): string {
    return `/api/v2/me/devices/${encodeURIComponent(device.id)}`;
  }

  private callPath(record: CallRecord): string {
    return `/api/v2/me/calls/${encodeURIComponent(record.id)}`;
  }
}

function asVoiceMode(value: string): VoiceMode {
  return value === 'Coach' || value === 'BargeIn' ? value : 'ListenIn';
}

export function audioFromStats(previous: CallAudio, stats: CallStats): CallAudio {
  const total = stats.packetsReceived + Math.max(0, stats.packetsLost);
  return {
    firstAudioAt: previous.firstAudioAt,
    level: stats.audioLevel,
    behindLiveMs: Math.round(stats.jitterBufferDelayMs + (stats.roundTripMs ?? 0) / 2),
    packetLossPercent: total > 0 ? Math.round((Math.max(0, stats.packetsLost) / total) * 1000) / 10 : null,
    packetsSent: stats.packetsSent,
  };
}
