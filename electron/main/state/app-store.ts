import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from '../../common/models/app-state';
import { initialAppState } from './app-state-reducers';

/**
 * Main's single source of truth. Only main-side services write it, always through the pure
 * transitions in app-state-reducers.ts; windows receive read-only snapshots (broadcast.ts).
 */
export type AppStore = StoreApi<AppState>;

export function createAppStore(now: () => number = Date.now): AppStore {
  return createStore<AppState>()(() => initialAppState(now()));
}

export function updateAppState(store: AppStore, transition: (state: AppState) => AppState): void {
  const before = store.getState();
  const after = transition(before);
  if (after !== before) store.setState(after, true);
}
