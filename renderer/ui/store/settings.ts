import type { MonitoringDefaults, SettingsPatch, SettingsView } from '../../../electron/common/models/settings';
import { builtInSessionOptions } from './mirror';
import type { SessionOptions } from './mirror';
import { shareStructure } from './share-structure';

/**
 * The settings as this window shows them: main's, from the app state it pushes, with the changes
 * this window sent and main has not answered yet laid over them, so a click shows at once and two
 * quick changes never undo each other. A change leaves `pending` when its command answers, by which
 * time main's state with it (or without it, refused) has arrived: the two travel in order.
 */
export interface SettingsState {
  readonly view: SettingsView | null;
  readonly pending: ReadonlyArray<{ readonly id: number; readonly patch: SettingsPatch }>;
}

export const emptySettings: SettingsState = { view: null, pending: [] };

/** The session's starting options from the supervisor's monitoring defaults. */
export function sessionOptionsFrom(monitoring: MonitoringDefaults | null | undefined): SessionOptions {
  if (!monitoring) return builtInSessionOptions;
  return {
    monitorOptions: { scope: monitoring.voice.scope, frequency: monitoring.voice.frequency },
    messagingOptions: { frequency: monitoring.messaging.frequency, nickname: monitoring.messaging.nickname ?? '' },
  };
}

export function sameMonitoringDefaults(a: MonitoringDefaults | undefined, b: MonitoringDefaults | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What the window shows for main's view and the changes on their way. Unchanged parts keep their
 * objects, so a selector on one section wakes only when that section changes.
 */
export function showSettingsOf(
  state: SettingsState,
  main: SettingsView | null,
  pending: SettingsState['pending'],
): SettingsState {
  const overlaid = main === null ? null : pending.reduce((view, { patch }) => applySettingsPatch(view, patch), main);
  const view = shareStructure(state.view, overlaid);
  if (view === state.view && pending === state.pending) return state;
  return { view, pending };
}

function applySettingsPatch(view: SettingsView, patch: SettingsPatch): SettingsView {
  return { ...view, settings: { ...view.settings, ...patch } };
}
