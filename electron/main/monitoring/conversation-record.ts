import type {
  Conversation,
  ConversationEnding,
  MessagingChannel,
  MessagingCommand,
  MessagingMode,
  MessagingSubscription,
  Participant,
  TranscriptLine,
} from '../../common/models/messaging';
import type { AppError } from '../../common/result';
import {
  participantUserId,
  type WireConversation,
  type WireMessage,
  type WireParticipant,
} from '../contact-center/wire/messaging';
import { conversationStateOf } from './conversation-lifecycle';
import { isMe, toParticipant, toTranscriptLine, type Me } from './messaging-mapping';
import { composerDisabledReason, modeFromVisibility, sendVisibility, switchTargets } from './messaging-modes';
import {
  appendLines,
  emptyTranscript,
  highestIndex,
  isShown,
  missingRanges,
  type IndexRange,
  type Transcript,
} from './transcript';

/**
 * What main knows about one chat or SMS session, and the pure steps that change it: a GWS resource
 * (state, capabilities, participants) and new lines. The service (messaging-monitoring.ts) applies
 * each step's change, runs the reads it calls for and publishes the card `renderConversation` makes.
 */
export interface ConversationRecord {
  readonly id: string;
  readonly channel: MessagingChannel;
  agentId: string | null;
  agentName: string | null;
  customerName: string | null;
  /** As GWS says it; the card gets `conversationStateOf` it. */
  state: string;
  capabilities: readonly string[];
  wireParticipants: readonly WireParticipant[];
  participants: readonly Participant[];
  mode: MessagingMode;
  typing: readonly string[];
  transcript: Transcript;
  /** Index ranges already fetched again after a gap, so none is asked for twice. */
  requested: IndexRange[];
  lastMessageAt: number | null;
  readonly startedAt: number;
  endedAt: number | null;
  ended: boolean;
  /** Null while live. */
  ending: ConversationEnding | null;
  /** Left by this supervisor: whatever still arrives about it never brings it back to the board. */
  leftByMe: boolean;
  pendingCommand: MessagingCommand | null;
  error: AppError | null;
}

/** What the steps need to know beyond the record: who the supervisor is and whom they follow. */
export interface RecordContext {
  readonly me: Me;
  readonly now: number;
  /** This channel's subscriptions. */
  readonly subscriptions: readonly MessagingSubscription[];
  /** A team member's name, or undefined for someone outside the team. */
  agentName(agentId: string): string | undefined;
}

export interface MonitoredAgent {
  readonly agentId: string | null;
  readonly agentName: string | null;
  readonly subscription: MessagingSubscription | null;
}

/**
 * The agent whose work this is: the one a subscription follows, else one of the team, else the
 * first agent listed. The current one stays while still there (a second agent joining changes nothing).
 */
export function monitoredAgent(
  context: RecordContext,
  participants: readonly WireParticipant[],
  current: string | null,
): MonitoredAgent {
  const agents = participants
    .filter(
      (participant) =>
        participant.type === 'Agent' &&
        !isMe(participant, context.me) &&
        participant.visibility !== 'Supervisors' &&
        participant.visibility !== 'Agents',
    )
    .map((participant) => ({ participant, userId: participantUserId(participant) }));
  const { subscriptions } = context;
  const named = (userId: string | null, nickname: string | undefined) => ({
    agentId: userId,
    agentName: (userId ? context.agentName(userId) : undefined) ?? nickname ?? null,
  });
  const kept = current ? agents.find((agent) => agent.userId === current) : undefined;
  if (kept)
    return {
      ...named(kept.userId, kept.participant.nickname),
      subscription: subscriptions.find((subscription) => subscription.agentId === current) ?? null,
    };
  for (const agent of agents) {
    const subscription = subscriptions.find((candidate) => candidate.agentId === agent.userId);
    if (subscription) return { ...named(agent.userId, agent.participant.nickname), subscription };
  }
  const inTeam = agents.find((agent) => agent.userId !== null && context.agentName(agent.userId) !== undefined);
  if (inTeam) return { ...named(inTeam.userId, inTeam.participant.nickname), subscription: null };
  // Without user links (older samples) a lone subscription on the channel is the only clue.
  const lone = subscriptions.length === 1 ? subscriptions[0] : undefined;
  if (lone && agents.every((agent) => agent.userId === null))
    return { agentId: lone.agentId, agentName: lone.agentName, subscription: lone };
  const first = agents[0];
  return first
    ? { ...named(first.userId, first.participant.nickname), subscription: null }
    : { agentId: null, agentName: null, subscription: null };
}

/** A conversation delivered to the supervisor, and the subscription that brought it, if any. */
export function newRecord(
  channel: MessagingChannel,
  wire: WireConversation,
  context: RecordContext,
  receivedAt: number | null,
): { readonly record: ConversationRecord; readonly subscription: MessagingSubscription | null } {
  const wireParticipants = wire.participants ?? [];
  const participants = wireParticipants.map((participant) => toParticipant(participant, context.me));
  const monitored = monitoredAgent(context, wireParticipants, null);
  const mine = participants.find((participant) => participant.isMe);
  const record: ConversationRecord = {
    id: wire.id,
    channel,
    agentId: monitored.agentId,
    agentName: monitored.agentName,
    customerName: customerOf(participants),
    state: wire.state ?? 'Chatting',
    capabilities: wire.capabilities ?? [],
    wireParticipants,
    participants,
    mode: mine ? modeFromVisibility(mine.visibility) : (monitored.subscription?.mode ?? 'Monitor'),
    typing: [],
    transcript: emptyTranscript,
    requested: [],
    lastMessageAt: null,
    startedAt: Math.min(receivedAt ?? context.now, context.now),
    endedAt: null,
    ended: false,
    ending: null,
    leftByMe: false,
    pendingCommand: null,
    error: null,
  };
  return { record, subscription: monitored.subscription };
}

/**
 * The record's change for a resource GWS sent or answered. An empty participant list stands for
 * "unchanged" except in a ParticipantsUpdated, which says who is left.
 */
export function resourceChange(
  record: ConversationRecord,
  wire: WireConversation,
  notificationType: string,
  context: RecordContext,
): Partial<ConversationRecord> {
  const change: Partial<ConversationRecord> = {
    ...(wire.state ? { state: wire.state } : {}),
    ...(wire.capabilities ? { capabilities: wire.capabilities } : {}),
  };
  const participantsChanged =
    wire.participants !== undefined && (wire.participants.length > 0 || notificationType === 'ParticipantsUpdated');
  if (!participantsChanged || !wire.participants) return change;
  const participants = wire.participants.map((participant) => toParticipant(participant, context.me));
  const mine = participants.find((participant) => participant.isMe);
  const monitored = monitoredAgent(context, wire.participants, record.agentId);
  const present = new Set(participants.map((participant) => participant.nickname));
  return {
    ...change,
    wireParticipants: wire.participants,
    participants,
    ...(mine ? { mode: modeFromVisibility(mine.visibility) } : {}),
    ...(monitored.agentId !== null || monitored.agentName !== null
      ? { agentId: monitored.agentId, agentName: monitored.agentName }
      : {}),
    customerName: customerOf(participants) ?? record.customerName,
    typing: record.typing.filter((nickname) => present.has(nickname)),
  };
}

export interface LinesChange {
  /** Null when every line was already held. */
  readonly change: Partial<ConversationRecord> | null;
  /** Index ranges now missing that nobody has asked for yet, to read from GWS. */
  readonly gaps: readonly IndexRange[];
}

/** New lines in GWS index order; duplicates change nothing. A gap they reveal is to be read once. */
export function linesChange(
  record: ConversationRecord,
  messages: readonly WireMessage[],
  context: RecordContext,
): LinesChange {
  const lines = messages.map((message) => toTranscriptLine(message, record.participants, context.me));
  const before = highestIndex(record.transcript);
  const appended = appendLines(record.transcript, lines);
  if (appended.added.length === 0) return { change: null, gaps: [] };
  let typing = record.typing;
  let lastMessageAt = record.lastMessageAt;
  for (const line of appended.added) {
    if (line.index > before) typing = typingAfter(typing, line);
    if (isShown(line)) lastMessageAt = Math.max(lastMessageAt ?? 0, line.at ?? context.now);
  }
  const gaps = missingRanges(appended.transcript, record.requested);
  return {
    change: { transcript: appended.transcript, typing, lastMessageAt, requested: [...record.requested, ...gaps] },
    gaps,
  };
}

/** The card the UI shows for a record. */
export function renderConversation(record: ConversationRecord): Conversation {
  const mine = record.participants.find((participant) => participant.isMe);
  return {
    id: record.id,
    channel: record.channel,
    agentId: record.agentId,
    agentName: record.agentName,
    customerName: record.customerName,
    state: conversationStateOf(record.state),
    ended: record.ended,
    ending: record.ending,
    mode: record.mode,
    myVisibility: mine?.visibility ?? null,
    participants: record.participants,
    typing: record.typing,
    switchTargets: record.ended ? [] : switchTargets(record.mode, record.capabilities),
    composerDisabledReason: composerDisabledReason(record.mode, record.ended),
    sendVisibility: record.ended ? null : sendVisibility(record.mode),
    lines: record.transcript.lines,
    lastMessageAt: record.lastMessageAt,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    pendingCommand: record.pendingCommand,
    error: record.error,
  };
}

export function customerOf(participants: readonly Participant[]): string | null {
  return participants.find((participant) => participant.role === 'Customer')?.nickname ?? null;
}

/** Who is typing after this line: typing notices start and stop it, anything else someone sends stops it. */
export function typingAfter(typing: readonly string[], line: TranscriptLine): readonly string[] {
  const nickname = line.from?.nickname;
  if (!nickname || line.from?.isMe) return typing;
  if (line.type === 'TypingStarted') return typing.includes(nickname) ? typing : [...typing, nickname];
  return typing.includes(nickname) ? typing.filter((name) => name !== nickname) : typing;
}
