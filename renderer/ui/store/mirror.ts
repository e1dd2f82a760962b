import type { AppState } from '../../../electron/common/models/app-state';
import type { AppError } from '../../../electron/common/result';
import type { SortOrder, StateFilter } from '../features/team/team-model';
import type { ThemePreference } from './theme';

/** `initial` answers `state:get`; `event` is a `state:changed` push. */
export type SnapshotOrigin = 'initial' | 'event';

export interface MirrorState {
  /** main's AppState as last received; null until the first snapshot arrives. */
  readonly app: AppState | null;
  readonly origin: SnapshotOrigin | null;
  /** Why the first snapshot could not be fetched; cleared by any snapshot. */
  readonly loadError: AppError | null;
}

export interface UiState {
  readonly theme: ThemePreference;
  readonly sort: SortOrder;
  readonly filterText: string;
  readonly stateFilter: StateFilter;
  readonly selectedAgentId: string | null;
}

export const emptyMirror: MirrorState = { app: null, origin: null, loadError: null };

export function initialUiState(theme: ThemePreference): UiState {
  return {
    theme,
    sort: { column: 'name', direction: 'ascending' },
    filterText: '',
    stateFilter: 'all',
    selectedAgentId: null,
  };
}

/**
 * The UI subscribes to `state:changed` before it asks `state:get`, so a push can overtake the
 * answer; the answer is then older than what the mirror holds and is dropped.
 */
export function acceptSnapshot(mirror: MirrorState, snapshot: AppState, origin: SnapshotOrigin): MirrorState {
  if (origin === 'initial' && mirror.origin === 'event') return mirror;
  return { app: snapshot, origin, loadError: null };
}

export function failInitialLoad(mirror: MirrorState, error: AppError): MirrorState {
  return mirror.app === null ? { ...mirror, loadError: error } : mirror;
}

/**
 * Keeps the UI slice consistent with a new snapshot: signing out forgets what this supervisor was
 * looking at (the next one may be someone else), and a selection outlives its agent never.
 * Returns the same object when nothing changes so subscribers are not woken.
 */
export function reconcileUi(ui: UiState, app: AppState): UiState {
  if (app.session === null) {
    if (ui.filterText === '' && ui.stateFilter === 'all' && ui.selectedAgentId === null) return ui;
    return { ...ui, filterText: '', stateFilter: 'all', selectedAgentId: null };
  }
  const selected = ui.selectedAgentId;
  if (selected !== null && !app.team.agents.some((agent) => agent.id === selected)) {
    return { ...ui, selectedAgentId: null };
  }
  return ui;
}
