import type {
  Audience,
  MonitoredAgent,
  MonitoredCall,
  MonitoringScope,
  SubscriptionStatus,
  VoiceCommand,
  VoiceFrequency,
  VoiceMode,
  VoiceSubscription,
} from '../../../../electron/common/models/voice';
import { assertNever } from '../../../../electron/common/result';
import { decodeUriComponentOrNull } from '../../../../electron/common/uri-text';

export type AudienceTone = 'silent' | 'coach' | 'live';

export interface AudienceView {
  readonly tone: AudienceTone;
  /** The one sentence that must never lie: who hears the supervisor right now. */
  readonly label: string;
  /** Short form for tight places (the header). */
  readonly shortLabel: string;
}

export interface CallAudienceView extends AudienceView {
  /** What is changing, or what went wrong, with the microphone, when anything is. */
  readonly detail: string | null;
  /** The detail is a problem to read, not a step on its way. */
  readonly problem: boolean;
  /** The microphone is between two states; the label already says the louder one. */
  readonly transitional: boolean;
}

const audienceLabels: Readonly<Record<Audience, AudienceView>> = {
  nobody: { tone: 'silent', label: 'Silent — nobody can hear you', shortLabel: 'Silent' },
  agent: { tone: 'coach', label: 'Coaching — the agent hears you', shortLabel: 'Agent hears you' },
  caller: { tone: 'live', label: 'Two-way call — the caller hears you', shortLabel: 'Caller hears you' },
  everyone: { tone: 'live', label: 'Live — agent and customer hear you', shortLabel: 'Live — everyone hears you' },
};

/**
 * Main derives `audience` (and the header's overall one) from each call's state machine; this only
 * puts it into words. While the microphone opens or closes main already reports the louder
 * audience, so the label errs on the side of "they may hear you".
 */
export function describeAudience(audience: Audience): AudienceView {
  return audienceLabels[audience];
}

export function describeCallAudience(
  call: Pick<MonitoredCall, 'audience' | 'microphone' | 'mode' | 'modeChangedOutside' | 'error'>,
): CallAudienceView {
  const base = audienceLabels[call.audience];
  const view = (detail: string | null, problem = false, transitional = false): CallAudienceView => ({
    ...base,
    detail,
    problem,
    transitional,
  });
  switch (call.microphone) {
    case 'opening':
      return view('Opening your microphone…', false, true);
    case 'closing':
      return view('Closing your microphone…', false, true);
    case 'unconfirmed':
      return view('Checking that your microphone is closed…', true, true);
    case 'open':
      return view(null);
    case 'closed':
      if (call.error !== null) return view(call.error.message, true);
      if (call.modeChangedOutside && call.mode !== null && call.mode !== 'ListenIn') {
        return view(
          `Genesys set this call to ${modeLabels[call.mode]} outside Earshot. Your microphone stays closed until you choose Talk.`,
          true,
        );
      }
      return view(null);
    default:
      return assertNever(call.microphone);
  }
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
  const user = match?.[1];
  return user ? (decodeUriComponentOrNull(user) ?? user) : uri.trim();
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
 * The server's mode is shown pressed. Listen and Barge in are always shown so the switch keeps its place; Coach appears only as the
 * current mode, because GWS offers no way into Coach from a running call (gws-api.md §4.5).
 */
export function switchOptions(call: Pick<MonitoredCall, 'mode' | 'switchTargets'>): SwitchOption[] {
  if (call.mode === null) return [];
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

const pendingCommandLabels: Readonly<Record<VoiceCommand, string>> = {
  listen: 'Switching to listen…',
  'barge-in': 'Barging in…',
  talk: 'Opening your microphone…',
  'stop-talking': 'Closing your microphone…',
  'mute-agent': 'Muting the agent…',
  'unmute-agent': 'Unmuting the agent…',
  'hang-up': 'Hanging up…',
};

export function describePendingCommand(command: VoiceCommand | null): string | null {
  return command === null ? null : pendingCommandLabels[command];
}

export const callStateLabels: Readonly<Record<MonitoredCall['state'], string>> = {
  ringing: 'Ringing',
  connecting: 'Connecting…',
  established: 'Connected',
};

export interface SubscriptionView {
  readonly modeLabel: string;
  readonly status: string;
  readonly waiting: boolean;
  /** Scope and frequency in words: "follow the call, all calls". */
  readonly options: string;
  /** Everything in one sentence, for the tooltip and screen readers. */
  readonly description: string;
}

const subscriptionStatusLabels: Readonly<Record<SubscriptionStatus, string>> = {
  requesting: 'Starting…',
  waiting: 'Waiting for next call',
  'on-call': 'On a call',
  paused: 'Paused: the audio window is closed',
  cancelling: 'Stopping…',
};

export function describeSubscription(subscription: VoiceSubscription): SubscriptionView {
  const modeLabel = activeModeLabels[subscription.mode];
  const options = `${scopeLabels[subscription.scope].label.toLowerCase()}, ${frequencyLabels[subscription.frequency].label.toLowerCase()}`;
  const status = subscriptionStatusLabels[subscription.status];
  const who = subscription.agentName ?? 'this agent';
  return {
    modeLabel,
    status,
    waiting: subscription.status === 'waiting',
    options,
    description: `${modeLabel} — ${who}: ${options}. ${status}.`,
  };
}

/** What an agent's row says while the supervisor monitors that agent: main's mode and audience, in words. */
export function describeMonitoredAgent(agent: MonitoredAgent): { readonly text: string; readonly tone: AudienceTone } {
  if (agent.status !== 'on-call') {
    return { text: subscriptionStatusLabels[agent.status], tone: 'silent' };
  }
  const audience = audienceLabels[agent.audience];
  return { text: `${activeModeLabels[agent.mode]} · ${audience.shortLabel}`, tone: audience.tone };
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
  if (call.agentName === null && call.customerNumber !== null) return callerNumber(call.customerNumber);
  return call.agentName ?? call.customerNumber ?? 'Unknown call';
}
