import { sameValue } from '../../common/same-value';
import type { AppState } from '../../common/models/app-state';
import type {
  Conversation,
  MessagingChannel,
  MessagingState,
  MessagingSubscription,
} from '../../common/models/messaging';
import type { AppError } from '../../common/result';

/** Pure transitions of the chat/SMS part of the app state. */

export const MESSAGING_HISTORY_LIMIT = 50;

export function initialMessagingState(): MessagingState {
  return { subscriptions: [], subscriptionError: null, conversations: [], history: [] };
}

export function withMessaging(state: AppState, change: (messaging: MessagingState) => MessagingState): AppState {
  const messaging = change(state.messaging);
  return messaging === state.messaging ? state : { ...state, messaging };
}

function sameSubscription(subscription: MessagingSubscription, agentId: string, channel: MessagingChannel): boolean {
  return subscription.agentId === agentId && subscription.channel === channel;
}

/** One subscription per agent and channel: a new one replaces the old in place. */
export function putSubscription(messaging: MessagingState, subscription: MessagingSubscription): MessagingState {
  const index = messaging.subscriptions.findIndex((existing) =>
    sameSubscription(existing, subscription.agentId, subscription.channel),
  );
  if (index < 0) return { ...messaging, subscriptions: [...messaging.subscriptions, subscription] };
  if (sameValue(messaging.subscriptions[index], subscription)) return messaging;
  const subscriptions = messaging.subscriptions.slice();
  subscriptions[index] = subscription;
  return { ...messaging, subscriptions };
}

export function removeSubscription(
  messaging: MessagingState,
  agentId: string,
  channel: MessagingChannel,
): MessagingState {
  const subscriptions = messaging.subscriptions.filter(
    (subscription) => !sameSubscription(subscription, agentId, channel),
  );
  return subscriptions.length === messaging.subscriptions.length ? messaging : { ...messaging, subscriptions };
}

export function withSubscriptionError(messaging: MessagingState, error: AppError | null): MessagingState {
  if (sameValue(messaging.subscriptionError, error)) return messaging;
  return { ...messaging, subscriptionError: error };
}

/**
 * Cards compare by value, but their transcripts by object: main's transcript is a new array exactly
 * when its lines changed, and comparing a long one line by line on every change would cost the most.
 */
function sameCard(a: Conversation, b: Conversation): boolean {
  return (Object.keys(b) as Array<keyof Conversation>).every((key) =>
    key === 'lines' ? a.lines === b.lines : sameValue(a[key], b[key]),
  );
}

/**
 * Shows a live conversation: replaces the card with the same id, or adds one. A conversation that
 * comes back after it ended (re-queued, then delivered again) leaves the history.
 */
export function putConversation(messaging: MessagingState, conversation: Conversation): MessagingState {
  const history = messaging.history.filter((ended) => ended.id !== conversation.id);
  const index = messaging.conversations.findIndex((existing) => existing.id === conversation.id);
  if (
    index >= 0 &&
    history.length === messaging.history.length &&
    sameCard(messaging.conversations[index] as Conversation, conversation)
  ) {
    return messaging;
  }
  const conversations = messaging.conversations.slice();
  if (index < 0) conversations.push(conversation);
  else conversations[index] = conversation;
  return { ...messaging, conversations, history };
}

/** Changes a conversation wherever it is (lines may still arrive after it ended, e.g. a farewell). */
export function updateConversation(
  messaging: MessagingState,
  id: string,
  change: (conversation: Conversation) => Conversation,
): MessagingState {
  for (const list of ['conversations', 'history'] as const) {
    const index = messaging[list].findIndex((conversation) => conversation.id === id);
    if (index < 0) continue;
    const before = messaging[list][index] as Conversation;
    const changed = change(before);
    const after = list === 'history' ? asEnded(changed, before.endedAt ?? changed.endedAt ?? 0) : changed;
    if (sameCard(before, after)) return messaging;
    const items = messaging[list].slice();
    items[index] = after;
    return { ...messaging, [list]: items };
  }
  return messaging;
}

/**
 * The conversation leaves the board for the head of the history, where nothing more can be done.
 * `final` is the card as it was last seen (state, participants), before the ended marks are applied.
 */
export function endConversation(messaging: MessagingState, final: Conversation, now: number): MessagingState {
  if (!messaging.conversations.some((candidate) => candidate.id === final.id)) return messaging;
  return {
    ...messaging,
    conversations: messaging.conversations.filter((candidate) => candidate.id !== final.id),
    history: [asEnded(final, now), ...messaging.history.filter((candidate) => candidate.id !== final.id)].slice(
      0,
      MESSAGING_HISTORY_LIMIT,
    ),
  };
}

/** Everything ends at once (sign-out); an already empty state stays the same object. */
export function clearMessaging(messaging: MessagingState): MessagingState {
  const empty =
    messaging.subscriptions.length === 0 &&
    messaging.conversations.length === 0 &&
    messaging.history.length === 0 &&
    messaging.subscriptionError === null;
  return empty ? messaging : initialMessagingState();
}

export const endedComposerReason = 'This conversation has ended.';

function asEnded(conversation: Conversation, endedAt: number): Conversation {
  return {
    ...conversation,
    ended: true,
    ending: conversation.ending ?? 'ended',
    endedAt: conversation.endedAt ?? endedAt,
    typing: [],
    switchTargets: [],
    composerDisabledReason: endedComposerReason,
    sendVisibility: null,
    pendingCommand: null,
  };
}
