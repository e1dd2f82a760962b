import type {
  CallStats,
  IceRestartOutcome,
  MediaCommand,
  MediaCommandName,
  MicrophoneReport,
} from '../../common/contract/media-host-contract';
import type { OfferedLeg, SipEvent } from '../sip/sip-events';
import type { AuditKind, InteractionEnding } from '../../common/models/audit';
import {
  louderAudience,
  type Audience,
  type AudioEngine,
  type CallAudio,
  type MonitoringScope,
  type VoiceFrequency,
  type VoiceMode,
} from '../../common/models/voice';
import { assertNever, type AppError } from '../../common/result';
import {
  callAudience,
  impliedMode,
  isLegUp,
  newMonitoringCall,
  newOrdinaryCall,
  otherPartyOf,
  transition,
  type CallEvent,
  type CallMachine,
  type CallTimer,
  type GwsCallOperation,
  type ServerCallState,
} from './call-machine';

/**
 * Everything that decides who can hear the supervisor, across calls: the call machines, the SIP
 * legs not (yet) on a card, the media host, and the monitoring subscription. Pure, like the call
 * machine: `step(core, event, context)` returns the next core and the effects to carry out. The
 * voice calls service is its only interpreter; the model-based tests are another.
 *
 * Rules for SIP legs kept here:
 * - a leg is auto-answered only when its X-Genesys-CallUUID matches a monitoring call GWS reported
 *   for this supervisor, and only if that call has no leg yet: at most one answered leg per call;
 * - a new INVITE with a Call-ID already seen is refused, never answered;
 * - a leg that might still match (a subscription is active) waits a short while for GWS, then rings;
 * - every answered leg belongs to exactly one card; a card whose leg ends leaves the board.
 */

/** A GWS call notification (or an entry of a re-read), normalised by the service. */
export interface ServerCallFacts {
  readonly id: string;
  readonly callUuid: string | null;
  readonly state: ServerCallState;
  readonly mute: boolean | null;
  readonly capabilities: readonly string[] | null;
  readonly agentMuted: boolean | null;
  /** GWS's `monitoring` flag where it sends one. */
  readonly monitoring: boolean | null;
  readonly agent: { readonly id: string; readonly name: string } | null;
  readonly customerNumber: string | null;
  readonly startedAt: number;
}

export interface Invite {
  readonly leg: OfferedLeg;
  /** waiting: might be a monitoring call GWS has not reported yet. ringing: shown to the supervisor. */
  readonly status: 'waiting' | 'ringing';
}

export interface SubscriptionFacts {
  readonly agentId: string | null;
  readonly agentName: string | null;
  readonly mode: VoiceMode;
  readonly scope: MonitoringScope;
  readonly frequency: VoiceFrequency;
}

export type SubscriptionRequest =
  { readonly kind: 'requesting'; readonly facts: SubscriptionFacts } | { readonly kind: 'cancelling' } | null;

export interface VoiceCore {
  /** Live cards in the order they arrived. */
  readonly calls: readonly CallMachine[];
  readonly invites: readonly Invite[];
  readonly seenSipCallIds: readonly string[];
  /** GWS ids and CallUUIDs of calls that ended here: late notifications and INVITEs for them are not new calls. */
  readonly endedCallIds: readonly string[];
  readonly engine: AudioEngine;
  /**
   * A microphone main lost sight of: the media host went away while it could carry the supervisor's
   * voice, or came back still holding calls. Indicators keep its audience until a media host confirms.
   */
  readonly unconfirmed: { readonly audience: Audience; readonly legIds: readonly string[] } | null;
  readonly subscription: SubscriptionFacts | null;
  readonly subscriptionRequest: SubscriptionRequest;
  readonly subscriptionError: AppError | null;
  /** When the phone line was last lost after being registered: what a notice about a lost call tells. */
  readonly lineLostAt: number | null;
  /** The line is lost and not registered again yet: live calls wait to be moved to the new network. */
  readonly lineAway: boolean;
  /** Calls being moved to the new network (their ICE restart not answered yet). */
  readonly moving: readonly string[];
}

export type CallCommand = Extract<
  CallEvent,
  { type: 'switch' | 'talk' | 'stop-talking' | 'mute-agent' | 'hang-up' | 'set-volume' }
>;

export type VoiceCoreEvent =
  | { readonly type: 'gws-call'; readonly call: ServerCallFacts }
  /** After a re-read of the supervisor's calls: a card whose call is no longer there was released meanwhile. */
  | { readonly type: 'gws-calls-present'; readonly ids: readonly string[] }
  | {
      readonly type: 'gws-result';
      readonly callId: string;
      readonly operation: GwsCallOperation;
      readonly error: AppError | null;
    }
  | { readonly type: 'command'; readonly callId: string; readonly command: CallCommand }
  | { readonly type: 'answer-incoming'; readonly legId: string }
  | { readonly type: 'decline-incoming'; readonly legId: string }
  | SipEvent
  | { readonly type: 'subscription'; readonly facts: SubscriptionFacts | null }
  | { readonly type: 'subscription-request'; readonly request: SubscriptionRequest; readonly error: AppError | null }
  | { readonly type: 'timer'; readonly key: string }
  /** Signing out: every leg ends, nothing more is asked of GWS. */
  | { readonly type: 'reset'; readonly reason: string };

export type VoiceEffect =
  | { readonly type: 'media'; readonly command: MediaCommand }
  | { readonly type: 'gws'; readonly callId: string; readonly operation: GwsCallOperation }
  | { readonly type: 'start-timer'; readonly key: string; readonly ms: number }
  | { readonly type: 'cancel-timer'; readonly key: string }
  | {
      readonly type: 'audit';
      readonly kind: AuditKind;
      readonly callId: string;
      readonly agentId: string | null;
      readonly otherParty: string | null;
      readonly mode: VoiceMode | null;
      readonly ending: InteractionEnding | null;
      readonly detail: string | null;
      readonly transferredTo: string | null;
    }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string }
  /** A live call could not be moved to the network the line came back on, and was ended: say so. */
  | {
      readonly type: 'call-not-resumed';
      readonly callId: string;
      readonly agentName: string | null;
      readonly otherParty: string | null;
      /** When the line was lost; null if it never was (a restart that failed for another reason). */
      readonly lostAt: number | null;
      readonly outcome: Exclude<IceRestartOutcome, 'restarted'>;
    };

/** A call that could not be moved to the network the line came back on, as the notice tells it. */
export type CallNotResumed = Omit<Extract<VoiceEffect, { type: 'call-not-resumed' }>, 'type'>;

export interface VoiceStep {
  readonly core: VoiceCore;
  readonly effects: readonly VoiceEffect[];
  readonly refusal: AppError | null;
}

export interface VoiceContext {
  readonly now: number;
  readonly inputDeviceId: string | null;
  /** The volume a new call starts at (the supervisor's saved setting). */
  readonly initialVolume: number;
}

/** How long an INVITE that might be a monitoring call waits for GWS's call notification to match it. */
export const MATCH_WINDOW_MS = 2_000;
/** How long a monitoring request may wait for GWS's device notification before the supervisor is told. */
export const SUBSCRIPTION_CONFIRM_MS = 10_000;
const SUBSCRIPTION_TIMER = 'subscription';
const SEEN_LIMIT = 500;
/** SIP response to a second INVITE with a Call-ID already seen (RFC 3261 §8.2.2.2, merged requests). */
const LOOP_DETECTED = 482;
const BUSY_HERE = 486;

export function initialVoiceCore(engine: AudioEngine): VoiceCore {
  return {
    calls: [],
    invites: [],
    seenSipCallIds: [],
    endedCallIds: [],
    engine,
    unconfirmed: null,
    subscription: null,
    subscriptionRequest: null,
    subscriptionError: null,
    lineLostAt: null,
    lineAway: false,
    moving: [],
  };
}

/** A monitoring call may be on its way: a subscription is active or being requested. */
export function expectingMonitoring(core: VoiceCore): boolean {
  return core.subscription !== null || core.subscriptionRequest?.kind === 'requesting';
}

class CoreStep {
  readonly effects: VoiceEffect[] = [];
  refusal: AppError | null = null;

  constructor(
    public core: VoiceCore,
    readonly context: VoiceContext,
  ) {}

  set(change: Partial<VoiceCore>): void {
    this.core = { ...this.core, ...change };
  }

  effect(effect: VoiceEffect): void {
    this.effects.push(effect);
  }

  refuse(message: string): void {
    this.refusal = { code: 'invalid-input', message };
  }

  result(): VoiceStep {
    return { core: this.core, effects: this.effects, refusal: this.refusal };
  }
}

export function step(core: VoiceCore, event: VoiceCoreEvent, context: VoiceContext): VoiceStep {
  const s = new CoreStep(core, context);
  switch (event.type) {
    case 'gws-call':
      onGwsCall(s, event.call);
      break;
    case 'gws-calls-present':
      for (const machine of s.core.calls) {
        if (machine.kind === 'monitoring' && !event.ids.includes(machine.id) && machine.server?.state !== 'Ringing') {
          if (endIfReleasedWhileAway(s, machine)) continue;
          drive(s, machine.id, {
            type: 'server',
            state: 'Released',
            mute: null,
            capabilities: null,
            agentMuted: null,
            agent: null,
          });
        }
      }
      break;
    case 'gws-result':
      drive(s, event.callId, { type: 'server-result', operation: event.operation, error: event.error });
      break;
    case 'command':
      if (!s.core.calls.some((machine) => machine.id === event.callId)) s.refuse('That call has ended.');
      else drive(s, event.callId, event.command);
      break;
    case 'answer-incoming':
      answerIncoming(s, event.legId);
      break;
    case 'decline-incoming': {
      const invite = s.core.invites.find((candidate) => candidate.leg.id === event.legId);
      if (!invite) {
        s.refuse('That call is no longer ringing.');
        break;
      }
      dropInvite(s, invite.leg.id);
      s.effect({ type: 'media', command: { type: 'decline', callId: invite.leg.id, statusCode: BUSY_HERE } });
      break;
    }
    case 'leg-offered':
      onLegOffered(s, event.leg);
      break;
    case 'leg-state':
      onLegState(s, event.legId, event.state, event.reason);
      break;
    case 'leg-microphone':
      onLegMicrophone(s, event.legId, event.report, event.error);
      break;
    case 'leg-first-audio':
      driveLeg(s, event.legId, (machine) => ({
        type: 'audio',
        audio: { ...machine.audio, firstAudioAt: machine.audio.firstAudioAt ?? event.at },
      }));
      break;
    case 'leg-stats':
      driveLeg(s, event.legId, (machine) => ({ type: 'audio', audio: audioFromStats(machine.audio, event.stats) }));
      break;
    case 'leg-command-failed':
      onLegCommandFailed(s, event.legId, event.command, event.reason);
      break;
    case 'leg-ice-restart':
      onLegIceRestart(s, event.legId, event.outcome, event.reason);
      break;
    case 'line-lost':
      s.set({ lineLostAt: s.context.now, lineAway: true });
      break;
    case 'line-restored':
      onLineRestored(s);
      break;
    case 'media-lost':
      onMediaLost(s, event);
      break;
    case 'media-ready':
      onMediaReady(s, event.heldLegs);
      break;
    case 'subscription':
      onSubscription(s, event.facts);
      break;
    case 'subscription-request':
      s.set({ subscriptionRequest: event.request, subscriptionError: event.error });
      s.effect({ type: 'cancel-timer', key: SUBSCRIPTION_TIMER });
      if (event.request !== null) {
        s.effect({ type: 'start-timer', key: SUBSCRIPTION_TIMER, ms: SUBSCRIPTION_CONFIRM_MS });
      }
      if (!expectingMonitoring(s.core)) ringWaitingInvites(s);
      break;
    case 'timer':
      onTimer(s, event.key);
      break;
    case 'reset':
      onReset(s, event.reason);
      break;
    default:
      assertNever(event);
  }
  return s.result();
}

// ——— calls ———

function timerKey(callId: string, timer: CallTimer): string {
  return `call:${callId}:${timer}`;
}

/** Runs one call machine and files its effects under the call; an ended machine leaves the calls. */
function drive(s: CoreStep, callId: string, event: CallEvent): void {
  const machine = s.core.calls.find((candidate) => candidate.id === callId);
  if (!machine) return;
  const next = transition(machine, event, { now: s.context.now, inputDeviceId: s.context.inputDeviceId });
  if (next.refusal) s.refusal = next.refusal;
  for (const effect of next.effects) {
    switch (effect.type) {
      case 'media':
        s.effect(effect);
        break;
      case 'gws':
        s.effect({ type: 'gws', callId, operation: effect.operation });
        break;
      case 'start-timer':
        s.effect({ type: 'start-timer', key: timerKey(callId, effect.timer), ms: effect.ms });
        break;
      case 'cancel-timer':
        s.effect({ type: 'cancel-timer', key: timerKey(callId, effect.timer) });
        break;
      case 'audit':
        s.effect({
          type: 'audit',
          kind: effect.kind,
          callId,
          agentId: next.machine.agentId,
          otherParty: otherPartyOf(next.machine),
          mode: effect.mode,
          ending: effect.ending,
          detail: effect.detail,
          transferredTo: effect.transferredTo,
        });
        break;
      case 'log':
        s.effect({ type: 'log', level: effect.level, message: `${callId}: ${effect.message}` });
        break;
      default:
        assertNever(effect);
    }
  }
  replace(s, next.machine);
}

function replace(s: CoreStep, machine: CallMachine): void {
  if (s.core.calls.includes(machine)) return;
  if (machine.ended === null) {
    s.set({ calls: s.core.calls.map((candidate) => (candidate.id === machine.id ? machine : candidate)) });
    return;
  }
  s.set({
    calls: s.core.calls.filter((candidate) => candidate.id !== machine.id),
    endedCallIds: remember(s.core.endedCallIds, [machine.id, ...(machine.callUuid ? [machine.callUuid] : [])]),
    moving: s.core.moving.filter((id) => id !== machine.id),
  });
}

function remember(list: readonly string[], ids: readonly string[]): readonly string[] {
  const fresh = ids.filter((id) => !list.includes(id));
  return fresh.length === 0 ? list : [...list, ...fresh].slice(-SEEN_LIMIT);
}

function cardOfLeg(core: VoiceCore, legId: string): CallMachine | undefined {
  return core.calls.find((machine) => machine.leg?.id === legId);
}

function driveLeg(s: CoreStep, legId: string, event: (machine: CallMachine) => CallEvent): boolean {
  const machine = cardOfLeg(s.core, legId);
  if (!machine) return false;
  drive(s, machine.id, event(machine));
  return true;
}

function onGwsCall(s: CoreStep, call: ServerCallFacts): void {
  const existing = s.core.calls.find((machine) => machine.id === call.id);
  if (existing) {
    if (call.state === 'Released' && endIfReleasedWhileAway(s, existing)) return;
    drive(s, call.id, {
      type: 'server',
      state: call.state,
      mute: call.mute,
      capabilities: call.capabilities,
      agentMuted: call.agentMuted,
      agent: call.agent,
    });
    return;
  }
  if (call.state === 'Released' || s.core.endedCallIds.includes(call.id)) return;
  const monitoring = call.monitoring === true || (call.monitoring === null && expectingMonitoring(s.core));
  if (!monitoring) return;
  const subscriptionMode =
    s.core.subscriptionRequest?.kind === 'requesting'
      ? s.core.subscriptionRequest.facts.mode
      : (s.core.subscription?.mode ?? 'ListenIn');
  const mode: VoiceMode =
    call.mute === null ? subscriptionMode : impliedMode(liveOr(subscriptionMode), call.mute, call.capabilities);
  const machine = newMonitoringCall({
    id: call.id,
    callUuid: call.callUuid ?? call.id,
    agentId: call.agent?.id ?? s.core.subscription?.agentId ?? null,
    agentName: call.agent?.name ?? s.core.subscription?.agentName ?? null,
    customerNumber: call.customerNumber,
    startedAt: call.startedAt,
    server: {
      state: call.state,
      mode,
      capabilities: call.capabilities ?? [],
      agentMuted: call.agentMuted ?? false,
    },
    // Chosen when arming the subscription; a cancel on its way withdraws that choice.
    intendedMode: s.core.subscriptionRequest?.kind === 'cancelling' ? 'ListenIn' : subscriptionMode,
    volume: s.context.initialVolume,
  });
  s.set({ calls: [...s.core.calls, machine] });
  s.effect({ type: 'log', level: 'info', message: `Monitoring call ${call.id} delivered (${mode})` });
  if (s.core.engine.status !== 'running') {
    // Nothing could play it: end it on both sides at once rather than show a call nobody hears.
    drive(s, call.id, {
      type: 'media-lost',
      reason: 'The audio window was closed, so this call could not be heard.',
    });
    return;
  }
  const invite = s.core.invites.find(
    (candidate) =>
      candidate.leg.genesysCallUuid !== null &&
      (candidate.leg.genesysCallUuid === machine.callUuid || candidate.leg.genesysCallUuid === machine.id),
  );
  if (invite) attachLeg(s, machine.id, invite.leg);
}

function liveOr(mode: VoiceMode): VoiceMode {
  return mode === 'ListenIn' ? 'BargeIn' : mode;
}

// ——— SIP legs ———

function onLegOffered(s: CoreStep, leg: OfferedLeg): void {
  if (s.core.seenSipCallIds.includes(leg.sipCallId)) {
    s.effect({ type: 'log', level: 'warn', message: `Refused a second INVITE with Call-ID ${leg.sipCallId}` });
    s.effect({ type: 'media', command: { type: 'decline', callId: leg.id, statusCode: LOOP_DETECTED } });
    return;
  }
  s.set({ seenSipCallIds: remember(s.core.seenSipCallIds, [leg.sipCallId]) });
  const uuid = leg.genesysCallUuid;
  if (uuid !== null) {
    const card = s.core.calls.find(
      (machine) => machine.kind === 'monitoring' && (machine.callUuid === uuid || machine.id === uuid),
    );
    if (card) {
      if (card.leg !== null || card.step?.kind === 'hangUp') {
        s.effect({ type: 'log', level: 'warn', message: `Refused a second leg for monitoring call ${card.id}` });
        s.effect({ type: 'media', command: { type: 'decline', callId: leg.id, statusCode: BUSY_HERE } });
        return;
      }
      attachLeg(s, card.id, leg);
      return;
    }
    if (s.core.endedCallIds.includes(uuid)) {
      s.effect({
        type: 'log',
        level: 'info',
        message: `Refused an INVITE for monitoring call ${uuid}, which has ended`,
      });
      s.effect({ type: 'media', command: { type: 'decline', callId: leg.id, statusCode: BUSY_HERE } });
      return;
    }
    if (expectingMonitoring(s.core)) {
      s.set({ invites: [...s.core.invites, { leg, status: 'waiting' }] });
      s.effect({ type: 'start-timer', key: inviteTimerKey(leg.id), ms: MATCH_WINDOW_MS });
      return;
    }
  }
  s.effect({ type: 'log', level: 'info', message: `An incoming call from ${leg.from} is not monitoring; it rings` });
  s.set({ invites: [...s.core.invites, { leg, status: 'ringing' }] });
}

function inviteTimerKey(legId: string): string {
  return `invite:${legId}`;
}

function attachLeg(s: CoreStep, callId: string, leg: OfferedLeg): void {
  dropInvite(s, leg.id);
  s.effect({ type: 'media', command: { type: 'answer', callId: leg.id } });
  drive(s, callId, { type: 'leg-answered', leg: { id: leg.id, sipCallId: leg.sipCallId, established: false } });
}

function dropInvite(s: CoreStep, legId: string): void {
  const invite = s.core.invites.find((candidate) => candidate.leg.id === legId);
  if (!invite) return;
  if (invite.status === 'waiting') s.effect({ type: 'cancel-timer', key: inviteTimerKey(legId) });
  s.set({ invites: s.core.invites.filter((candidate) => candidate.leg.id !== legId) });
}

function ringWaitingInvites(s: CoreStep): void {
  if (!s.core.invites.some((invite) => invite.status === 'waiting')) return;
  for (const invite of s.core.invites) {
    if (invite.status === 'waiting') s.effect({ type: 'cancel-timer', key: inviteTimerKey(invite.leg.id) });
  }
  s.set({ invites: s.core.invites.map((invite) => ({ ...invite, status: 'ringing' })) });
}

function answerIncoming(s: CoreStep, legId: string): void {
  const invite = s.core.invites.find((candidate) => candidate.leg.id === legId && candidate.status === 'ringing');
  if (!invite) {
    s.refuse('That call is no longer ringing.');
    return;
  }
  dropInvite(s, legId);
  const machine = newOrdinaryCall({
    leg: { id: invite.leg.id, sipCallId: invite.leg.sipCallId, established: false },
    caller: invite.leg.from,
    callerName: invite.leg.displayName,
    startedAt: s.context.now,
    volume: s.context.initialVolume,
  });
  s.set({ calls: [...s.core.calls, machine] });
  s.effect({ type: 'media', command: { type: 'answer', callId: legId } });
}

function onLegState(
  s: CoreStep,
  legId: string,
  state: 'answering' | 'established' | 'ended',
  reason: string | null,
): void {
  if (state === 'ended') confirmStrayLegGone(s, legId);
  const card = cardOfLeg(s.core, legId);
  if (card) {
    if (state === 'established') drive(s, card.id, { type: 'leg-established' });
    if (state === 'ended') drive(s, card.id, { type: 'leg-ended', reason });
    return;
  }
  if (state === 'ended') dropInvite(s, legId);
}

function onLegMicrophone(s: CoreStep, legId: string, report: MicrophoneReport, error: string | null): void {
  if (report === 'released' || report === 'failed') confirmStrayLegGone(s, legId);
  if (driveLeg(s, legId, () => ({ type: 'microphone', report, error }))) return;
  if (report === 'acquired' || report === 'sending') {
    // A microphone on a leg no card owns: nothing may carry the supervisor's voice there.
    s.effect({
      type: 'log',
      level: 'warn',
      message: `Microphone ${report} on leg ${legId}, which no call owns; ending it`,
    });
    s.effect({ type: 'media', command: { type: 'hangUp', callId: legId } });
  }
}

function onLegCommandFailed(s: CoreStep, legId: string, command: MediaCommandName, reason: string): void {
  const card = cardOfLeg(s.core, legId);
  if (command === 'hangUp') {
    // The leg is gone already ("there is no call"; the other side hung up first): the card ends as if
    // the leg had ended, and that is no fault worth a warning.
    s.effect({ type: 'log', level: 'info', message: `The media host had no call ${legId} left to hang up` });
    if (card) drive(s, card.id, { type: 'leg-ended', reason: null });
    return;
  }
  s.effect({ type: 'log', level: 'warn', message: `The media host could not ${command} on ${legId}: ${reason}` });
  if (!card) return;
  if (command === 'acquireMicrophone' || command === 'attachMicrophone') {
    drive(s, card.id, { type: 'microphone', report: 'failed', error: reason });
    return;
  }
  if (command === 'releaseMicrophone') {
    // A release the media host could not carry out means its call is gone, tracks and all.
    drive(s, card.id, { type: 'leg-ended', reason: null });
  }
}

/** A leg that could not move to the new network is ended, and the supervisor told why in words. */
function onLineRestored(s: CoreStep): void {
  s.set({ lineAway: false });
  for (const machine of s.core.calls) {
    const before = s.effects.length;
    drive(s, machine.id, { type: 'line-restored' });
    const moved = s.effects
      .slice(before)
      .some((effect) => effect.type === 'media' && effect.command.type === 'restartIce');
    if (moved) s.set({ moving: [...s.core.moving, machine.id] });
  }
}

function onLegIceRestart(s: CoreStep, legId: string, outcome: IceRestartOutcome, reason: string | null): void {
  const card = cardOfLeg(s.core, legId);
  if (card) s.set({ moving: s.core.moving.filter((id) => id !== card.id) });
  if (outcome === 'restarted') {
    s.effect({ type: 'log', level: 'info', message: `Call ${card?.id ?? legId} moved to the new network` });
    return;
  }
  s.effect({
    type: 'log',
    level: 'warn',
    message: `Call ${card?.id ?? legId} could not move to the new network (${outcome}): ${reason ?? 'no reason given'}`,
  });
  if (!card || card.step?.kind === 'hangUp') return;
  drive(s, card.id, { type: 'leg-lost', reason: callNotResumedReason(outcome), serverReleased: false });
  tellNotResumed(s, card, outcome);
}

/**
 * A live call the server released while the phone line was lost, or while it was being moved (GWS's
 * re-read, or its notification, came before the move's answer) is one that could not be resumed: it
 * ends the same way, and says so.
 */
function endIfReleasedWhileAway(s: CoreStep, machine: CallMachine): boolean {
  const away = s.core.lineAway || s.core.moving.includes(machine.id);
  if (!away || !isLegUp(machine) || machine.step?.kind === 'hangUp') return false;
  s.set({ moving: s.core.moving.filter((id) => id !== machine.id) });
  drive(s, machine.id, { type: 'leg-lost', reason: callNotResumedReason('call-gone'), serverReleased: true });
  tellNotResumed(s, machine, 'call-gone');
  return true;
}

function tellNotResumed(s: CoreStep, card: CallMachine, outcome: Exclude<IceRestartOutcome, 'restarted'>): void {
  s.effect({
    type: 'call-not-resumed',
    callId: card.id,
    agentName: card.agentName,
    otherParty: otherPartyOf(card),
    lostAt: s.core.lineLostAt,
    outcome,
  });
}

function callNotResumedReason(outcome: Exclude<IceRestartOutcome, 'restarted'>): string {
  switch (outcome) {
    case 'call-gone':
      return 'The connection was lost, and the server had ended the call meanwhile.';
    case 'no-answer':
      return 'The connection was lost, and the server did not answer when Earshot tried to resume the call.';
    case 'refused':
      return 'The connection was lost, and the server refused to resume the call.';
    default:
      return assertNever(outcome);
  }
}

function confirmStrayLegGone(s: CoreStep, legId: string): void {
  const unconfirmed = s.core.unconfirmed;
  if (!unconfirmed || !unconfirmed.legIds.includes(legId)) return;
  const legIds = unconfirmed.legIds.filter((id) => id !== legId);
  s.set({ unconfirmed: legIds.length === 0 ? null : { ...unconfirmed, legIds } });
}

// ——— the media host ———

function onMediaLost(s: CoreStep, event: Extract<VoiceCoreEvent, { type: 'media-lost' }>): void {
  let lostAudience: Audience = s.core.unconfirmed?.audience ?? 'nobody';
  for (const machine of s.core.calls) {
    if (machine.microphone !== 'closed') lostAudience = louderAudience(lostAudience, callAudience(machine));
  }
  for (const invite of s.core.invites) dropInvite(s, invite.leg.id);
  for (const machine of s.core.calls) drive(s, machine.id, { type: 'media-lost', reason: event.reason });
  s.set({
    engine: { status: event.restarting ? 'starting' : 'lost', reason: event.reason, reopenable: event.reopenable },
    // Until a media host says it holds nothing, a microphone that could carry is still shown as carrying.
    unconfirmed: event.microphoneReleased || lostAudience === 'nobody' ? null : { audience: lostAudience, legIds: [] },
  });
}

function onMediaReady(s: CoreStep, heldLegs: ReadonlyArray<{ legId: string; microphoneLive: boolean }>): void {
  // A new page registers afresh: its line has no loss to come back from (sip-controller.ts).
  s.set({ engine: { status: 'running', reason: null, reopenable: false }, lineAway: false, moving: [] });
  const stray = heldLegs.filter((held) => !cardOfLeg(s.core, held.legId));
  for (const held of stray) {
    s.effect({ type: 'log', level: 'warn', message: `The media host still held call ${held.legId}; ending it` });
    s.effect({ type: 'media', command: { type: 'hangUp', callId: held.legId } });
  }
  const live = stray.filter((held) => held.microphoneLive).map((held) => held.legId);
  if (live.length === 0) {
    s.set({ unconfirmed: null });
    return;
  }
  s.set({
    unconfirmed: { audience: louderAudience(s.core.unconfirmed?.audience ?? 'agent', 'agent'), legIds: live },
  });
}

// ——— timers and sign-out ———

/**
 * The device notification is the truth about the subscription, whoever asked. A request on its way
 * ends when the notification shows what it asked for; an older notification (the subscription being
 * replaced) does not end it.
 */
function onSubscription(s: CoreStep, facts: SubscriptionFacts | null): void {
  s.set({ subscription: facts, subscriptionError: null });
  const request = s.core.subscriptionRequest;
  const fulfilled =
    request === null ||
    (request.kind === 'cancelling' && facts === null) ||
    (request.kind === 'requesting' &&
      facts !== null &&
      facts.mode === request.facts.mode &&
      (facts.agentId === null || facts.agentId === request.facts.agentId));
  if (fulfilled && request !== null) {
    s.set({ subscriptionRequest: null });
    s.effect({ type: 'cancel-timer', key: SUBSCRIPTION_TIMER });
  }
  if (!expectingMonitoring(s.core)) ringWaitingInvites(s);
}

function onTimer(s: CoreStep, key: string): void {
  if (key === SUBSCRIPTION_TIMER) {
    const request = s.core.subscriptionRequest;
    if (request === null) return;
    s.set({
      subscriptionRequest: null,
      subscriptionError: {
        code: 'timeout',
        message:
          request.kind === 'requesting'
            ? 'Genesys accepted the monitoring request but has not confirmed it. Check the agent’s row before relying on it, or try again.'
            : 'Genesys has not confirmed that monitoring stopped. Try Cancel again.',
      },
    });
    if (!expectingMonitoring(s.core)) ringWaitingInvites(s);
    return;
  }
  const [kind, ...rest] = key.split(':');
  if (kind === 'invite') {
    const legId = rest.join(':');
    const invite = s.core.invites.find((candidate) => candidate.leg.id === legId);
    if (!invite || invite.status !== 'waiting') return;
    s.effect({ type: 'log', level: 'info', message: `No monitoring call matched ${legId} in time; it rings` });
    s.set({
      invites: s.core.invites.map((candidate) =>
        candidate.leg.id === legId ? { ...candidate, status: 'ringing' } : candidate,
      ),
    });
    return;
  }
  if (kind === 'call') {
    const timer = rest.pop();
    const callId = rest.join(':');
    if (timer === 'confirm' || timer === 'hang-up') drive(s, callId, { type: 'timer', timer });
  }
}

function onReset(s: CoreStep, reason: string): void {
  for (const invite of s.core.invites) {
    dropInvite(s, invite.leg.id);
    s.effect({ type: 'media', command: { type: 'decline', callId: invite.leg.id, statusCode: BUSY_HERE } });
  }
  for (const machine of s.core.calls) drive(s, machine.id, { type: 'abandon', reason });
  s.set({ subscription: null, subscriptionRequest: null, subscriptionError: null, lineAway: false, moving: [] });
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
