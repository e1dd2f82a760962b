import type { Conversation, MessagingSubscription } from '../../../../electron/common/models/messaging';
import type { MonitoredCall, VoiceSubscription } from '../../../../electron/common/models/voice';
import { assertNever } from '../../../../electron/common/result';

/** One card on the board: a call or a chat/SMS conversation, by id (the card reads the rest itself). */
export interface BoardCard {
  readonly key: string;
  readonly kind: 'call' | 'conversation';
  readonly id: string;
}

/**
 * Pinned cards are those where someone can hear or see the supervisor; they come first, so no card
 * arriving later can push them out of view.
 */
export interface BoardLayout {
  readonly pinned: ReadonlyArray<BoardCard>;
  readonly others: ReadonlyArray<BoardCard>;
}

type CallPart = Pick<MonitoredCall, 'id' | 'audience' | 'startedAt'>;
type ConversationPart = Pick<Conversation, 'id' | 'mode' | 'myVisibility' | 'ended' | 'startedAt' | 'endedAt'>;

/** The audience main derived for the call (it never understates): anyone but nobody pins the card. */
function callIsHeard(call: CallPart): boolean {
  return call.audience !== 'nobody';
}

/**
 * The mode main holds and the visibility the contact center confirmed: either one saying that
 * someone besides supervisors sees the supervisor pins the card, so a switch on its way never unpins it.
 */
function conversationIsSeen(conversation: ConversationPart): boolean {
  if (conversation.ended) return false;
  const confirmed = conversation.myVisibility;
  return conversation.mode !== 'Monitor' || (confirmed !== null && confirmed !== 'Supervisors');
}

interface Ordered {
  readonly card: BoardCard;
  readonly startedAt: number;
  readonly ended: boolean;
  readonly endedAt: number;
}

const byId = (a: Ordered, b: Ordered) => (a.card.key < b.card.key ? -1 : a.card.key > b.card.key ? 1 : 0);

/**
 * The board's order. Pinned: calls someone hears and conversations someone besides supervisors
 * sees, the earliest started first, so a pinned card keeps its place while others join. Then the
 * other live cards, the newest first; then cards that just ended, in the order they ended.
 */
export function orderBoard(
  calls: ReadonlyArray<CallPart>,
  conversations: ReadonlyArray<ConversationPart>,
): BoardLayout {
  const pinned: Ordered[] = [];
  const live: Ordered[] = [];
  const ended: Ordered[] = [];
  const place = (entry: Ordered, heard: boolean) => (heard ? pinned : entry.ended ? ended : live).push(entry);
  for (const call of calls) {
    place(
      {
        card: { key: `call:${call.id}`, kind: 'call', id: call.id },
        startedAt: call.startedAt,
        ended: false,
        endedAt: 0,
      },
      callIsHeard(call),
    );
  }
  for (const conversation of conversations) {
    place(
      {
        card: { key: `conversation:${conversation.id}`, kind: 'conversation', id: conversation.id },
        startedAt: conversation.startedAt,
        ended: conversation.ended,
        endedAt: conversation.endedAt ?? 0,
      },
      conversationIsSeen(conversation),
    );
  }
  pinned.sort((a, b) => a.startedAt - b.startedAt || byId(a, b));
  live.sort((a, b) => b.startedAt - a.startedAt || byId(a, b));
  ended.sort((a, b) => a.endedAt - b.endedAt || byId(a, b));
  return { pinned: pinned.map((entry) => entry.card), others: [...live, ...ended].map((entry) => entry.card) };
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

/** A monitor waiting for its next call or conversation, as the board's strip says it. */
export interface ArmedMonitor {
  readonly key: string;
  readonly text: string;
  /** Coach or Barge in: whoever takes the next one will hear or see the supervisor at once. */
  readonly goesLive: boolean;
  readonly settingUp: boolean;
}

function voiceMonitorText(subscription: VoiceSubscription): string {
  const agent = subscription.agentName ?? 'the agent';
  const what = subscription.frequency === 'NextCall' ? `${agent}’s next call` : `${agent}’s calls`;
  switch (subscription.mode) {
    case 'ListenIn':
      return `Listening for ${what}`;
    case 'Coach':
      return `Coaching ${what}`;
    case 'BargeIn':
      return `Barging in on ${what}`;
    default:
      return assertNever(subscription.mode);
  }
}

function messagingMonitorText(subscription: MessagingSubscription): string {
  const next = subscription.frequency === 'NextChat';
  const noun = subscription.channel === 'sms' ? (next ? 'SMS' : 'SMS sessions') : next ? 'chat' : 'chats';
  const what = `${next ? 'next ' : ''}${noun} of ${subscription.agentName}`;
  switch (subscription.mode) {
    case 'Monitor':
      return `Monitoring ${what}`;
    case 'Coach':
      return `Coaching in ${what}`;
    case 'BargeIn':
      return `Barging in on ${what}`;
    default:
      return assertNever(subscription.mode);
  }
}

/** Every armed monitor, voice first; a voice monitor being cancelled is already gone for the supervisor. */
export function armedMonitors(
  voice: VoiceSubscription | null,
  messaging: ReadonlyArray<MessagingSubscription>,
): ArmedMonitor[] {
  const monitors: ArmedMonitor[] = [];
  if (voice !== null && voice.status !== 'cancelling') {
    monitors.push({
      key: `voice:${voice.agentId ?? voice.agentName ?? ''}`,
      text: voiceMonitorText(voice),
      goesLive: voice.mode !== 'ListenIn',
      settingUp: voice.status === 'requesting',
    });
  }
  for (const subscription of messaging) {
    monitors.push({
      key: `${subscription.channel}:${subscription.agentId}`,
      text: messagingMonitorText(subscription),
      goesLive: subscription.mode !== 'Monitor',
      settingUp: subscription.pending,
    });
  }
  return monitors;
}
