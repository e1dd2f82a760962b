import type {
  Audience,
  MonitoredCall,
  MonitoringScope,
  VoiceFrequency,
  VoiceMode,
  VoiceSubscription,
} from '../../../../electron/common/models/voice';
import { assertNever } from '../../../../electron/common/result';

export type AudienceTone = 'silent' | 'coach' | 'live';

export interface AudienceView {
  readonly tone: AudienceTone;
  /** The one sentence that must never lie: who hears the supervisor right now. */
  readonly label: string;
  /** Short form for tight places (the header). */
  readonly shortLabel: string;
  /** What is changing or went wrong with the microphone, when anything is. */
  readonly detail: string | null;
}

const audienceLabels: Readonly<Record<Audience, Omit<AudienceView, 'detail'>>> = {
  nobody: { tone: 'silent', label: 'Silent — nobody can hear you', shortLabel: 'Silent' },
  agent: { tone: 'coach', label: 'Coaching — the agent hears you', shortLabel: 'Agent hears you' },
  everyone: { tone: 'live', label: 'Live — agent and customer hear you', shortLabel: 'Live — everyone hears you' },
};

/**
 * Built from `audience`, which main derives from the microphone's real state; the mode only says
 * what was asked for. While the microphone opens or closes main already reports the wider audience,
 * so the label errs on the side of "they may hear you".
 */
export function describeAudience(
  call: Pick<MonitoredCall, 'audience' | 'microphone' | 'mode' | 'error'>,
): AudienceView {
  const base = audienceLabels[call.audience];
  switch (call.microphone) {
    case 'opening':
      return { ...base, detail: 'Opening your microphone…' };
    case 'closing':
      return { ...base, detail: 'Closing your microphone…' };
    case 'failed':
      return {
        ...base,
        detail: call.error
          ? `Your microphone did not open: ${call.error.message}`
          : 'Your microphone did not open, so nobody hears you.',
      };
    case 'open':
    case 'closed':
      return { ...base, detail: null };
    default:
      return assertNever(call.microphone);
  }
}

const audienceRank: Readonly<Record<Audience, number>> = { nobody: 0, agent: 1, everyone: 2 };

export function isLiveCall(call: MonitoredCall): boolean {
  return call.state !== 'ended';
}

/** The widest audience over the calls still up; null when there are none. */
export function widestAudience(calls: ReadonlyArray<MonitoredCall>): Audience | null {
  let widest: Audience | null = null;
  for (const call of calls) {
    if (!isLiveCall(call)) continue;
    if (widest === null || audienceRank[call.audience] > audienceRank[widest]) widest = call.audience;
  }
  return widest;
}

export const modeLabels: Readonly<Record<VoiceMode, string>> = {
  ListenIn: 'Listen in',
  Coach: 'Coach',
  BargeIn: 'Barge in',
};

/** The subscription as the row says it: what the supervisor is doing, not the GWS operation name. */
export const activeModeLabels: Readonly<Record<VoiceMode, string>> = {
  ListenIn: 'Listening in',
  Coach: 'Coaching',
  BargeIn: 'Barging in',
};

/** "listening in to Alice", "coaching Alice", "barging in on Alice": what the supervisor is doing. */
export function monitoringPhrase(mode: VoiceMode, name: string): string {
  switch (mode) {
    case 'ListenIn':
      return `listening in to ${name}`;
    case 'Coach':
      return `coaching ${name}`;
    case 'BargeIn':
      return `barging in on ${name}`;
    default:
      return assertNever(mode);
  }
}

/** "Listen in to Alice", "Coach Alice", "Barge in on Alice": what a button or an offer would do. */
export function monitorActionPhrase(mode: VoiceMode, name: string): string {
  switch (mode) {
    case 'ListenIn':
      return `Listen in to ${name}`;
    case 'Coach':
      return `Coach ${name}`;
    case 'BargeIn':
      return `Barge in on ${name}`;
    default:
      return assertNever(mode);
  }
}

/** A SIP URI as a person reads it: the user part, without scheme, domain or parameters. */
export function callerNumber(uri: string): string {
  const match = /^sips?:([^@;>]+)/i.exec(uri.trim());
  return match?.[1] ? decodeURIComponent(match[1]) : uri.trim();
}

export const scopeLabels: Readonly<Record<MonitoringScope, { label: string; hint: string }>> = {
  Call: { label: 'Follow the call', hint: 'Stay on the call through transfers' },
  Agent: { label: 'This agent only', hint: 'Only while this agent has the call' },
};

export const frequencyLabels: Readonly<Record<VoiceFrequency, { label: string; hint: string }>> = {
  AllCalls: { label: 'All calls', hint: 'Until you cancel' },
  NextCall: { label: 'Next call only', hint: 'Ends by itself after one call' },
};

export interface SwitchOption {
  readonly mode: VoiceMode;
  readonly label: string;
  /** The call's mode now: shown pressed, never sent. */
  readonly current: boolean;
  /** Offered by main right now (switchTargets). */
  readonly available: boolean;
}

/**
 * Listen and Barge in are always shown so the switch keeps its place; Coach appears only as the
 * current mode, because GWS offers no way into Coach from a running call (gws-api.md §4.5).
 */
export function switchOptions(call: Pick<MonitoredCall, 'mode' | 'switchTargets'>): SwitchOption[] {
  const modes: VoiceMode[] = call.mode === 'Coach' ? ['ListenIn', 'Coach', 'BargeIn'] : ['ListenIn', 'BargeIn'];
  return modes.map((mode) => {
    const current = mode === call.mode;
    const available = !current && mode !== 'Coach' && call.switchTargets.includes(mode);
    return { mode, label: mode === 'ListenIn' ? 'Listen' : modeLabels[mode], current, available };
  });
}

export interface AgentMuteAction {
  readonly label: string;
  /** The value to send as `muted`. */
  readonly muted: boolean;
  readonly available: boolean;
}

export function agentMuteAction(
  call: Pick<MonitoredCall, 'agentMuted' | 'canMuteAgent' | 'canUnmuteAgent'>,
): AgentMuteAction | null {
  if (call.agentMuted) return { label: 'Unmute agent', muted: false, available: call.canUnmuteAgent };
  if (call.canMuteAgent) return { label: 'Mute agent', muted: true, available: true };
  return null;
}

/**
 * Main names the command on its way; the known ones read as words, anything else as a generic
 * "working", so a new command name never shows as jargon.
 */
export function describePendingCommand(command: string | null): string | null {
  if (command === null) return null;
  const name = command.replace(/^voice:/, '').toLowerCase();
  if (name.includes('bargein')) return 'Barging in…';
  if (name.includes('listenin')) return 'Switching to listen…';
  if (name.includes('switch')) return 'Switching mode…';
  if (name.includes('unmute')) return 'Unmuting the agent…';
  if (name.includes('mute')) return 'Muting the agent…';
  if (name.includes('hang')) return 'Hanging up…';
  if (name.includes('answer')) return 'Answering…';
  if (name.includes('volume')) return null;
  return 'Working…';
}

/** Hanging up stays possible while another command is on its way: it is how the supervisor gets out. */
export function isHangUpPending(command: string | null): boolean {
  return command !== null && command.toLowerCase().includes('hang');
}

export const callStateLabels: Readonly<Record<MonitoredCall['state'], string>> = {
  ringing: 'Ringing',
  connecting: 'Connecting…',
  established: 'Connected',
  ended: 'Ended',
};

/**
 * Monitoring that waits for the agent's next call: no call of this subscription is up. With Call
 * scope a transfer hands the call to another agent, so any live monitored call counts.
 */
export function isWaitingForCall(
  subscription: Pick<VoiceSubscription, 'agentId' | 'scope'>,
  calls: ReadonlyArray<MonitoredCall>,
): boolean {
  return !calls.some(
    (call) =>
      isLiveCall(call) &&
      (call.agentId === subscription.agentId || (subscription.scope === 'Call' && call.agentId !== null)),
  );
}

export interface SubscriptionView {
  readonly modeLabel: string;
  readonly status: string;
  readonly waiting: boolean;
  /** Scope and frequency in words: "follow the call, all calls". */
  readonly options: string;
  /** Everything in one sentence, for the tooltip and screen readers. */
  readonly description: string;
}

export function describeSubscription(
  subscription: VoiceSubscription,
  calls: ReadonlyArray<MonitoredCall>,
): SubscriptionView {
  const modeLabel = activeModeLabels[subscription.mode];
  const options = `${scopeLabels[subscription.scope].label.toLowerCase()}, ${frequencyLabels[subscription.frequency].label.toLowerCase()}`;
  const waiting = isWaitingForCall(subscription, calls);
  const liveCall = calls.find((call) => isLiveCall(call) && call.agentId === subscription.agentId);
  let status: string;
  if (subscription.pending) status = 'Updating…';
  else if (waiting) status = 'Waiting for next call';
  else if (liveCall !== undefined && liveCall.mode !== subscription.mode)
    status = `On a call · now ${modeLabels[liveCall.mode]}`;
  else status = 'On a call';
  const who = subscription.agentName ?? 'this agent';
  return { modeLabel, status, waiting, options, description: `${modeLabel} — ${who}: ${options}. ${status}.` };
}

/** What happens to the supervisor's voice when the awaited call arrives, said before it does. */
export function whenCallArrives(mode: VoiceMode, agentName: string | null): string {
  const agent = agentName ?? 'the agent';
  switch (mode) {
    case 'ListenIn':
      return `You join ${agent}'s next call silently: nobody will hear you.`;
    case 'Coach':
      return `You join ${agent}'s next call coaching: ${agent} will hear you, the customer will not.`;
    case 'BargeIn':
      return `You join ${agent}'s next call barged in: ${agent} and the customer will hear you.`;
    default:
      return assertNever(mode);
  }
}

export interface FormattedCallDuration {
  /** m:ss under an hour, h:mm:ss from then on. */
  readonly text: string;
  readonly label: string;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** A start a little in the future (clocks differ) reads as zero, never negative. */
export function formatCallDuration(elapsedMs: number): FormattedCallDuration {
  const total = Number.isFinite(elapsedMs) && elapsedMs > 0 ? Math.floor(elapsedMs / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  const parts = [hours > 0 ? plural(hours, 'hour') : null, minutes > 0 ? plural(minutes, 'minute') : null]
    .filter((part) => part !== null)
    .concat(plural(seconds, 'second'));
  return {
    text: hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`,
    label: parts.join(' '),
  };
}

/** Two decimals under a second (where the difference is audible), one above. */
export function formatBehindLive(behindLiveMs: number | null): string | null {
  if (behindLiveMs === null || !Number.isFinite(behindLiveMs) || behindLiveMs < 0) return null;
  const seconds = behindLiveMs / 1000;
  return `${seconds < 1 ? seconds.toFixed(2) : seconds.toFixed(1)} s behind live`;
}

export interface PacketLossView {
  readonly text: string;
  /** Loss a listener starts to hear as gaps. */
  readonly noticeable: boolean;
}

export function formatPacketLoss(percent: number | null): PacketLossView | null {
  if (percent === null || !Number.isFinite(percent)) return null;
  const clamped = Math.min(100, Math.max(0, percent));
  if (clamped < 0.05) return { text: 'No packet loss', noticeable: false };
  const digits = clamped < 10 ? 1 : 0;
  return { text: `${clamped.toFixed(digits)} % packet loss`, noticeable: clamped >= 3 };
}

/** Who the card is about: the agent by name, the customer by number, neither when unknown. */
export function callTitle(call: Pick<MonitoredCall, 'agentName' | 'customerNumber'>): string {
  return call.agentName ?? call.customerNumber ?? 'Unknown call';
}
