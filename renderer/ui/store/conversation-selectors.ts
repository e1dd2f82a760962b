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
