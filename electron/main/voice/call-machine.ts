import type { MediaCommand } from '../../common/contract/media-host-contract';
import type { AuditKind, InteractionEnding } from '../../common/models/audit';
import {
  louderAudience,
  type Audience,
  type CallAudio,
  type CallKind,
  type SwitchTarget,
  type VoiceCommand,
  type VoiceMode,
} from '../../common/models/voice';
import { assertNever, type AppError } from '../../common/result';

/**
 * One call's state machine: everything that decides who can hear the supervisor on it. Pure: an
 * event in, the next machine and the effects to carry out (media host commands, GWS operations,
 * timers) out. No I/O and no clock; the voice calls service interprets the effects and feeds their
 * outcomes back as events.
 *
 * The order of operations keeps silence safe:
 * - going live: open the microphone and hold its track (nothing sent), then ask the server, then put
 *   the track on the call once the server confirms the new mode; a failure at any step releases the
 *   microphone and leaves (or puts) the server back in ListenIn.
 * - going silent: stop sending and end the tracks, then ask the server.
 * - the server is followed: `mute: On` closes the microphone; a live mode nobody asked for here is
 *   shown, and the microphone stays closed until the supervisor chooses to talk.
 */

export type LiveMode = Exclude<VoiceMode, 'ListenIn'>;

/**
 * The microphone on this call's leg, as the media host last confirmed it. `held`: the device is open
 * and its track held, but nothing is sent. Every state but `closed` counts as "could be heard".
 */
export type Microphone = 'closed' | 'acquiring' | 'held' | 'attaching' | 'sending' | 'releasing';

export type ServerCallState = 'Ringing' | 'Established' | 'Released' | 'Other';

export type GwsCallOperation =
  'SwitchToListenIn' | 'SwitchToBargeIn' | 'MuteMonitoredUser' | 'UnmuteMonitoredUser' | 'Hangup';

/** What GWS last said about the supervisor's call. */
export interface ServerCall {
  readonly state: ServerCallState;
  readonly mode: VoiceMode;
  readonly capabilities: readonly string[];
  readonly agentMuted: boolean;
}

export interface Leg {
  /** The media host's id of the SIP session. */
  readonly id: string;
  readonly sipCallId: string;
  readonly established: boolean;
}

/**
 * An operation that changes who can hear the supervisor, in flight; at most one per call, so two can
 * never interleave. Going silent may replace a go-live at any point; nothing replaces a hang-up.
 */
export type Step =
  | {
      readonly kind: 'live';
      /** The mode the server is asked for; null when the server already is where the supervisor wants to talk. */
      readonly target: 'BargeIn' | null;
      readonly phase: 'acquire' | 'ask' | 'confirm' | 'attach';
      readonly command: VoiceCommand;
    }
  | {
      readonly kind: 'silent';
      readonly phase: 'release' | 'ask' | 'confirm';
      /** Null when the server, not the supervisor, started it. */
      readonly command: VoiceCommand | null;
      /** Once the microphone is closed, ask the server for ListenIn where it is (or may be) live. */
      readonly thenAskServer: boolean;
      /** Ask even where the server last reported ListenIn: a go-live in flight may have moved it. */
      readonly putServerBack: boolean;
      /** What went wrong, shown once the microphone is closed (a failed go-live, a server-side mute). */
      readonly problem: AppError | null;
    }
  | {
      readonly kind: 'hangUp';
      readonly phase: 'release' | 'ask' | 'sip';
      readonly end: CallEnd;
    };

/** How a call ended for the supervisor, and why in words when it was not their own hang-up or a plain end. */
export interface CallEnd {
  readonly ending: InteractionEnding;
  readonly reason: string | null;
  /** The agent a `transferred` call went on with. */
  readonly transferredTo?: string;
}

export interface CallMachine {
  /** The supervisor's GWS call id; for an ordinary call, its leg's id. */
  readonly id: string;
  readonly kind: CallKind;
  /** X-Genesys-CallUUID the monitoring INVITE carries (the GWS call's callUuid, else its id). */
  readonly callUuid: string | null;
  readonly agentId: string | null;
  readonly agentName: string | null;
  readonly customerNumber: string | null;
  readonly startedAt: number;
  /** Null for an ordinary call, which GWS does not supervise. */
  readonly server: ServerCall | null;
  readonly leg: Leg | null;
  readonly microphone: Microphone;
  /** The mode the microphone went (or is going) live for, so a release still says who could hear. */
  readonly microphoneMode: LiveMode | null;
  readonly step: Step | null;
  /** Muting or unmuting the agent, on its way; it changes nothing about who hears the supervisor. */
  readonly agentMuteRequest: boolean | null;
  /** The supervisor chose to be heard in the current mode: the microphone opens once the leg is up. */
  readonly talking: boolean;
  readonly modeChangedOutside: boolean;
  /**
   * A Barge in Earshot gave up on (GWS did not answer in time) that the server may still carry out:
   * its notification, if it comes, is that late request and not a change from outside Earshot.
   */
  readonly lateRequest: { readonly mode: LiveMode; readonly until: number; readonly arrived: boolean } | null;
  readonly volume: number;
  readonly audio: CallAudio;
  readonly error: AppError | null;
  /**
   * The leg came up: the supervisor is on the call. The audit trail has its start from then, and
   * its end only if it had a start.
   */
  readonly joined: boolean;
  /** The supervisor's mode as the audit trail last recorded it; null before they joined. */
  readonly auditedMode: VoiceMode | null;
  readonly ended: (CallEnd & { readonly at: number }) | null;
}

export type MicrophoneReport = 'acquired' | 'sending' | 'released' | 'failed';

export type CallEvent =
  | { readonly type: 'switch'; readonly target: SwitchTarget }
  | { readonly type: 'talk' }
  | { readonly type: 'stop-talking' }
  | { readonly type: 'mute-agent'; readonly muted: boolean }
  | { readonly type: 'hang-up' }
  | { readonly type: 'set-volume'; readonly volume: number }
  | {
      readonly type: 'server';
      readonly state: ServerCallState;
      /** `mute` of the supervisor's call: true is ListenIn, false Coach or BargeIn, null not said. */
      readonly mute: boolean | null;
      readonly capabilities: readonly string[] | null;
      readonly agentMuted: boolean | null;
      readonly agent: { readonly id: string; readonly name: string } | null;
    }
  | { readonly type: 'server-result'; readonly operation: GwsCallOperation; readonly error: AppError | null }
  | { readonly type: 'leg-answered'; readonly leg: Leg }
  | { readonly type: 'leg-established' }
  | { readonly type: 'leg-ended'; readonly reason: string | null }
  | { readonly type: 'microphone'; readonly report: MicrophoneReport; readonly error: string | null }
  | { readonly type: 'media-lost'; readonly reason: string }
  /** The phone line is back after a loss, maybe on another network: the leg should move there. */
  | { readonly type: 'line-restored' }
  /**
   * The leg could not move to the new network, or the server released the call while the line was
   * lost (`serverReleased`): the call cannot be heard any more.
   */
  | { readonly type: 'leg-lost'; readonly reason: string; readonly serverReleased: boolean }
  /** Signing out: the leg is ended without asking GWS, which is being left. */
  | { readonly type: 'abandon'; readonly reason: string }
  | { readonly type: 'timer'; readonly timer: CallTimer }
  | { readonly type: 'audio'; readonly audio: CallAudio };

export type CallTimer = 'confirm' | 'hang-up';

export type CallEffect =
  | { readonly type: 'media'; readonly command: MediaCommand }
  | { readonly type: 'gws'; readonly operation: GwsCallOperation }
  | { readonly type: 'start-timer'; readonly timer: CallTimer; readonly ms: number }
  | { readonly type: 'cancel-timer'; readonly timer: CallTimer }
  | {
      readonly type: 'audit';
      readonly kind: AuditKind;
      readonly mode: VoiceMode | null;
      /** On `ended` only. */
      readonly ending: InteractionEnding | null;
      readonly detail: string | null;
      readonly transferredTo: string | null;
    }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };

export interface CallTransition {
  readonly machine: CallMachine;
  readonly effects: readonly CallEffect[];
  /** Why a supervisor's command was not taken; null when it was (its outcome shows on the card). */
  readonly refusal: AppError | null;
}

export interface CallContext {
  readonly now: number;
  readonly inputDeviceId: string | null;
}

/** How long GWS has to confirm a mode switch (a CallStateChangeMessage with the new `mute`) after accepting it. */
export const CONFIRM_TIMEOUT_MS = 3_000;
/** How long a GWS Hangup may take to release the call before the SIP leg is ended anyway. */
export const HANG_UP_TIMEOUT_MS = 2_000;
/** How long a request Earshot gave up on may still show up at the server as its own, not an outside change. */
export const LATE_REQUEST_MS = 15_000;

const silentAudio: CallAudio = {
  firstAudioAt: null,
  level: 0,
  behindLiveMs: null,
  packetLossPercent: null,
  packetsSent: 0,
};

export function newMonitoringCall(options: {
  readonly id: string;
  readonly callUuid: string;
  readonly agentId: string | null;
  readonly agentName: string | null;
  readonly customerNumber: string | null;
  readonly startedAt: number;
  readonly server: ServerCall;
  /**
   * The mode the supervisor chose when arming the subscription (ListenIn when they withdrew it). Coach
   * or BargeIn means they chose to be heard, but never by more people than they chose.
   */
  readonly intendedMode: VoiceMode;
  readonly volume: number;
}): CallMachine {
  const heard = modeAudience(options.server.mode);
  const chosen = modeAudience(options.intendedMode);
  const talking = heard !== 'nobody' && chosen !== 'nobody' && louderAudience(heard, chosen) === chosen;
  return {
    id: options.id,
    kind: 'monitoring',
    callUuid: options.callUuid,
    agentId: options.agentId,
    agentName: options.agentName,
    customerNumber: options.customerNumber,
    startedAt: options.startedAt,
    server: options.server,
    leg: null,
    microphone: 'closed',
    microphoneMode: null,
    step: null,
    agentMuteRequest: null,
    talking,
    // Live at the server beyond what the supervisor chose for it (an earlier subscription's call).
    modeChangedOutside: options.server.mode !== 'ListenIn' && !talking,
    lateRequest: null,
    volume: options.volume,
    audio: silentAudio,
    error: null,
    joined: false,
    auditedMode: null,
    ended: null,
  };
}

/** An ordinary call the supervisor answered: two-way by their choice, the microphone opens once it connects. */
export function newOrdinaryCall(options: {
  readonly leg: Leg;
  readonly caller: string | null;
  readonly callerName: string | null;
  readonly startedAt: number;
  readonly volume: number;
}): CallMachine {
  return {
    id: options.leg.id,
    kind: 'ordinary',
    callUuid: null,
    agentId: null,
    agentName: options.callerName,
    customerNumber: options.caller,
    startedAt: options.startedAt,
    server: null,
    leg: options.leg,
    microphone: 'closed',
    microphoneMode: null,
    step: null,
    agentMuteRequest: null,
    talking: true,
    modeChangedOutside: false,
    lateRequest: null,
    volume: options.volume,
    audio: silentAudio,
    error: null,
    joined: false,
    auditedMode: null,
    ended: null,
  };
}

// ——— what the machine says ———

export function modeAudience(mode: VoiceMode): Audience {
  switch (mode) {
    case 'ListenIn':
      return 'nobody';
    case 'Coach':
      return 'agent';
    case 'BargeIn':
      return 'everyone';
    default:
      return assertNever(mode);
  }
}

/**
 * Who can hear the supervisor on this call. A microphone that is not confirmed closed could carry
 * their voice: then the audience is the loudest of what the server reports, what is being asked for
 * and what the microphone went live for, and never less than the agent. A microphone the media host
 * confirmed closed sends nothing, whatever mode the server is in.
 */
export function callAudience(machine: CallMachine): Audience {
  if (machine.ended !== null || machine.microphone === 'closed') return 'nobody';
  if (machine.kind === 'ordinary') return 'caller';
  let audience: Audience = 'agent';
  const candidates = [
    machine.server?.mode,
    machine.microphoneMode,
    machine.step?.kind === 'live' ? machine.step.target : null,
  ];
  for (const mode of candidates) if (mode) audience = louderAudience(audience, modeAudience(mode));
  return audience;
}

/** Whom the supervisor is on the call with, besides the agent: the customer, or an ordinary call's caller. */
export function otherPartyOf(machine: CallMachine): string | null {
  return machine.kind === 'ordinary' ? (machine.agentName ?? machine.customerNumber) : machine.customerNumber;
}

export function isLegUp(machine: CallMachine): boolean {
  return machine.leg !== null && machine.leg.established;
}

function serverLive(machine: CallMachine): boolean {
  return machine.server !== null && machine.server.mode !== 'ListenIn';
}

function offers(machine: CallMachine, operation: GwsCallOperation): boolean {
  return machine.server?.capabilities.includes(operation) ?? false;
}

/**
 * The modes the card may offer now. Listen stays offered while a go-live is in flight and while the
 * microphone could carry: going silent is always the quick way out.
 */
export function switchTargetsOf(machine: CallMachine): SwitchTarget[] {
  if (machine.kind !== 'monitoring' || machine.ended || !machine.server) return [];
  if (machine.step?.kind === 'live') return ['ListenIn'];
  if (machine.step !== null || machine.server.state !== 'Established' || !isLegUp(machine)) return [];
  const targets: SwitchTarget[] = [];
  if (machine.microphone !== 'closed' || (serverLive(machine) && offers(machine, 'SwitchToListenIn'))) {
    targets.push('ListenIn');
  }
  if (machine.server.mode !== 'BargeIn' && offers(machine, 'SwitchToBargeIn')) targets.push('BargeIn');
  return targets;
}

export function canTalk(machine: CallMachine): boolean {
  if (machine.ended || machine.step !== null || machine.microphone !== 'closed' || !isLegUp(machine)) return false;
  if (machine.kind === 'ordinary') return true;
  return machine.server?.state === 'Established' && serverLive(machine);
}

export function canStopTalking(machine: CallMachine): boolean {
  return machine.kind === 'ordinary' && !machine.ended && machine.step === null && machine.microphone === 'sending';
}

export function canHangUp(machine: CallMachine): boolean {
  return machine.ended === null && machine.step?.kind !== 'hangUp';
}

export function canMuteAgent(machine: CallMachine, muted: boolean): boolean {
  if (machine.kind !== 'monitoring' || machine.ended || machine.agentMuteRequest !== null || !machine.server) {
    return false;
  }
  if (machine.server.state !== 'Established' || machine.server.agentMuted === muted) return false;
  return offers(machine, muted ? 'MuteMonitoredUser' : 'UnmuteMonitoredUser');
}

export function pendingCommandOf(machine: CallMachine): VoiceCommand | null {
  const step = machine.step;
  if (step?.kind === 'hangUp') return 'hang-up';
  if (step !== null && step.command !== null) return step.command;
  if (machine.agentMuteRequest !== null) return machine.agentMuteRequest ? 'mute-agent' : 'unmute-agent';
  return null;
}

// ——— transitions ———

class Transition {
  private readonly effects: CallEffect[] = [];
  private refusal: AppError | null = null;

  constructor(
    public machine: CallMachine,
    readonly context: CallContext,
  ) {}

  set(change: Partial<CallMachine>): void {
    this.machine = { ...this.machine, ...change };
  }

  effect(effect: CallEffect): void {
    this.effects.push(effect);
  }

  media(command: MediaCommand): void {
    this.effects.push({ type: 'media', command });
  }

  audit(kind: AuditKind, mode: VoiceMode | null, detail: string | null = null): void {
    this.effects.push({ type: 'audit', kind, mode, ending: null, detail, transferredTo: null });
    if (mode !== null && (kind === 'joined' || kind === 'switch' || kind === 'microphone-closed')) {
      this.set({ auditedMode: mode });
    }
  }

  refuse(message: string, code: AppError['code'] = 'invalid-input'): void {
    this.refusal = { code, message };
  }

  result(): CallTransition {
    return { machine: this.machine, effects: this.effects, refusal: this.refusal };
  }
}

export function transition(machine: CallMachine, event: CallEvent, context: CallContext): CallTransition {
  const t = new Transition(machine, context);
  if (machine.ended !== null) {
    if (isCommand(event)) t.refuse('That call has ended.');
    return t.result();
  }
  switch (event.type) {
    case 'switch':
      onSwitch(t, event.target);
      break;
    case 'talk':
      onTalk(t);
      break;
    case 'stop-talking':
      onStopTalking(t);
      break;
    case 'mute-agent':
      onMuteAgent(t, event.muted);
      break;
    case 'hang-up':
      onHangUp(t);
      break;
    case 'set-volume':
      t.set({ volume: event.volume });
      if (machine.leg) t.media({ type: 'setVolume', callId: machine.leg.id, volume: event.volume });
      break;
    case 'server':
      onServer(t, event);
      break;
    case 'server-result':
      onServerResult(t, event.operation, event.error);
      break;
    case 'leg-answered':
      t.set({ leg: event.leg });
      if (machine.volume !== 1) t.media({ type: 'setVolume', callId: event.leg.id, volume: machine.volume });
      break;
    case 'leg-established':
      if (machine.leg) t.set({ leg: { ...machine.leg, established: true } });
      join(t);
      resumeTalking(t);
      break;
    case 'leg-ended':
      onLegEnded(t, event.reason);
      break;
    case 'microphone':
      onMicrophone(t, event.report, event.error);
      break;
    case 'media-lost':
      onMediaLost(t, event.reason);
      break;
    case 'line-restored':
      onLineRestored(t);
      break;
    case 'leg-lost':
      onLegLost(t, event.reason, event.serverReleased);
      break;
    case 'abandon':
      cancelTimers(t);
      t.set({ talking: false, agentMuteRequest: null });
      hangUpLeg(t, { ending: 'signed-out', reason: event.reason });
      break;
    case 'timer':
      onTimer(t, event.timer);
      break;
    case 'audio':
      t.set({ audio: event.audio });
      break;
    default:
      assertNever(event);
  }
  return t.result();
}

function isCommand(event: CallEvent): boolean {
  return (
    event.type === 'switch' ||
    event.type === 'talk' ||
    event.type === 'stop-talking' ||
    event.type === 'mute-agent' ||
    event.type === 'hang-up'
  );
}

function busyMessage(step: Step): string {
  switch (step.kind) {
    case 'live':
      return 'Still opening your microphone.';
    case 'silent':
      return 'Still closing your microphone.';
    case 'hangUp':
      return 'Already hanging up.';
    default:
      return assertNever(step);
  }
}

// ——— the supervisor's commands ———

function onSwitch(t: Transition, target: SwitchTarget): void {
  const m = t.machine;
  if (m.kind !== 'monitoring' || !m.server) return t.refuse('This call is not a monitoring call.');
  if (target === 'ListenIn') return goSilentByChoice(t, 'listen');
  if (m.step !== null) return t.refuse(busyMessage(m.step), 'busy');
  if (m.server.state !== 'Established' || !isLegUp(m)) return t.refuse('The call is not connected yet.');
  if (m.server.mode === 'BargeIn') {
    if (m.microphone === 'closed') return startLive(t, null, 'talk');
    return t.refuse('You are already barged in.');
  }
  if (!offers(m, 'SwitchToBargeIn')) return t.refuse('Barging in is not possible on this call right now.');
  startLive(t, 'BargeIn', 'barge-in');
}

function onTalk(t: Transition): void {
  const m = t.machine;
  if (m.step !== null) return t.refuse(busyMessage(m.step), 'busy');
  if (!canTalk(m)) {
    return t.refuse(
      m.microphone !== 'closed'
        ? 'Your microphone is already open on this call.'
        : 'Talking is not possible on this call right now: choose Barge in, or wait until the call is connected.',
    );
  }
  startLive(t, null, 'talk');
}

function onStopTalking(t: Transition): void {
  if (t.machine.kind !== 'ordinary') return t.refuse('Choose Listen to stop being heard on a monitored call.');
  goSilentByChoice(t, 'stop-talking');
}

function onMuteAgent(t: Transition, muted: boolean): void {
  const m = t.machine;
  if (!canMuteAgent(m, muted)) {
    if (m.agentMuteRequest !== null) return t.refuse('Still changing whether the agent is muted.', 'busy');
    return t.refuse(
      muted ? 'Muting the agent is not possible on this call right now.' : 'The agent cannot be unmuted right now.',
    );
  }
  // The call's own problem (why it is not silent at the server, say) stays: muting the agent does not answer it.
  t.set({ agentMuteRequest: muted });
  t.effect({ type: 'gws', operation: muted ? 'MuteMonitoredUser' : 'UnmuteMonitoredUser' });
}

function onHangUp(t: Transition): void {
  const m = t.machine;
  if (m.step?.kind === 'hangUp') return t.refuse('Already hanging up.', 'busy');
  cancelTimers(t);
  t.set({ talking: false, error: null });
  t.audit('hang-up', m.server?.mode ?? null);
  if (m.kind === 'ordinary' || !m.server || m.server.state === 'Released') return hangUpLeg(t, yourHangUp);
  if (m.microphone !== 'closed') {
    // Privacy first: the microphone stops before the server is asked anything.
    t.set({ step: { kind: 'hangUp', phase: 'release', end: yourHangUp } });
    return releaseMicrophone(t);
  }
  askServerToHangUp(t);
}

// ——— going live and silent ———

function startLive(t: Transition, target: 'BargeIn' | null, command: VoiceCommand): void {
  const m = t.machine;
  if (!m.leg) return t.refuse('The call is not connected yet.');
  const currentLive = m.server && m.server.mode !== 'ListenIn' ? m.server.mode : null;
  t.set({ talking: true, modeChangedOutside: false, error: null, microphoneMode: target ?? currentLive });
  if (m.microphone === 'sending' && target !== null) {
    // Already heard (Coach) and asking for more: the server first, the track is on the call already.
    t.set({ step: { kind: 'live', target, phase: 'ask', command } });
    t.effect({ type: 'gws', operation: 'SwitchToBargeIn' });
    return;
  }
  t.set({ step: { kind: 'live', target, phase: 'acquire', command }, microphone: 'acquiring' });
  t.media({ type: 'acquireMicrophone', callId: m.leg.id, inputDeviceId: t.context.inputDeviceId });
}

/** The supervisor asked for silence: always possible, whatever is in flight, except a hang-up or another silence. */
function goSilentByChoice(t: Transition, command: VoiceCommand): void {
  const m = t.machine;
  const step = m.step;
  if (step?.kind === 'hangUp' || step?.kind === 'silent') return t.refuse(busyMessage(step), 'busy');
  const putServerBack = step?.kind === 'live' && step.target !== null && step.phase !== 'acquire';
  const askServer = m.kind === 'monitoring' && (serverLive(m) || putServerBack);
  if (m.microphone === 'closed' && !askServer) {
    return t.refuse(
      m.kind === 'ordinary' ? 'Your microphone is already closed.' : 'You are already listening silently.',
    );
  }
  cancelTimers(t);
  t.set({ talking: false, modeChangedOutside: false, error: null });
  if (putServerBack) rememberLateRequest(t, step);
  const silent: Extract<Step, { kind: 'silent' }> = {
    kind: 'silent',
    phase: 'release',
    command,
    thenAskServer: true,
    putServerBack,
    problem: null,
  };
  if (m.microphone !== 'closed') {
    t.set({ step: silent });
    return releaseMicrophone(t);
  }
  t.set({ step: null });
  finishSilence(t, silent);
}

function releaseMicrophone(t: Transition): void {
  const leg = t.machine.leg;
  if (!leg) {
    t.set({ microphone: 'closed', microphoneMode: null });
    return;
  }
  t.set({ microphone: 'releasing' });
  t.media({ type: 'releaseMicrophone', callId: leg.id });
}

/** The microphone is closed: ask the server for ListenIn where it is (or may be) live, else done. */
function finishSilence(t: Transition, silent: Extract<Step, { kind: 'silent' }>): void {
  const m = t.machine;
  t.set({ microphone: 'closed', microphoneMode: null });
  if (m.kind === 'monitoring' && silent.thenAskServer && (serverLive(m) || silent.putServerBack)) {
    return askServerForListenIn(t, silent.command, silent.problem);
  }
  t.set({ step: null, error: silent.problem });
}

function askServerForListenIn(t: Transition, command: VoiceCommand | null, problem: AppError | null): void {
  const m = t.machine;
  if (!m.server || m.server.state === 'Released') {
    t.set({ step: null, error: problem });
    return;
  }
  if (!offers(m, 'SwitchToListenIn')) {
    const error: AppError = problem ?? {
      code: 'gws-refused',
      message: 'Your microphone is closed, but Genesys does not offer Listen on this call now.',
    };
    t.set({ step: null, error });
    return closedUnconfirmed(t, error.message);
  }
  t.set({
    step: { kind: 'silent', phase: 'ask', command, thenAskServer: true, putServerBack: false, problem },
    error: problem,
  });
  t.effect({ type: 'gws', operation: 'SwitchToListenIn' });
}

/** A go-live left behind after GWS was asked: the server may still carry it out. */
function rememberLateRequest(t: Transition, step: Step | null): void {
  if (step?.kind !== 'live' || step.target === null) return;
  t.set({ lateRequest: { mode: step.target, until: t.context.now + LATE_REQUEST_MS, arrived: false } });
}

/**
 * A go-live failed: nothing may be sent. The microphone is released and the server left (or put
 * back) in ListenIn, and the card says why.
 */
function failLive(t: Transition, problem: AppError, serverMayHaveMoved: boolean): void {
  const step = t.machine.step;
  closedUnconfirmed(t, problem.message);
  cancelTimers(t);
  t.set({ talking: false });
  if (serverMayHaveMoved) rememberLateRequest(t, step);
  const silent: Extract<Step, { kind: 'silent' }> = {
    kind: 'silent',
    phase: 'release',
    command: null,
    thenAskServer: true,
    putServerBack: serverMayHaveMoved,
    problem,
  };
  if (t.machine.microphone !== 'closed') {
    t.set({ step: silent });
    return releaseMicrophone(t);
  }
  t.set({ step: null });
  finishSilence(t, silent);
}

/** The supervisor wants to be heard in the current mode and nothing stands in the way: open the microphone. */
function resumeTalking(t: Transition): void {
  const m = t.machine;
  if (!m.talking || m.step !== null || m.microphone !== 'closed' || !isLegUp(m)) return;
  if (m.kind === 'monitoring' && (m.server?.state !== 'Established' || !serverLive(m))) return;
  startLive(t, null, 'talk');
}

function cancelTimers(t: Transition): void {
  const step = t.machine.step;
  if ((step?.kind === 'live' || step?.kind === 'silent') && step.phase === 'confirm') {
    t.effect({ type: 'cancel-timer', timer: 'confirm' });
  }
  if (step?.kind === 'hangUp' && step.phase === 'ask') t.effect({ type: 'cancel-timer', timer: 'hang-up' });
}

// ——— hanging up and ending ———

const yourHangUp: CallEnd = { ending: 'you-hung-up', reason: null };

function askServerToHangUp(t: Transition): void {
  t.set({ step: { kind: 'hangUp', phase: 'ask', end: yourHangUp }, microphone: 'closed', microphoneMode: null });
  t.effect({ type: 'gws', operation: 'Hangup' });
  t.effect({ type: 'start-timer', timer: 'hang-up', ms: HANG_UP_TIMEOUT_MS });
}

function hangUpLeg(t: Transition, callEnd: CallEnd): void {
  const m = t.machine;
  if (m.leg) {
    t.set({ step: { kind: 'hangUp', phase: 'sip', end: callEnd } });
    t.media({ type: 'hangUp', callId: m.leg.id });
    return;
  }
  end(t, callEnd);
}

/** The supervisor is on the call once its leg is up, once. */
function join(t: Transition): void {
  const m = t.machine;
  if (m.joined || !isLegUp(m)) return;
  t.set({ joined: true });
  // Until the microphone carries their voice, a supervisor on a monitoring call listens, whatever the server's mode.
  t.audit('joined', m.kind === 'monitoring' ? 'ListenIn' : null);
}

function end(t: Transition, callEnd: CallEnd): void {
  cancelTimers(t);
  if (t.machine.joined) {
    t.effect({
      type: 'audit',
      kind: 'ended',
      mode: null,
      ending: callEnd.ending,
      detail: callEnd.reason,
      transferredTo: callEnd.transferredTo ?? null,
    });
  }
  t.set({
    ended: { at: t.context.now, ...callEnd },
    step: null,
    agentMuteRequest: null,
    talking: false,
    microphone: 'closed',
    microphoneMode: null,
    leg: null,
  });
}

function onLegEnded(t: Transition, reason: string | null): void {
  const m = t.machine;
  // The call's tracks end with its session: nothing can be sent on it from here.
  t.set({ microphone: 'closed', microphoneMode: null });
  if (m.step?.kind === 'hangUp') return end(t, m.step.end);
  if (m.kind === 'monitoring' && m.server && m.server.state !== 'Released') {
    t.effect({ type: 'gws', operation: 'Hangup' });
  }
  end(t, { ending: 'ended', reason: reason ? `The call ended: ${reason}.` : null });
}

function onMediaLost(t: Transition, reason: string): void {
  const m = t.machine;
  if (m.kind === 'monitoring' && m.server && m.server.state !== 'Released') {
    t.effect({ type: 'gws', operation: 'Hangup' });
  }
  end(t, { ending: 'audio-lost', reason });
}

/**
 * An ICE restart changes the path, never what is sent: the media host keeps the transceiver's
 * direction and track, so the microphone stays as it is (closed, held or sending). A leg still being
 * answered, or being hung up, has nothing to move.
 */
function onLineRestored(t: Transition): void {
  const m = t.machine;
  if (!m.leg || !isLegUp(m) || m.step?.kind === 'hangUp') return;
  t.effect({ type: 'log', level: 'info', message: 'The phone line is back; moving the call to the new network' });
  t.media({ type: 'restartIce', callId: m.leg.id });
}

/**
 * The call could not move to the new network (the server no longer had it, or did not answer): it is
 * ended as lost audio, at the server too, and its leg with it, which stops any microphone first.
 */
function onLegLost(t: Transition, reason: string, serverReleased: boolean): void {
  const m = t.machine;
  if (m.step?.kind === 'hangUp') return;
  cancelTimers(t);
  t.set({ talking: false, agentMuteRequest: null });
  if (m.server && serverReleased) t.set({ server: { ...m.server, state: 'Released' } });
  else if (m.kind === 'monitoring' && m.server && m.server.state !== 'Released') {
    t.effect({ type: 'gws', operation: 'Hangup' });
  }
  hangUpLeg(t, { ending: 'audio-lost', reason });
}

// ——— the server ———

/**
 * The mode a notification implies. `mute: On` is ListenIn. `mute: Off` is Coach or BargeIn, which the
 * capabilities tell apart: Coach may still switch to Barge in, Barge in may not (gws-api.md §4.5).
 * Without capabilities, a live mode stays what it was, and anything else reads as the louder BargeIn.
 */
export function impliedMode(
  current: VoiceMode,
  mute: boolean | null,
  capabilities: readonly string[] | null,
): VoiceMode {
  if (mute === null) return current;
  if (mute) return 'ListenIn';
  if (capabilities !== null && capabilities.includes('SwitchToListenIn')) {
    return capabilities.includes('SwitchToBargeIn') ? 'Coach' : 'BargeIn';
  }
  return current === 'ListenIn' ? 'BargeIn' : current;
}

function onServer(t: Transition, event: Extract<CallEvent, { type: 'server' }>): void {
  const m = t.machine;
  if (!m.server) return;
  const previous = m.server;
  const mode = impliedMode(previous.mode, event.mute, event.capabilities);
  const releasedFromTransfer = event.state === 'Released' && isAnotherAgent(m, event.agent);
  t.set({
    server: {
      state: event.state,
      mode,
      capabilities: event.capabilities ?? previous.capabilities,
      agentMuted: event.agentMuted ?? previous.agentMuted,
    },
    // The history keeps the agent the supervisor monitored, not the one the call was released to.
    ...(event.agent && !releasedFromTransfer ? { agentId: event.agent.id, agentName: event.agent.name } : {}),
  });
  if (m.agentMuteRequest !== null && event.agentMuted === m.agentMuteRequest) t.set({ agentMuteRequest: null });

  if (event.state === 'Released') {
    const callEnd: CallEnd =
      m.step?.kind === 'hangUp'
        ? m.step.end
        : releasedFromTransfer && event.agent
          ? transferredAway(m, event.agent.name)
          : { ending: 'ended', reason: 'The monitored call ended.' };
    cancelTimers(t);
    t.set({ talking: false });
    return hangUpLeg(t, callEnd);
  }
  if (mode !== previous.mode) onServerMode(t, previous.mode, mode);
  if (previous.state !== 'Established' && event.state === 'Established') resumeTalking(t);
}

/**
 * A release that names another agent than the one on the call: the call went on with them and the
 * server let the supervisor go (a subscription to that agent only, Agent scope, gws-api.md §4.2).
 */
function isAnotherAgent(m: CallMachine, agent: { readonly id: string } | null): boolean {
  return m.kind === 'monitoring' && agent !== null && m.agentId !== null && agent.id !== m.agentId;
}

function transferredAway(m: CallMachine, to: string): CallEnd {
  const from = m.agentName ?? 'The agent';
  return {
    ending: 'transferred',
    reason: `${from} transferred the call to ${to}; you were monitoring ${from} only, so Genesys released you.`,
    transferredTo: to,
  };
}

/**
 * The microphone closed (or is closing) without a Listen from Genesys to audit: the server or the
 * device closed it, a go-live failed, or Genesys did not take the supervisor back to Listen. Where
 * the trail last said Coach or Barge in, it says so, and the history stops counting them here.
 */
function closedUnconfirmed(t: Transition, message: string): void {
  const mode = t.machine.auditedMode;
  if (t.machine.kind === 'monitoring' && mode !== null && mode !== 'ListenIn') {
    t.audit('microphone-closed', 'ListenIn', message);
  }
}

function closeBecauseOfServer(t: Transition, message: string): void {
  closedUnconfirmed(t, message);
  cancelTimers(t);
  t.set({
    talking: false,
    step: {
      kind: 'silent',
      phase: 'release',
      command: null,
      thenAskServer: false,
      putServerBack: false,
      problem: { code: 'gws-refused', message },
    },
  });
  releaseMicrophone(t);
}

function onServerMode(t: Transition, from: VoiceMode, to: VoiceMode): void {
  const m = t.machine;
  const step = m.step;
  const waitingForServer =
    (step?.kind === 'live' || step?.kind === 'silent') && (step.phase === 'ask' || step.phase === 'confirm');
  if (to === 'ListenIn') {
    t.set({ modeChangedOutside: false });
    // The late request was undone at the server (Earshot's own Listen, or another's): its note goes with it.
    if (m.lateRequest?.arrived) t.set({ lateRequest: null, error: step === null ? null : m.error });
    if (step?.kind === 'silent' && waitingForServer) {
      if (step.phase === 'confirm') t.effect({ type: 'cancel-timer', timer: 'confirm' });
      t.audit('switch', 'ListenIn');
      t.set({ step: null, error: step.problem });
      return;
    }
    // A go-live waiting for the server may see the mode it started from once more: the confirmation or the timeout decides.
    if (step?.kind === 'live' && waitingForServer) return;
    // Already closing (and, where needed, putting the server back): that silence carries on as it is.
    if (step?.kind === 'hangUp' || step?.kind === 'silent') return;
    if (m.microphone !== 'closed') {
      // The server silenced the supervisor (another client, an administrator): the microphone follows at once.
      return closeBecauseOfServer(t, 'Genesys switched this call to Listen, so your microphone was closed.');
    }
    return;
  }

  // The server went live, or changed between Coach and BargeIn.
  if (step?.kind === 'live' && step.target === to && !waitingForServer) {
    // Where the supervisor is going anyway: the go-live carries on and skips asking.
    return;
  }
  if (step?.kind === 'live' && step.target === to && waitingForServer) {
    if (step.phase === 'confirm') t.effect({ type: 'cancel-timer', timer: 'confirm' });
    t.audit('switch', to);
    if (m.microphone === 'sending') {
      t.set({ step: null });
      return;
    }
    return attach(t, step);
  }
  // A silence on its way puts the server back itself; a live mode now is the late echo of an earlier request.
  if (waitingForServer || step?.kind === 'hangUp' || step?.kind === 'silent') return;
  if (step?.kind === 'live' && step.target === null && from !== 'ListenIn') {
    // Talking in one live mode while the server moved to another: the supervisor agreed to neither change.
    return closeBecauseOfServer(
      t,
      `Genesys changed this call to ${to === 'Coach' ? 'Coach' : 'Barge in'}, so your microphone was closed. Choose Talk to be heard.`,
    );
  }
  const late = m.lateRequest;
  if (late !== null && late.mode === to && t.context.now <= late.until) {
    // Earshot's own request, carried out after Earshot moved on from it: not someone else's doing.
    const message = `Genesys carried out an earlier ${to === 'Coach' ? 'Coach' : 'Barge in'} request late. Your microphone stays closed: nobody hears you.`;
    t.set({ lateRequest: { ...late, arrived: true }, modeChangedOutside: false, talking: false });
    if (m.microphone !== 'closed' || step?.kind === 'live') return closeBecauseOfServer(t, message);
    t.set({ error: { code: 'timeout', message } });
    return;
  }
  // Nobody asked for this here: show it, and keep (or make) the microphone closed until the supervisor talks.
  t.set({ modeChangedOutside: true, talking: false });
  if (m.microphone !== 'closed' || step?.kind === 'live') {
    closeBecauseOfServer(
      t,
      `Genesys changed this call to ${to === 'Coach' ? 'Coach' : 'Barge in'}, so your microphone was closed. Choose Talk to be heard.`,
    );
  }
}

function attach(t: Transition, step: Extract<Step, { kind: 'live' }>): void {
  const leg = t.machine.leg;
  if (!leg) return failLive(t, { code: 'internal', message: 'The call has no audio leg to speak on.' }, true);
  t.set({ step: { ...step, phase: 'attach' }, microphone: 'attaching' });
  t.media({ type: 'attachMicrophone', callId: leg.id });
}

/** An HTTP failure that proves the server did nothing (GWS answered with a refusal). */
function serverUnchanged(error: AppError): boolean {
  return error.code === 'gws-refused' || error.code === 'invalid-input';
}

function onServerResult(t: Transition, operation: GwsCallOperation, error: AppError | null): void {
  const m = t.machine;
  const step = m.step;
  switch (operation) {
    case 'SwitchToBargeIn':
      if (step?.kind !== 'live' || step.target !== 'BargeIn' || step.phase !== 'ask') return;
      if (error) return failLive(t, error, !serverUnchanged(error));
      t.set({ step: { ...step, phase: 'confirm' } });
      t.effect({ type: 'start-timer', timer: 'confirm', ms: CONFIRM_TIMEOUT_MS });
      return;
    case 'SwitchToListenIn':
      if (step?.kind !== 'silent' || step.phase !== 'ask') return;
      if (error) {
        const message = `Your microphone is closed, but Genesys did not switch back to Listen: ${error.message}`;
        t.set({ step: null, error: { ...error, message } });
        return closedUnconfirmed(t, message);
      }
      t.set({ step: { ...step, phase: 'confirm' } });
      t.effect({ type: 'start-timer', timer: 'confirm', ms: CONFIRM_TIMEOUT_MS });
      return;
    case 'MuteMonitoredUser':
    case 'UnmuteMonitoredUser': {
      const muted = operation === 'MuteMonitoredUser';
      if (m.agentMuteRequest !== muted) return;
      if (error) {
        t.set({ agentMuteRequest: null, error });
        return;
      }
      t.audit(muted ? 'mute-agent' : 'unmute-agent', m.server?.mode ?? null);
      t.set({ agentMuteRequest: null, ...(m.server ? { server: { ...m.server, agentMuted: muted } } : {}) });
      return;
    }
    case 'Hangup':
      if (step?.kind !== 'hangUp' || step.phase !== 'ask' || !error) return;
      // Already gone at the server (404) or refused: the SIP leg ends either way, without a word.
      t.effect({ type: 'cancel-timer', timer: 'hang-up' });
      t.effect({ type: 'log', level: 'info', message: `GWS Hangup not carried out (${error.message})` });
      return hangUpLeg(t, step.end);
    default:
      return assertNever(operation);
  }
}

// ——— the media host ———

function onMicrophone(t: Transition, report: MicrophoneReport, error: string | null): void {
  const m = t.machine;
  const step = m.step;
  switch (report) {
    case 'acquired':
      if (step?.kind === 'live' && step.phase === 'acquire') {
        t.set({ microphone: 'held' });
        if (step.target !== null && m.server?.mode !== step.target) {
          t.set({ step: { ...step, phase: 'ask' } });
          t.effect({ type: 'gws', operation: 'SwitchToBargeIn' });
          return;
        }
        return attach(t, step);
      }
      // Acquired for a go-live that was given up since: let go of it at once.
      if (m.microphone !== 'releasing') releaseMicrophone(t);
      return;
    case 'sending':
      if (step?.kind === 'live' && step.phase === 'attach') {
        t.set({ step: null, microphone: 'sending' });
        if (step.target === null && m.kind === 'monitoring') {
          t.audit('switch', m.server?.mode ?? null);
        }
        return;
      }
      // Sending that nothing here wants: stop it.
      if (m.microphone !== 'releasing') {
        t.set({ microphone: 'sending' });
        if (step === null) {
          t.set({
            step: {
              kind: 'silent',
              phase: 'release',
              command: null,
              thenAskServer: false,
              putServerBack: false,
              problem: null,
            },
          });
        }
        releaseMicrophone(t);
      }
      return;
    case 'released':
      if (step?.kind === 'silent' && step.phase === 'release') return finishSilence(t, step);
      if (step?.kind === 'hangUp' && step.phase === 'release') return askServerToHangUp(t);
      if (step?.kind === 'live') {
        // Released under a go-live (the media host gave up): nothing is heard, so the go-live failed.
        t.set({ microphone: 'closed' });
        return failLive(
          t,
          { code: 'internal', message: 'Your microphone was closed by the audio engine. Nobody hears you.' },
          step.phase !== 'acquire',
        );
      }
      if (m.microphone !== 'closed') return microphoneLost(t, 'Your microphone stopped, so nobody hears you.');
      return;
    case 'failed': {
      const problem: AppError = {
        code: 'internal',
        message: `Your microphone did not open${error ? `: ${error}` : ''}. Nobody hears you.`,
      };
      // The media host never leaves a failed microphone half open: nothing is held or sent.
      t.set({ microphone: 'closed' });
      if (step?.kind === 'live') return failLive(t, problem, step.target !== null && step.phase !== 'acquire');
      if (step?.kind === 'silent' && step.phase === 'release') return finishSilence(t, step);
      if (step?.kind === 'hangUp' && step.phase === 'release') return askServerToHangUp(t);
      return microphoneLost(t, problem.message);
    }
    default:
      return assertNever(report);
  }
}

/**
 * The microphone stopped without being asked (a device unplugged, the call ending under it): nobody
 * hears the supervisor now, so the server is put back in ListenIn to match, and the card says why.
 */
function microphoneLost(t: Transition, message: string): void {
  const m = t.machine;
  closedUnconfirmed(t, message);
  const problem: AppError = { code: 'internal', message };
  t.set({ microphone: 'closed', microphoneMode: null, talking: false });
  if (m.kind === 'monitoring' && serverLive(m) && m.step === null) return askServerForListenIn(t, null, problem);
  t.set({ error: problem });
}

function onTimer(t: Transition, timer: CallTimer): void {
  const step = t.machine.step;
  if (timer === 'hang-up') {
    if (step?.kind === 'hangUp' && step.phase === 'ask') hangUpLeg(t, step.end);
    return;
  }
  if (step?.kind === 'live' && step.phase === 'confirm') {
    return failLive(
      t,
      {
        code: 'timeout',
        message: 'Genesys did not confirm Barge in, so your microphone stayed off the call. Nobody hears you.',
      },
      true,
    );
  }
  if (step?.kind === 'silent' && step.phase === 'confirm') {
    const error: AppError = step.problem ?? {
      code: 'timeout',
      message: 'Your microphone is closed, but Genesys has not confirmed that the call is back to Listen.',
    };
    t.set({ step: null, error });
    closedUnconfirmed(t, error.message);
  }
}
