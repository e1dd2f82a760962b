import type { MonitoringDefaults, SettingsPatch, SettingsView } from '../../../electron/common/models/settings';
import type { AppError } from '../../../electron/common/result';
import { builtInSessionOptions } from './mirror';
import type { SessionOptions } from './mirror';
import { shareStructure } from './share-structure';

/**
 * The settings as main last described them (`settings:get` and every change's answer). Main sends
 * no event when they change, so this window asks again whenever its view may have gone stale: at
 * start, when a session begins or ends, and after an audio device is picked.
 */
export interface SettingsState {
  readonly view: SettingsView | null;
  /** Why the settings could not be read; cleared by any view. */
  readonly loadError: AppError | null;
}

export const emptySettings: SettingsState = { view: null, loadError: null };

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

/** Unchanged parts keep their objects, so a selector on one section wakes only when that section changes. */
export function acceptSettingsView(state: SettingsState, view: SettingsView): SettingsState {
  const shared = shareStructure(state.view, view);
  if (shared === state.view && state.loadError === null) return state;
  return { view: shared, loadError: null };
}

/**
 * Shows a change at once, before main answers: the next change is then built on this one, so two
 * quick changes to one section never undo each other. Main's answer replaces it either way.
 */
export function applySettingsPatch(view: SettingsView, patch: SettingsPatch): SettingsView {
  return { ...view, settings: { ...view.settings, ...patch } };
}
