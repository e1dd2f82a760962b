import type {
  Conversation,
  ConversationState,
  MessagingChannel,
  MessagingCommand,
  MessagingFrequency,
  MessagingMode,
  MessagingSubscription,
  TranscriptLine,
  Visibility,
} from '../../../../electron/common/models/messaging';
import { assertNever } from '../../../../electron/common/result';
import type { AudienceTone } from '../voice/voice-model';

export const messagingModes: ReadonlyArray<MessagingMode> = ['Monitor', 'Coach', 'BargeIn'];
export const messagingChannels: ReadonlyArray<MessagingChannel> = ['chat', 'sms'];

export const modeLabels: Readonly<Record<MessagingMode, string>> = {
  Monitor: 'Monitor',
  Coach: 'Coach',
  BargeIn: 'Barge in',
};

/** The subscription as the row says it: what the supervisor is doing. */
export const activeModeLabels: Readonly<Record<MessagingMode, string>> = {
  Monitor: 'Monitoring',
  Coach: 'Coaching',
  BargeIn: 'Barging in',
};

export const channelLabels: Readonly<Record<MessagingChannel, { one: string; many: string }>> = {
  chat: { one: 'Chat', many: 'chats' },
  sms: { one: 'SMS', many: 'SMS sessions' },
};

export const frequencyLabels: Readonly<Record<MessagingFrequency, { label: string; hint: string }>> = {
  AllChats: { label: 'All chats', hint: 'Every new one until you cancel' },
  NextChat: { label: 'Next chat only', hint: 'Ends by itself after one' },
};

/** What each mode does to what the supervisor writes, said before it is chosen. */
export const modeConsequences: Readonly<Record<MessagingMode, string>> = {
  Monitor: 'silent: only supervisors see you',
  Coach: 'the agent sees you and what you write, the customer does not',
  BargeIn: 'the agent and the customer see you and what you write',
};

export function monitorMessagingPhrase(mode: MessagingMode, channel: MessagingChannel, agentName: string): string {
  const what = `${agentName}’s ${channelLabels[channel].many}`;
  switch (mode) {
    case 'Monitor':
      return `Monitor ${what}`;
    case 'Coach':
      return `Coach in ${what}`;
    case 'BargeIn':
      return `Barge in on ${what}`;
    default:
      return assertNever(mode);
  }
}

export interface VisibilityView {
  /** The voice audience's language: calm when silent, amber when the agent sees, red when everyone does. */
  readonly tone: AudienceTone;
  /** The one sentence that must never lie: who sees the supervisor right now. */
  readonly label: string;
  readonly detail: string | null;
}

const visibilityViews: Readonly<Record<Visibility, Omit<VisibilityView, 'detail'>>> = {
  Supervisors: { tone: 'silent', label: 'Only supervisors see you' },
  Agents: { tone: 'coach', label: 'The agent sees you' },
  All: { tone: 'live', label: 'Everyone sees you' },
};

const visibilityOfMode: Readonly<Record<MessagingMode, Visibility>> = {
  Monitor: 'Supervisors',
  Coach: 'Agents',
  BargeIn: 'All',
};

/**
 * Built from `myVisibility`, the supervisor's own participant entry. Until the contact center lists
 * the supervisor, the label says what the mode allows, and the detail says it is not confirmed.
 */
export function describeVisibility(
  conversation: Pick<Conversation, 'myVisibility' | 'mode' | 'ended' | 'pendingCommand'>,
): VisibilityView {
  if (conversation.ended) {
    return { tone: 'silent', label: 'You are no longer in this conversation', detail: null };
  }
  const pending = isModeSwitch(conversation.pendingCommand)
    ? describeConversationPending(conversation.pendingCommand)
    : null;
  if (conversation.myVisibility === null) {
    const assumed = visibilityViews[visibilityOfMode[conversation.mode]];
    return { ...assumed, detail: pending ?? 'Not confirmed by the contact center yet' };
  }
  return { ...visibilityViews[conversation.myVisibility], detail: pending };
}

export interface SendAudience {
  /** Beside the composer: who reads what the supervisor writes. */
  readonly label: string;
  readonly placeholder: string;
  readonly tone: AudienceTone;
}

export function describeSendAudience(sendVisibility: Visibility | null): SendAudience | null {
  switch (sendVisibility) {
    case null:
      return null;
    case 'Agents':
      return {
        label: 'To the agent only',
        placeholder: 'Write to the agent — the customer does not see this',
        tone: 'coach',
      };
    case 'All':
      return { label: 'To everyone', placeholder: 'Write to everyone — the customer sees this too', tone: 'live' };
    case 'Supervisors':
      return { label: 'To supervisors only', placeholder: 'Write to the supervisors', tone: 'silent' };
    default:
      return assertNever(sendVisibility);
  }
}

/** A line everyone could read needs no tag; the others say who could. */
export function lineVisibilityTag(visibility: Visibility): string | null {
  switch (visibility) {
    case 'All':
      return null;
    case 'Agents':
      return 'agents only';
    case 'Supervisors':
      return 'supervisors only';
    default:
      return assertNever(visibility);
  }
}

export const lineVisibilityTitles: Readonly<Record<Visibility, string>> = {
  All: 'Everyone in the conversation could see this',
  Agents: 'Only agents (and supervisors) could see this; the customer could not',
  Supervisors: 'Only supervisors could see this',
};

/** Text someone wrote, or a notice about the conversation (joined, left, rejoined…). */
export function isSystemLine(line: Pick<TranscriptLine, 'type'>): boolean {
  return line.type !== 'Text' && line.type !== 'PushUrl';
}

function who(from: TranscriptLine['from']): string {
  if (from === null) return 'Someone';
  return from.isMe ? 'You' : from.nickname;
}

export function systemLineText(line: Pick<TranscriptLine, 'type' | 'text' | 'from'>): string {
  switch (line.type) {
    case 'ParticipantJoined':
      return `${who(line.from)} joined`;
    case 'ParticipantLeft':
      return `${who(line.from)} left`;
    case 'ParticipantRejoined':
      return `${who(line.from)} rejoined`;
    case 'TypingStarted':
      return `${who(line.from)} is typing`;
    case 'TypingStopped':
      return `${who(line.from)} stopped typing`;
    case 'Text':
    case 'PushUrl':
    case 'Notice': {
      const text = line.text?.trim() || 'Notice';
      return line.from === null ? text : `${who(line.from)}: ${text}`;
    }
    default:
      return assertNever(line.type);
  }
}

export const roleLabels: Readonly<Record<NonNullable<TranscriptLine['from']>['role'], string>> = {
  Customer: 'Customer',
  Agent: 'Agent',
  Supervisor: 'Supervisor',
  Other: 'Participant',
};

/** Which side of the transcript a line sits on: the customer's, or the contact center's. */
export function lineSide(line: Pick<TranscriptLine, 'from'>): 'customer' | 'agent' | 'supervisor' | 'me' {
  const from = line.from;
  if (from === null || from.role === 'Customer' || from.role === 'Other') return 'customer';
  if (from.isMe) return 'me';
  return from.role === 'Supervisor' ? 'supervisor' : 'agent';
}

export function typingText(typing: ReadonlyArray<string>): string | null {
  const [first, second] = typing;
  if (first === undefined) return null;
  if (second === undefined) return `${first} is typing…`;
  if (typing.length === 2) return `${first} and ${second} are typing…`;
  return `${first}, ${second} and ${typing.length - 2} more are typing…`;
}

export interface SwitchOption {
  readonly mode: MessagingMode;
  readonly label: string;
  /** The conversation's mode now: shown pressed, never sent. */
  readonly current: boolean;
}

/** Only what main offers (switchTargets) besides the current mode, always in the same order. */
export function conversationSwitchOptions(
  conversation: Pick<Conversation, 'mode' | 'switchTargets' | 'ended'>,
): SwitchOption[] {
  return messagingModes
    .filter((mode) => mode === conversation.mode || (!conversation.ended && conversation.switchTargets.includes(mode)))
    .map((mode) => ({ mode, label: modeLabels[mode], current: mode === conversation.mode }));
}

export function isModeSwitch(command: MessagingCommand | null): boolean {
  return command === 'switch-to-monitor' || command === 'switch-to-coach' || command === 'switch-to-barge-in';
}

const pendingLabels: Readonly<Record<MessagingCommand, string>> = {
  'switch-to-monitor': 'Switching to Monitor…',
  'switch-to-coach': 'Switching to Coach…',
  'switch-to-barge-in': 'Barging in…',
  send: 'Sending…',
  leave: 'Leaving…',
};

export function describeConversationPending(command: MessagingCommand | null): string | null {
  return command === null ? null : pendingLabels[command];
}

export interface EndingView {
  readonly label: string;
  readonly detail: string;
}

/** How an ended conversation ended, in the supervisor's words, from what main decided. */
export function describeEnding(conversation: Pick<Conversation, 'ending'>): EndingView {
  switch (conversation.ending) {
    case 'you-left':
      return { label: 'You left', detail: 'It goes on for the agent and the customer.' };
    case 'requeued':
      return {
        label: 'Back in queue',
        detail: 'The customer is waiting for the next agent; you are no longer in it.',
      };
    case 'ended':
    case null:
      return { label: 'Ended', detail: 'The conversation was closed; you are no longer in it.' };
    default:
      return assertNever(conversation.ending);
  }
}

const stateLabels: Readonly<Record<ConversationState, string>> = {
  invited: 'Invited',
  accepted: 'Accepted',
  live: 'Live',
};

export function conversationStateLabel(conversation: Pick<Conversation, 'state' | 'ended' | 'ending'>): string {
  return conversation.ended ? describeEnding(conversation).label : stateLabels[conversation.state];
}

/** The agents the supervisor watches: those in the conversation, else the one main named. */
export function agentNames(conversation: Pick<Conversation, 'participants' | 'agentName'>): string {
  const agents = conversation.participants.filter((participant) => participant.role === 'Agent' && !participant.isMe);
  if (agents.length > 0) return agents.map((agent) => agent.nickname).join(', ');
  return conversation.agentName ?? 'Unknown agent';
}

export function customerName(conversation: Pick<Conversation, 'customerName'>): string {
  return conversation.customerName?.trim() || 'Customer';
}

export interface MessagingSubscriptionView {
  readonly modeLabel: string;
  readonly status: string;
  readonly description: string;
}

export function describeMessagingSubscription(subscription: MessagingSubscription): MessagingSubscriptionView {
  const modeLabel = activeModeLabels[subscription.mode];
  const channel = channelLabels[subscription.channel];
  const frequency = subscription.frequency === 'NextChat' ? 'next one only' : `all ${channel.many}`;
  const status = subscription.pending ? 'Updating…' : frequency;
  const nickname = subscription.nickname === null ? '' : `, as “${subscription.nickname}”`;
  return {
    modeLabel,
    status,
    description: `${modeLabel} ${subscription.agentName}’s ${channel.many}: ${frequency}${nickname}.${subscription.pending ? ' Updating…' : ''}`,
  };
}

/** New lines the supervisor has not scrolled down to; their own lines do not count. */
export function unseenCount(lines: ReadonlyArray<TranscriptLine>, lastSeenIndex: number): number {
  let count = 0;
  for (let position = lines.length - 1; position >= 0; position -= 1) {
    const line = lines[position] as TranscriptLine;
    if (line.index <= lastSeenIndex) break;
    if (!line.from?.isMe) count += 1;
  }
  return count;
}

export function lastIndex(lines: ReadonlyArray<TranscriptLine>): number {
  return lines.at(-1)?.index ?? 0;
}

export interface ScrollMetrics {
  readonly scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

/** Close enough to the end to follow new lines; a little slack absorbs fractional pixels. */
export function isNearBottom(metrics: ScrollMetrics, slack = 24): boolean {
  return metrics.scrollHeight - metrics.scrollTop - metrics.clientHeight <= slack;
}

export function newMessagesLabel(count: number): string {
  return count === 1 ? '1 new message' : `${count} new messages`;
}

const farewellAudiences: Readonly<Record<Visibility, string | null>> = {
  Supervisors: null,
  Agents: 'The agent will see it; the customer will not.',
  All: 'Everyone, the customer included, will see it.',
};

/**
 * A farewell goes out with the supervisor's current visibility; null where only supervisors would
 * read it, so no farewell is offered there.
 */
export function farewellAudience(conversation: Pick<Conversation, 'myVisibility' | 'mode'>): string | null {
  return farewellAudiences[conversation.myVisibility ?? visibilityOfMode[conversation.mode]];
}

/** The voice audience the supervisor's chat visibility matches, for the shared colours. */
export function audienceOfVisibility(visibility: Visibility | null): 'nobody' | 'agent' | 'everyone' {
  if (visibility === 'All') return 'everyone';
  return visibility === 'Agents' ? 'agent' : 'nobody';
}

const visibilityRank: Readonly<Record<Visibility, number>> = { Supervisors: 0, Agents: 1, All: 2 };

/**
 * Who sees the supervisor in at least one live conversation: the widest wins. A conversation not yet
 * confirmed counts with what its mode allows, as the card says.
 */
export function widestVisibility(
  conversations: ReadonlyArray<Pick<Conversation, 'myVisibility' | 'mode' | 'ended'>>,
): Visibility | null {
  let widest: Visibility | null = null;
  for (const conversation of conversations) {
    if (conversation.ended) continue;
    const visibility = conversation.myVisibility ?? visibilityOfMode[conversation.mode];
    if (widest === null || visibilityRank[visibility] > visibilityRank[widest]) widest = visibility;
  }
  return widest;
}

export const headerVisibilityLabels: Readonly<Record<Visibility, { label: string; short: string }>> = {
  Supervisors: { label: 'Chats: unseen', short: 'Unseen' },
  Agents: { label: 'Chats: agent sees you', short: 'Agent sees' },
  All: { label: 'Chats: everyone sees you', short: 'All see you' },
};
