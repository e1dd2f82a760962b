import type { AppState } from '../../common/models/app-state';
import type { AppStore } from './app-store';

export type StateListener = (state: AppState) => void;

/**
 * Sends each window the latest state once per burst of changes: several transitions in one tick
 * (a roster refresh plus a connection change) become one message.
 */
export function createStateBroadcast(store: AppStore): {
  subscribe(listener: StateListener): () => void;
  dispose(): void;
} {
  const listeners = new Set<StateListener>();
  let scheduled = false;
  const unsubscribeStore = store.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      const state = store.getState();
      for (const listener of listeners) listener(state);
    });
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribeStore();
      listeners.clear();
    },
  };
}
