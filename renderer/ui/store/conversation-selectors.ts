import type { Conversation } from '../../../electron/common/models/messaging';
import type { AppStoreState } from './app-store';

/**
 * A conversation on the board, else in the history (an ended card still showing how it ended).
 * The mirror keeps unchanged conversations as the same objects, so a card subscribed with this
 * re-renders only when its own conversation changes.
 */
export function findConversation(state: AppStoreState, conversationId: string): Conversation | null {
  const messaging = state.mirror.app?.messaging;
  if (messaging === undefined) return null;
  return (
    messaging.conversations.find((conversation) => conversation.id === conversationId) ??
    messaging.history.find((conversation) => conversation.id === conversationId) ??
    null
  );
}

/** What a card's frame shows; its transcript and typing line select their own fields. */
export type ConversationCardFields = Omit<Conversation, PartFields>;
type PartFields = 'lines' | 'typing' | 'lastMessageAt';
const partFields: ReadonlySet<string> = new Set<PartFields>(['lines', 'typing', 'lastMessageAt']);

/**
 * A selector for one card's frame that keeps its previous answer while only the transcript or typing
 * changed, so a new line re-renders the transcript alone and not the card's switch, composer and clock.
 */
export function createCardFieldsSelector(
  conversationId: string,
): (state: AppStoreState) => ConversationCardFields | null {
  let previous: Conversation | null = null;
  return (state) => {
    const next = findConversation(state, conversationId);
    if (next === null || previous === null || !sameCardFields(previous, next)) previous = next;
    return previous;
  };
}

function sameCardFields(a: Conversation, b: Conversation): boolean {
  if (a === b) return true;
  const keys = Object.keys(b);
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every(
    (key) => partFields.has(key) || Object.is(a[key as keyof Conversation], b[key as keyof Conversation]),
  );
}
