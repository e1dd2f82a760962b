import type { UiEventChannel, UiEventPayload } from '../../common/contract/ui-contract';
import type { AppState } from '../../common/models/app-state';
import type { StateSnapshot } from '../../common/models/state-changes';
import type { AppStore } from './app-store';
import { createStateBroadcast } from './broadcast';
import { diffState } from './state-changes';

export type UiEventListener = <C extends UiEventChannel>(channel: C, payload: UiEventPayload<C>) => void;

export interface WindowFeed {
  /** A window's events from now on: numbered changes. */
  connect(listener: UiEventListener): () => void;
  /** The state as of the last change sent, with its number: what a window starts from, or resyncs to. */
  snapshot(): StateSnapshot;
  dispose(): void;
}

/**
 * What main sends its windows (state-changes.ts in common): once per burst of store changes
 * (broadcast.ts), the changes since the last burst, numbered, computed once for every window. A
 * window starts from `snapshot()` and asks for it again when a number is missing.
 */
export function createWindowFeed(options: { readonly store: AppStore }): WindowFeed {
  const broadcast = createStateBroadcast(options.store);
  const listeners = new Set<UiEventListener>();
  let seq = 0;
  let sent: AppState = options.store.getState();
  const stopState = broadcast.subscribe((state) => {
    const changes = diffState(sent, state);
    sent = state;
    if (changes === null) return;
    seq += 1;
    const frame = { seq, changes };
    for (const listener of listeners) listener('state:changes', frame);
  });
  return {
    connect(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => ({ seq, state: sent }),
    dispose() {
      stopState();
      broadcast.dispose();
      listeners.clear();
    },
  };
}
