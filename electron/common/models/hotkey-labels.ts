import type { HotkeyAction } from './settings';

/** Each global hotkey's name, as main's notifications and problems and the settings screen all say it. */
export const hotkeyLabels: Readonly<Record<HotkeyAction, string>> = {
  listen: 'Listen',
  bargeIn: 'Barge in',
  toggleCoach: 'Toggle Coach',
  hangUp: 'Hang up the monitoring call',
};
