import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../../../electron/common/models/app-state';
import type { AppError } from '../../../electron/common/result';
import { nextSortOrder } from '../features/team/team-model';
import type { SortColumn, StateFilter } from '../features/team/team-model';
import { dismissCommand, finishCommand, startCommand } from './command-status';
import { acceptSnapshot, emptyMirror, failInitialLoad, initialUiState, reconcileUi } from './mirror';
import type { MirrorState, MonitorOptions, MonitorTarget, SnapshotOrigin, UiState } from './mirror';
import type { ThemePreference } from './theme';

export interface UiActions {
  setTheme(theme: ThemePreference): void;
  setFilterText(text: string): void;
  setStateFilter(filter: StateFilter): void;
  toggleSort(column: SortColumn): void;
  selectAgent(agentId: string | null): void;
  setMonitorOptions(options: Partial<MonitorOptions>): void;
  askToReplace(target: MonitorTarget | null): void;
  /** Marks a command as sent; the returned number identifies it when its answer comes back. */
  commandStarted(key: string): number;
  commandFinished(key: string, seq: number, error: AppError | null): void;
  dismissCommandError(key: string): void;
}

/** Only the bridge wiring calls these: the mirror changes when main says so, never from a click. */
export interface MirrorActions {
  receiveSnapshot(snapshot: AppState, origin: SnapshotOrigin): void;
  failInitialLoad(error: AppError): void;
}

export interface AppStoreState {
  readonly mirror: MirrorState;
  readonly ui: UiState;
  readonly uiActions: UiActions;
  readonly mirrorActions: MirrorActions;
}

export type AppStore = StoreApi<AppStoreState>;

export function createAppStore(options: { theme: ThemePreference }): AppStore {
  return createStore<AppStoreState>()((set) => {
    const updateUi = (change: (ui: UiState) => UiState) => set((state) => ({ ui: change(state.ui) }));
    let lastCommandSeq = 0;
    return {
      mirror: emptyMirror,
      ui: initialUiState(options.theme),
      uiActions: {
        setTheme: (theme) => updateUi((ui) => ({ ...ui, theme })),
        setFilterText: (filterText) => updateUi((ui) => ({ ...ui, filterText })),
        setStateFilter: (stateFilter) => updateUi((ui) => ({ ...ui, stateFilter })),
        toggleSort: (column) => updateUi((ui) => ({ ...ui, sort: nextSortOrder(ui.sort, column) })),
        selectAgent: (selectedAgentId) => updateUi((ui) => ({ ...ui, selectedAgentId })),
        setMonitorOptions: (options) =>
          updateUi((ui) => ({ ...ui, monitorOptions: { ...ui.monitorOptions, ...options } })),
        askToReplace: (pendingReplace) => updateUi((ui) => ({ ...ui, pendingReplace })),
        commandStarted: (key) => {
          lastCommandSeq += 1;
          const seq = lastCommandSeq;
          updateUi((ui) => ({ ...ui, voiceCommands: startCommand(ui.voiceCommands, key, seq) }));
          return seq;
        },
        commandFinished: (key, seq, error) =>
          updateUi((ui) => {
            const voiceCommands = finishCommand(ui.voiceCommands, key, seq, error);
            return voiceCommands === ui.voiceCommands ? ui : { ...ui, voiceCommands };
          }),
        dismissCommandError: (key) =>
          updateUi((ui) => {
            const voiceCommands = dismissCommand(ui.voiceCommands, key);
            return voiceCommands === ui.voiceCommands ? ui : { ...ui, voiceCommands };
          }),
      },
      mirrorActions: {
        receiveSnapshot: (snapshot, origin) =>
          set((state) => {
            const mirror = acceptSnapshot(state.mirror, snapshot, origin);
            if (mirror === state.mirror) return state;
            return { mirror, ui: reconcileUi(state.ui, snapshot) };
          }),
        failInitialLoad: (error) => set((state) => ({ mirror: failInitialLoad(state.mirror, error) })),
      },
    };
  });
}
