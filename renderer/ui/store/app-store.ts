import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { StateChangesFrame, StateSnapshot } from '../../../electron/common/models/state-changes';
import type { SettingsPatch } from '../../../electron/common/models/settings';
import type { AppError } from '../../../electron/common/result';
import { dismissCommand, finishCommand, startCommand } from './command-status';
import { emptyFeedback } from './feedback';
import type { FeedbackState, Toast } from './feedback';
import { acceptChanges, acceptSnapshot, emptyMirror, failInitialLoad, initialUiState, reconcileUi } from './mirror';
import type {
  MessagingMenuTarget,
  MessagingOptions,
  MirrorState,
  MonitorOptions,
  MonitorTarget,
  ChangesOutcome,
  UiState,
} from './mirror';
import { emptySettings, sameMonitoringDefaults, sessionOptionsFrom, showSettingsOf } from './settings';
import type { SettingsState } from './settings';
import type { ThemePreference } from './theme';
import { nextSortOrder, type SortColumn, type StateFilter } from './team-view-options';

export interface UiActions {
  setTheme(theme: ThemePreference): void;
  setFilterText(text: string): void;
  setStateFilter(filter: StateFilter): void;
  setGroupFilter(group: string | null): void;
  toggleSort(column: SortColumn): void;
  selectAgent(agentId: string | null): void;
  setMonitorOptions(options: Partial<MonitorOptions>): void;
  askToReplace(target: MonitorTarget | null): void;
  /** Marks a command as sent; the returned number identifies it when its answer comes back. */
  commandStarted(key: string): number;
  commandFinished(key: string, seq: number, error: AppError | null): void;
  dismissCommandError(key: string): void;
  setMessagingOptions(options: Partial<MessagingOptions>): void;
  openMessagingMenu(target: MessagingMenuTarget | null): void;
  openAgentMenu(target: MessagingMenuTarget | null): void;
  openTranscript(conversationId: string | null): void;
  /** Sends an ended conversation to the history before its moment on the board is up. */
  dismissEnding(conversationId: string): void;
}

/** Only the settings commands call these: a change on its way to main, and its answer. */
export interface SettingsActions {
  /** Shown at once, over main's settings, until `settled` with the id this returns. */
  patched(patch: SettingsPatch): number;
  settled(id: number): void;
}

export interface FeedbackActions {
  /** Returns the toast's id, for hiding exactly this one later. */
  showToast(message: string, tone?: Toast['tone']): number;
  hideToast(id: number): void;
  showCopyFallback(text: string | null): void;
}

/** Only the bridge wiring calls these: the mirror changes when main says so, never from a click. */
export interface MirrorActions {
  receiveSnapshot(snapshot: StateSnapshot): void;
  /** What became of the batch; the caller asks for a snapshot when it could not apply. */
  receiveChanges(frame: StateChangesFrame): ChangesOutcome;
  failInitialLoad(error: AppError): void;
}

export interface AppStoreState {
  readonly mirror: MirrorState;
  readonly ui: UiState;
  readonly settings: SettingsState;
  readonly feedback: FeedbackState;
  readonly uiActions: UiActions;
  readonly mirrorActions: MirrorActions;
  readonly settingsActions: SettingsActions;
  readonly feedbackActions: FeedbackActions;
}

export type AppStore = StoreApi<AppStoreState>;

/**
 * Settings decide the theme, and new monitoring defaults become this session's options: the
 * supervisor has just said what they want next.
 */
function withSettings(state: AppStoreState, settings: SettingsState): Partial<AppStoreState> {
  if (settings === state.settings) return {};
  const view = settings.view;
  if (view === null) return { settings };
  let ui = state.ui;
  if (view.settings.theme !== ui.theme) ui = { ...ui, theme: view.settings.theme };
  if (!sameMonitoringDefaults(view.settings.monitoring, state.settings.view?.settings.monitoring)) {
    ui = { ...ui, ...sessionOptionsFrom(view.settings.monitoring) };
  }
  return { settings, ui };
}

/** A new mirror brings the settings and the UI slice in line with it. */
function showMirror(state: AppStoreState, mirror: MirrorState): AppStoreState | Partial<AppStoreState> {
  if (mirror === state.mirror || mirror.app === null) return mirror === state.mirror ? state : { mirror };
  const settings = showSettingsOf(state.settings, mirror.app.settings, state.settings.pending);
  const withNewSettings = { ...state, ...withSettings(state, settings) };
  const ui = reconcileUi(withNewSettings.ui, mirror.app, sessionOptionsFrom(settings.view?.settings.monitoring));
  return { mirror, settings, ui };
}

export function createAppStore(options: { theme: ThemePreference }): AppStore {
  return createStore<AppStoreState>()((set) => {
    const updateUi = (change: (ui: UiState) => UiState) => set((state) => ({ ui: change(state.ui) }));
    const showSettings = (pending: (current: SettingsState['pending']) => SettingsState['pending']) =>
      set((state) =>
        withSettings(
          state,
          showSettingsOf(state.settings, state.mirror.app?.settings ?? null, pending(state.settings.pending)),
        ),
      );
    let lastPatchId = 0;
    let lastCommandSeq = 0;
    let lastToastId = 0;
    return {
      mirror: emptyMirror,
      ui: initialUiState(options.theme),
      settings: emptySettings,
      feedback: emptyFeedback,
      uiActions: {
        setTheme: (theme) => updateUi((ui) => ({ ...ui, theme })),
        setFilterText: (filterText) => updateUi((ui) => ({ ...ui, filterText })),
        setStateFilter: (stateFilter) => updateUi((ui) => ({ ...ui, stateFilter })),
        setGroupFilter: (groupFilter) => updateUi((ui) => ({ ...ui, groupFilter })),
        toggleSort: (column) => updateUi((ui) => ({ ...ui, sort: nextSortOrder(ui.sort, column) })),
        selectAgent: (selectedAgentId) => updateUi((ui) => ({ ...ui, selectedAgentId })),
        setMonitorOptions: (options) =>
          updateUi((ui) => ({ ...ui, monitorOptions: { ...ui.monitorOptions, ...options } })),
        askToReplace: (pendingReplace) => updateUi((ui) => ({ ...ui, pendingReplace })),
        commandStarted: (key) => {
          lastCommandSeq += 1;
          const seq = lastCommandSeq;
          updateUi((ui) => ({ ...ui, commandStatuses: startCommand(ui.commandStatuses, key, seq) }));
          return seq;
        },
        commandFinished: (key, seq, error) =>
          updateUi((ui) => {
            const commandStatuses = finishCommand(ui.commandStatuses, key, seq, error);
            return commandStatuses === ui.commandStatuses ? ui : { ...ui, commandStatuses };
          }),
        dismissCommandError: (key) =>
          updateUi((ui) => {
            const commandStatuses = dismissCommand(ui.commandStatuses, key);
            return commandStatuses === ui.commandStatuses ? ui : { ...ui, commandStatuses };
          }),
        setMessagingOptions: (options) =>
          updateUi((ui) => ({ ...ui, messagingOptions: { ...ui.messagingOptions, ...options } })),
        openMessagingMenu: (messagingMenu) => updateUi((ui) => ({ ...ui, messagingMenu })),
        openAgentMenu: (agentMenu) => updateUi((ui) => ({ ...ui, agentMenu })),
        openTranscript: (readingConversationId) => updateUi((ui) => ({ ...ui, readingConversationId })),
        dismissEnding: (conversationId) =>
          updateUi((ui) =>
            ui.dismissedEndings.includes(conversationId)
              ? ui
              : { ...ui, dismissedEndings: [...ui.dismissedEndings, conversationId] },
          ),
      },
      mirrorActions: {
        receiveSnapshot: (snapshot) => set((state) => showMirror(state, acceptSnapshot(state.mirror, snapshot))),
        receiveChanges: (frame) => {
          let outcome: ChangesOutcome = 'applied';
          set((state) => {
            const accepted = acceptChanges(state.mirror, frame);
            outcome = accepted.outcome;
            return showMirror(state, accepted.mirror);
          });
          return outcome;
        },
        failInitialLoad: (error) => set((state) => ({ mirror: failInitialLoad(state.mirror, error) })),
      },
      settingsActions: {
        patched: (patch) => {
          lastPatchId += 1;
          const id = lastPatchId;
          showSettings((pending) => [...pending, { id, patch }]);
          return id;
        },
        settled: (id) => showSettings((pending) => pending.filter((entry) => entry.id !== id)),
      },
      feedbackActions: {
        showToast: (message, tone = 'info') => {
          lastToastId += 1;
          const toast = { id: lastToastId, message, tone };
          set((state) => ({ feedback: { ...state.feedback, toast } }));
          return toast.id;
        },
        hideToast: (id) =>
          set((state) => (state.feedback.toast?.id === id ? { feedback: { ...state.feedback, toast: null } } : state)),
        showCopyFallback: (copyFallback) => set((state) => ({ feedback: { ...state.feedback, copyFallback } })),
      },
    };
  });
}
