import type { AppState } from '../../../electron/common/models/app-state';
import type { MonitoringScope, VoiceFrequency, VoiceMode } from '../../../electron/common/models/voice';
import type { AppError } from '../../../electron/common/result';
import type { SortOrder, StateFilter } from '../features/team/team-model';
import { pruneCommands } from './command-status';
import type { CommandStatuses } from './command-status';
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
  /** Scope and frequency for the next Listen in / Coach / Barge in, kept for the session. */
  readonly monitorOptions: MonitorOptions;
  /** A monitoring start that would replace the current subscription, waiting for the supervisor's yes. */
  readonly pendingReplace: MonitorTarget | null;
  readonly voiceCommands: CommandStatuses;
}

export interface MonitorOptions {
  readonly scope: MonitoringScope;
  readonly frequency: VoiceFrequency;
}

export interface MonitorTarget {
  readonly agentId: string;
  readonly agentName: string;
  readonly mode: VoiceMode;
}

export const defaultMonitorOptions: MonitorOptions = { scope: 'Call', frequency: 'AllCalls' };

export const emptyMirror: MirrorState = { app: null, origin: null, loadError: null };

export function initialUiState(theme: ThemePreference): UiState {
  return {
    theme,
    sort: { column: 'name', direction: 'ascending' },
    filterText: '',
    stateFilter: 'all',
    selectedAgentId: null,
    monitorOptions: defaultMonitorOptions,
    pendingReplace: null,
    voiceCommands: {},
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

/** Command outcomes about calls that are no longer on screen have nothing left to be shown on. */
function commandStillRelevant(app: AppState, key: string): boolean {
  const [kind, id] = key.split(/:(.*)/s);
  if (kind === 'call' || kind === 'volume' || kind === 'hangup') return app.voice.calls.some((call) => call.id === id);
  if (kind === 'incoming') return app.voice.incoming.some((call) => call.id === id);
  return true;
}

/**
 * Keeps the UI slice consistent with a new snapshot: signing out forgets what this supervisor was
 * looking at and chose (the next one may be someone else), a selection never outlives its agent,
 * and a replace question lapses once there is nothing left to replace.
 * Returns the same object when nothing changes so subscribers are not woken.
 */
export function reconcileUi(ui: UiState, app: AppState): UiState {
  if (app.session === null) {
    if (
      ui.filterText === '' &&
      ui.stateFilter === 'all' &&
      ui.selectedAgentId === null &&
      ui.monitorOptions === defaultMonitorOptions &&
      ui.pendingReplace === null &&
      Object.keys(ui.voiceCommands).length === 0
    ) {
      return ui;
    }
    return {
      ...ui,
      filterText: '',
      stateFilter: 'all',
      selectedAgentId: null,
      monitorOptions: defaultMonitorOptions,
      pendingReplace: null,
      voiceCommands: {},
    };
  }
  const agentPresent = (agentId: string) => app.team.agents.some((agent) => agent.id === agentId);
  const selected = ui.selectedAgentId;
  const selectedAgentId = selected !== null && !agentPresent(selected) ? null : selected;
  const replace = ui.pendingReplace;
  const pendingReplace =
    replace !== null && (app.voice.subscription === null || !agentPresent(replace.agentId)) ? null : replace;
  const voiceCommands = pruneCommands(ui.voiceCommands, (key) => commandStillRelevant(app, key));
  if (
    selectedAgentId === ui.selectedAgentId &&
    pendingReplace === ui.pendingReplace &&
    voiceCommands === ui.voiceCommands
  ) {
    return ui;
  }
  return { ...ui, selectedAgentId, pendingReplace, voiceCommands };
}
