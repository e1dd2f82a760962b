import type { UiEventChannel, UiEventPayload } from '../../common/contract/ui-contract';
import type { AppState } from '../../common/models/app-state';
import type { TranscriptAppended } from '../../common/models/messaging';
import type { AppStore } from './app-store';
import { createStateBroadcast } from './broadcast';
import { diffState } from './state-patch';

export type UiEventListener = <C extends UiEventChannel>(channel: C, payload: UiEventPayload<C>) => void;

export interface WindowFeed {
  /** A window's events from now on: the whole state first, then what changed. */
  connect(listener: UiEventListener): () => void;
  /** Every window gets the whole state again (it could not apply a change). */
  resync(): void;
  dispose(): void;
}

/**
 * What main sends its windows: each window gets the whole state first, then only what changed
 * since the last state it was sent, once per burst of store changes (broadcast.ts).
 */
export function createWindowFeed(options: {
  readonly store: AppStore;
  readonly onTranscriptAppended: (listener: (appended: TranscriptAppended) => void) => () => void;
}): WindowFeed {
  const { store } = options;
  const broadcast = createStateBroadcast(store);
  const resyncs = new Set<() => void>();
  return {
    connect(listener) {
      let sent: AppState | null = null;
      const sendWhole = (state: AppState) => {
        listener('state:changed', state);
        sent = state;
      };
      const stopState = broadcast.subscribe((state) => {
        if (sent === null) return sendWhole(state);
        const patch = diffState(sent, state);
        sent = state;
        if (patch !== null) listener('state:patch', patch);
      });
      const resync = () => sendWhole(store.getState());
      resyncs.add(resync);
      // After the state flush (the new card, its transcript length), so the lines find their card.
      const stopLines = options.onTranscriptAppended((appended) =>
        queueMicrotask(() => listener('messaging:transcriptAppended', appended)),
      );
      return () => {
        stopState();
        stopLines();
        resyncs.delete(resync);
      };
    },
    resync() {
      for (const resync of resyncs) resync();
    },
    dispose() {
      broadcast.dispose();
      resyncs.clear();
    },
  };
}
