import type { EarshotBridge } from '../../../electron/common/contract/bridge-api';
import type { Conversation } from '../../../electron/common/models/messaging';
import { findConversation } from './conversation-selectors';
import type { AppStore, AppStoreState } from './app-store';
import { decideTranscript } from './transcripts';

export interface SyncTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: SyncTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * How long a transcript may disagree with the length main reports before it is read again. Main
 * sends the state before the lines it describes, so a short disagreement is the normal case.
 */
export const TRANSCRIPT_CHECK_AFTER_MS = 1500;

/** Reads a whole transcript into the store, once at a time per conversation. */
export async function readTranscript(bridge: EarshotBridge, store: AppStore, conversationId: string): Promise<void> {
  if (store.getState().transcripts[conversationId]?.loading) return;
  const actions = store.getState().transcriptActions;
  actions.loading(conversationId);
  const result = await bridge.invoke('messaging:getTranscript', { conversationId });
  if (result.ok) actions.loaded(conversationId, result.value);
  else actions.failed(conversationId, result.error, reportedLength(store.getState(), conversationId));
}

function reportedLength(state: AppStoreState, conversationId: string): number | null {
  return findConversation(state, conversationId)?.transcriptLength ?? null;
}

/**
 * The transcripts worth keeping whole: every conversation on the board, and the ended one the
 * supervisor opened from the history. Other history items keep what they hold without reads.
 */
export function watchedConversations(state: AppStoreState): ReadonlyArray<Conversation> {
  const messaging = state.mirror.app?.messaging;
  if (messaging === undefined) return [];
  const reading = state.ui.readingConversationId;
  const opened = reading === null ? undefined : messaging.history.find((conversation) => conversation.id === reading);
  return opened === undefined ? messaging.conversations : [...messaging.conversations, opened];
}

/**
 * Keeps the store's transcripts in step with main: appends each `messaging:transcriptAppended`
 * batch, reads a transcript when its card appears, and reads it again when its length still
 * disagrees with main's a moment later. Returns a function that stops it.
 */
export function startTranscriptSync(
  bridge: EarshotBridge,
  store: AppStore,
  options: { checkAfterMs?: number; timers?: SyncTimers } = {},
): () => void {
  const checkAfterMs = options.checkAfterMs ?? TRANSCRIPT_CHECK_AFTER_MS;
  const timers = options.timers ?? browserTimers;
  const checks = new Map<string, unknown>();

  const cancelCheck = (id: string) => {
    const handle = checks.get(id);
    if (handle === undefined) return;
    timers.clearTimeout(handle);
    checks.delete(id);
  };

  const stillDisagrees = (id: string): boolean => {
    const state = store.getState();
    const conversation = watchedConversations(state).find((candidate) => candidate.id === id);
    return (
      conversation !== undefined && decideTranscript(state.transcripts[id], conversation.transcriptLength) !== 'none'
    );
  };

  const reconcile = () => {
    const watched = watchedConversations(store.getState());
    const ids = new Set(watched.map((conversation) => conversation.id));
    for (const id of [...checks.keys()]) if (!ids.has(id)) cancelCheck(id);
    for (const conversation of watched) {
      const id = conversation.id;
      // Read per conversation: a read started earlier in this loop has already changed the store.
      switch (decideTranscript(store.getState().transcripts[id], conversation.transcriptLength)) {
        case 'fetch':
          cancelCheck(id);
          void readTranscript(bridge, store, id);
          break;
        case 'check-later':
          if (!checks.has(id)) {
            checks.set(
              id,
              timers.setTimeout(() => {
                checks.delete(id);
                if (stillDisagrees(id)) void readTranscript(bridge, store, id);
              }, checkAfterMs),
            );
          }
          break;
        case 'none':
          cancelCheck(id);
          break;
      }
    }
  };

  const stopLines = bridge.on('messaging:transcriptAppended', (batch) =>
    store.getState().transcriptActions.appended(batch),
  );
  const stopStore = store.subscribe((state, previous) => {
    if (
      state.mirror === previous.mirror &&
      state.transcripts === previous.transcripts &&
      state.ui.readingConversationId === previous.ui.readingConversationId
    ) {
      return;
    }
    reconcile();
  });
  reconcile();

  return () => {
    stopLines();
    stopStore();
    for (const id of [...checks.keys()]) cancelCheck(id);
  };
}
