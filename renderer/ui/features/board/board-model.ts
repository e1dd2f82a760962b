import type { Conversation, MessagingChannel } from '../../../../electron/common/models/messaging';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { customerName, describeEnding, modeLabels as messagingModeLabels } from '../messaging/messaging-model';
import { modeLabels as voiceModeLabels } from '../voice/voice-model';

/** One agent's part of the board: their call and their chats and SMS sessions, side by side. */
export interface BoardGroup {
  readonly key: string;
  readonly agentId: string | null;
  readonly agentName: string;
  readonly callIds: ReadonlyArray<string>;
  readonly conversationIds: ReadonlyArray<string>;
}

type CallPart = Pick<MonitoredCall, 'id' | 'agentId' | 'agentName' | 'customerNumber' | 'startedAt'>;
type ConversationPart = Pick<Conversation, 'id' | 'agentId' | 'agentName' | 'startedAt'>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const UNKNOWN_AGENT = 'Unknown agent';

function groupKey(agentId: string | null, agentName: string | null): string {
  if (agentId !== null) return `id:${agentId}`;
  return agentName !== null ? `name:${agentName}` : 'unknown';
}

/**
 * Groups by agent, in name order so groups never jump as lines arrive; what has no agent comes
 * last. Inside a group the call comes first, then conversations by the time they started.
 */
export function groupByAgent(
  calls: ReadonlyArray<CallPart>,
  conversations: ReadonlyArray<ConversationPart>,
): BoardGroup[] {
  const groups = new Map<
    string,
    { agentId: string | null; agentName: string | null; calls: CallPart[]; conversations: ConversationPart[] }
  >();
  const groupFor = (agentId: string | null, agentName: string | null) => {
    const key = groupKey(agentId, agentName);
    let group = groups.get(key);
    if (group === undefined) {
      group = { agentId, agentName, calls: [], conversations: [] };
      groups.set(key, group);
    }
    group.agentName ??= agentName;
    return group;
  };
  for (const call of calls) groupFor(call.agentId, call.agentName).calls.push(call);
  for (const conversation of conversations) {
    groupFor(conversation.agentId, conversation.agentName).conversations.push(conversation);
  }
  const byStart = (a: { startedAt: number; id: string }, b: { startedAt: number; id: string }) =>
    a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...groups.entries()]
    .map(([key, group]) => ({
      key,
      agentId: group.agentId,
      agentName: group.agentName ?? UNKNOWN_AGENT,
      known: group.agentName !== null,
      callIds: group.calls.sort(byStart).map((call) => call.id),
      conversationIds: group.conversations.sort(byStart).map((conversation) => conversation.id),
    }))
    .sort(
      (a, b) =>
        Number(b.known) - Number(a.known) || collator.compare(a.agentName, b.agentName) || (a.key < b.key ? -1 : 1),
    )
    .map(({ known: _known, ...group }) => group);
}

/** How long an ended conversation stays on the board, saying how it ended, before only the history shows it. */
export const ENDING_SHOWN_MS = 10_000;

/** Ended conversations still in their moment on the board, oldest ending first. */
export function recentlyEnded(
  history: ReadonlyArray<Pick<Conversation, 'id' | 'endedAt'>>,
  now: number,
  dismissed: ReadonlyArray<string>,
  shownForMs = ENDING_SHOWN_MS,
): string[] {
  return history
    .filter(
      (conversation) =>
        conversation.endedAt !== null &&
        now - conversation.endedAt < shownForMs &&
        !dismissed.includes(conversation.id),
    )
    .sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0))
    .map((conversation) => conversation.id);
}

export type HistoryChannel = 'call' | MessagingChannel;

export interface HistoryEntry {
  readonly id: string;
  readonly channel: HistoryChannel;
  readonly agentName: string;
  readonly customer: string;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** Mode at the end for a call; how it ended (and the mode) for a chat or SMS session. */
  readonly ending: string;
  readonly endingDetail: string | null;
  readonly hasTranscript: boolean;
}

type HistoryCall = Pick<
  MonitoredCall,
  'id' | 'agentName' | 'customerNumber' | 'startedAt' | 'endedAt' | 'mode' | 'endReason'
>;
type HistoryConversation = Pick<
  Conversation,
  'id' | 'channel' | 'agentName' | 'customerName' | 'startedAt' | 'endedAt' | 'state' | 'mode'
>;

/** Voice, chat and SMS of this session in one list, the latest ending first. */
export function combinedHistory(
  calls: ReadonlyArray<HistoryCall>,
  conversations: ReadonlyArray<HistoryConversation>,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...calls.map((call) => ({
      id: call.id,
      channel: 'call' as const,
      agentName: call.agentName ?? UNKNOWN_AGENT,
      customer: call.customerNumber ?? '—',
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      ending: call.mode === null ? 'Ordinary call' : voiceModeLabels[call.mode],
      endingDetail: call.endReason,
      hasTranscript: false,
    })),
    ...conversations.map((conversation) => {
      const ending = describeEnding(conversation.state);
      return {
        id: conversation.id,
        channel: conversation.channel,
        agentName: conversation.agentName ?? UNKNOWN_AGENT,
        customer: customerName(conversation),
        startedAt: conversation.startedAt,
        endedAt: conversation.endedAt,
        ending: `${ending.label} · ${messagingModeLabels[conversation.mode]}`,
        endingDetail: ending.detail,
        hasTranscript: true,
      };
    }),
  ];
  return entries.sort(
    (a, b) => (b.endedAt ?? b.startedAt) - (a.endedAt ?? a.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface BoardCounts {
  readonly calls: number;
  readonly chats: number;
  readonly sms: number;
}

export function boardCountText(counts: BoardCounts): string | null {
  const parts = [
    counts.calls > 0 ? (counts.calls === 1 ? '1 call' : `${counts.calls} calls`) : null,
    counts.chats > 0 ? (counts.chats === 1 ? '1 chat' : `${counts.chats} chats`) : null,
    counts.sms > 0 ? `${counts.sms} SMS` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}
