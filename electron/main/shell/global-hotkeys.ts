import { globalShortcut } from 'electron';
import { hotkeyActionSchema, type HotkeyAction, type HotkeySettings } from '../../common/models/settings';
import { hotkeyProblems, parseAccelerator } from '../platform/hotkeys';
import type { Logger } from '../platform/logger';
import type { SettingsStore } from '../platform/settings-store';

export interface GlobalHotkeys {
  /** Hotkeys the system refused, by action, in words for the settings screen. */
  registrationProblems(): Partial<Record<HotkeyAction, string>>;
  dispose(): void;
}

/**
 * System-wide hotkeys, working while Earshot is in the background. Hotkeys with a problem the
 * settings screen already reports (grammar, system shortcuts, two actions on one chord) are left
 * out; one another application holds is reported here. A change in Settings takes effect at once.
 * Call after the app is ready.
 */
export function startGlobalHotkeys(options: {
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  onAction: (action: HotkeyAction) => void;
  logger: Logger;
}): GlobalHotkeys {
  const { logger } = options;
  let registered: string[] = [];
  let refused: Partial<Record<HotkeyAction, string>> = {};

  const unregisterAll = (): void => {
    for (const accelerator of registered) globalShortcut.unregister(accelerator);
    registered = [];
  };

  const apply = (hotkeys: HotkeySettings): void => {
    unregisterAll();
    refused = {};
    const problems = hotkeyProblems(hotkeys, process.platform);
    for (const action of hotkeyActionSchema.options) {
      const text = hotkeys[action];
      if (text === null || problems[action]) continue;
      const parsed = parseAccelerator(text);
      if (!parsed.ok) continue;
      const accelerator = parsed.value.text;
      if (globalShortcut.register(accelerator, () => options.onAction(action))) {
        registered.push(accelerator);
      } else {
        refused[action] = `${accelerator} is in use by another application or the system; choose another combination.`;
        logger.warn('A global hotkey could not be registered', { action, accelerator });
      }
    }
  };

  let applied = JSON.stringify(options.settings.get().hotkeys);
  apply(options.settings.get().hotkeys);
  const stopFollowing = options.settings.onChange((settings) => {
    const changed = JSON.stringify(settings.hotkeys);
    if (changed === applied) return;
    applied = changed;
    apply(settings.hotkeys);
  });
  return {
    registrationProblems: () => ({ ...refused }),
    dispose() {
      stopFollowing();
      unregisterAll();
    },
  };
}
