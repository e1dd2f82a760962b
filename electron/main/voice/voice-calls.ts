import type { SupervisorAction } from '../../common/models/audit';
import type { Agent } from '../../common/models/agent';
import type { SwitchTarget } from '../../common/models/voice';
import { ok, type AppError, type Result } from '../../common/result';
import type { SupervisorSession } from '../contact-center/supervisor-session';
import { callSchema, callStateChangeMessageSchema, type WireCall } from '../contact-center/wire/calls';
import type { NotificationEnvelope } from '../contact-center/wire/notifications';
import type { WireUser } from '../contact-center/wire/users';
import type { Logger } from '../platform/logger';
import type { SipController } from '../sip/sip-controller';
import { updateAppState, type AppStore } from '../state/app-store';
import type { GwsCallOperation, ServerCallState } from './call-machine';
import {
  initialVoiceCore,
  step,
  type CallCommand,
  type CallNotResumed,
  type ServerCallFacts,
  type VoiceCore,
  type VoiceCoreEvent,
  type VoiceEffect,
} from './voice-core';
import { renderVoice } from './voice-view';

export interface TimerHost {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: TimerHost = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What the call machine hears when its Hangup finds the call already ended: the leg ends, quietly. */
const alreadyGone: AppError = { code: 'gws-refused', message: 'the call had already ended' };

export interface VoiceCallsOptions {
  readonly session: SupervisorSession;
  readonly sip: SipController;
  readonly store: AppStore;
  readonly logger: Logger;
  /** The volume a new call starts at (the supervisor's saved setting). */
  readonly initialVolume?: () => number;
  readonly now?: () => number;
  readonly timers?: TimerHost;
}

/**
 * Runs the voice core: feeds it what GWS, the SIP controller and the supervisor say, carries out its
 * effects (media host commands, GWS operations, timers), feeds their outcomes back, and publishes the
 * derived voice state. It decides nothing itself; the core and its call machines do.
 */
export class VoiceCalls {
  private core: VoiceCore;
  private readonly queue: VoiceCoreEvent[] = [];
  private running = false;
  private readonly timers = new Map<string, unknown>();
  private readonly actionListeners = new Set<(action: SupervisorAction) => void>();
  private readonly notResumedListeners = new Set<(call: CallNotResumed) => void>();
  private readonly disposers: Array<() => void> = [];
  private readonly now: () => number;
  private readonly timerHost: TimerHost;
  private published: VoiceCore | null = null;

  constructor(private readonly options: VoiceCallsOptions) {
    this.now = options.now ?? Date.now;
    this.timerHost = options.timers ?? realTimers;
    this.core = initialVoiceCore({
      status: options.sip.mediaHostConnected ? 'running' : 'starting',
      reason: null,
      reopenable: false,
    });
    this.disposers.push(
      options.session.onNotification((notification) => this.onNotification(notification)),
      options.session.onUserSnapshot((user) => this.onUserSnapshot(user)),
      options.sip.onCoreEvent((event) => this.dispatch(event)),
    );
    this.publish();
  }

  /** Each supervisor command GWS accepted, for the audit trail. */
  onAction(listener: (action: SupervisorAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  /** Each live call that could not be moved to the network the phone line came back on, and ended. */
  onCallNotResumed(listener: (call: CallNotResumed) => void): () => void {
    this.notResumedListeners.add(listener);
    return () => this.notResumedListeners.delete(listener);
  }

  /** The core as it stands, for the subscription service and diagnostics. */
  get state(): VoiceCore {
    return this.core;
  }

  /**
   * Whether any call wants the microphone now: a go-live in flight or a microphone that may be open.
   * The desktop app grants the media window the microphone only then.
   */
  microphoneWanted(): boolean {
    return this.core.calls.some(
      (machine) => machine.microphone !== 'closed' || (machine.step?.kind === 'live' && machine.talking),
    );
  }

  /** Feeds one event to the core and carries out what follows; returns why a command was refused. */
  dispatch(event: VoiceCoreEvent): AppError | null {
    this.queue.push(event);
    if (this.running) return null;
    this.running = true;
    let refusal: AppError | null = null;
    let first = true;
    try {
      while (this.queue.length > 0) {
        const next = this.queue.shift() as VoiceCoreEvent;
        const result = step(this.core, next, {
          now: this.now(),
          inputDeviceId: this.options.sip.selectedInputId,
          initialVolume: this.options.initialVolume?.() ?? 1,
        });
        this.core = result.core;
        if (first) refusal = result.refusal;
        first = false;
        for (const effect of result.effects) this.carryOut(effect);
      }
    } finally {
      this.running = false;
    }
    this.publish();
    return refusal;
  }

  switchMode(callId: string, target: SwitchTarget): Result<null> {
    return this.command(callId, { type: 'switch', target });
  }

  talk(callId: string): Result<null> {
    return this.command(callId, { type: 'talk' });
  }

  stopTalking(callId: string): Result<null> {
    return this.command(callId, { type: 'stop-talking' });
  }

  muteAgent(callId: string, muted: boolean): Result<null> {
    return this.command(callId, { type: 'mute-agent', muted });
  }

  hangUp(callId: string): Result<null> {
    return this.command(callId, { type: 'hang-up' });
  }

  setVolume(callId: string, volume: number): Result<null> {
    return this.command(callId, { type: 'set-volume', volume });
  }

  answerIncoming(legId: string): Result<null> {
    return this.resultOf(this.dispatch({ type: 'answer-incoming', legId }));
  }

  declineIncoming(legId: string): Result<null> {
    return this.resultOf(this.dispatch({ type: 'decline-incoming', legId }));
  }

  /** Signing out: every leg ends and the microphone closes; GWS is not asked, it is being left. */
  endAll(): void {
    this.dispatch({ type: 'reset', reason: 'You signed out.' });
  }

  dispose(): void {
    this.endAll();
    for (const handle of this.timers.values()) this.timerHost.clear(handle);
    this.timers.clear();
    for (const dispose of this.disposers) dispose();
    this.actionListeners.clear();
    this.notResumedListeners.clear();
  }

  private command(callId: string, command: CallCommand): Result<null> {
    return this.resultOf(this.dispatch({ type: 'command', callId, command }));
  }

  private resultOf(refusal: AppError | null): Result<null> {
    return refusal ? { ok: false, error: refusal } : ok(null);
  }

  private carryOut(effect: VoiceEffect): void {
    switch (effect.type) {
      case 'media':
        this.options.sip.send(effect.command);
        return;
      case 'gws':
        void this.runGws(effect.callId, effect.operation);
        return;
      case 'start-timer': {
        const previous = this.timers.get(effect.key);
        if (previous !== undefined) this.timerHost.clear(previous);
        this.timers.set(
          effect.key,
          this.timerHost.set(() => {
            this.timers.delete(effect.key);
            this.dispatch({ type: 'timer', key: effect.key });
          }, effect.ms),
        );
        return;
      }
      case 'cancel-timer': {
        const handle = this.timers.get(effect.key);
        if (handle !== undefined) this.timerHost.clear(handle);
        this.timers.delete(effect.key);
        return;
      }
      case 'audit':
        this.emitAction({
          kind: effect.kind,
          channel: 'voice',
          agentId: effect.agentId,
          interactionId: effect.callId,
          mode: effect.mode,
          text: null,
          detail: effect.detail,
          otherParty: effect.otherParty,
          ending: effect.ending,
          transferredTo: effect.transferredTo,
        });
        return;
      case 'log':
        if (effect.level === 'warn') this.options.logger.warn(effect.message);
        else this.options.logger.info(effect.message);
        return;
      case 'call-not-resumed': {
        const { type: _type, ...call } = effect;
        for (const listener of this.notResumedListeners) {
          try {
            listener(call);
          } catch (error) {
            this.options.logger.error('A lost-call listener failed', { error });
          }
        }
        return;
      }
    }
  }

  private async runGws(callId: string, operation: GwsCallOperation): Promise<void> {
    const api = this.options.session.api;
    let error: AppError | null;
    if (!api) {
      error = { code: 'not-signed-in', message: 'Earshot is not signed in to Genesys.' };
    } else if (operation === 'Hangup') {
      const result = await api.endingOperation(`/api/v2/me/calls/${encodeURIComponent(callId)}`, {
        operationName: operation,
      });
      if (result.ok && result.value === 'already-gone') {
        // Ended from the other side first (the customer, the agent, SIP Server's BYE): nothing to report.
        this.dispatch({ type: 'gws-result', callId, operation, error: alreadyGone });
        return;
      }
      error = result.ok ? null : result.error;
    } else {
      const result = await api.operation(`/api/v2/me/calls/${encodeURIComponent(callId)}`, {
        operationName: operation,
      });
      error = result.ok ? null : result.error;
    }
    if (error)
      this.options.logger.info('A GWS call operation was not carried out', {
        callId,
        operation,
        reason: error.detail ?? error.message,
      });
    this.dispatch({ type: 'gws-result', callId, operation, error });
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

  private publish(): void {
    if (this.published !== null && sameInputs(this.published, this.core)) return;
    this.published = this.core;
    const view = renderVoice(this.core);
    updateAppState(this.options.store, (app) => ({ ...app, voice: { ...app.voice, ...view } }));
  }

  // ——— GWS ———

  private onNotification(notification: NotificationEnvelope): void {
    const { data } = notification;
    if (data.messageType !== 'CallStateChangeMessage') return;
    const message = callStateChangeMessageSchema.safeParse(data);
    if (!message.success) {
      this.options.logger.warn('Skipped a malformed CallStateChangeMessage', { reason: message.error.message });
      return;
    }
    this.dispatch({ type: 'gws-call', call: this.facts(message.data.call) });
  }

  private onUserSnapshot(user: WireUser): void {
    const calls = (user.calls ?? []).flatMap((entry) => {
      const call = callSchema.safeParse(entry);
      return call.success ? [call.data] : [];
    });
    // A call that ended while notifications were down would otherwise stay on the board.
    this.dispatch({ type: 'gws-calls-present', ids: calls.map((call) => call.id) });
    for (const call of calls) this.dispatch({ type: 'gws-call', call: this.facts(call) });
  }

  private facts(call: WireCall): ServerCallFacts {
    const agent = call.dnis ? this.agentByExtension(call.dnis) : undefined;
    return {
      id: call.id,
      callUuid: call.callUuid ?? null,
      state: serverCallState(call.state),
      mute: call.mute ?? null,
      capabilities: call.capabilities ?? null,
      agentMuted: call.monitoredUserMuted ?? null,
      monitoring: call.monitoring ?? null,
      agent: agent ? { id: agent.id, name: agent.displayName } : null,
      customerNumber:
        call.ani ??
        call.participants?.find((participant) => participant.phoneNumber !== call.dnis)?.phoneNumber ??
        null,
      startedAt: this.now() - (call.duration ?? 0) * 1_000,
    };
  }

  private agentByExtension(extension: string): Agent | undefined {
    return this.options.store.getState().team.agents.find((agent) => agent.extension === extension);
  }
}

function serverCallState(state: string): ServerCallState {
  switch (state) {
    case 'Ringing':
    case 'Dialing':
      return 'Ringing';
    case 'Established':
      return 'Established';
    case 'Released':
      return 'Released';
    default:
      return 'Other';
  }
}

/** The core is immutable: what the view is derived from either kept its objects or changed. */
function sameInputs(a: VoiceCore, b: VoiceCore): boolean {
  return (
    a.calls === b.calls &&
    a.invites === b.invites &&
    a.engine === b.engine &&
    a.unconfirmed === b.unconfirmed &&
    a.subscription === b.subscription &&
    a.subscriptionRequest === b.subscriptionRequest &&
    a.subscriptionError === b.subscriptionError
  );
}
