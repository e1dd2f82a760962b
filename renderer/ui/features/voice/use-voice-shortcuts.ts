import { useEffect, useMemo } from 'react';
import { focusKindOf } from '../../components/focus-kind';
import { assertNever } from '../../../../electron/common/result';
import { useAppStore, useAppStoreApi, useCommands } from '../../store/store-context';
import { keyTargetCall } from '../../../../electron/common/models/voice-targets';
import { goesLive, shortcutAction, shortcutOptionsOf } from './shortcuts';
import type { ShortcutOptions } from './shortcuts';

export function useShortcutOptions(): ShortcutOptions {
  const singleKeyShortcuts = useAppStore((state) => shortcutOptionsOf(state.settings.view).singleKeyShortcuts);
  return useMemo(() => ({ singleKeyShortcuts }), [singleKeyShortcuts]);
}

/** Window-wide keys for the monitored call; they read the state and the focus at the moment of the key press. */
export function useVoiceShortcuts(): void {
  const store = useAppStoreApi();
  const commands = useCommands();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const state = store.getState();
      const call = keyTargetCall(state.mirror.app?.voice.calls ?? []);
      const action = shortcutAction(event, focusKindOf(event.target), call, shortcutOptionsOf(state.settings.view));
      if (action === null) return;
      // The mapping already keeps going live on a chord; a second look here costs nothing.
      if (goesLive(action) && !event.ctrlKey) return;
      event.preventDefault();
      switch (action.kind) {
        case 'switch':
          void commands.switchMode(action.callId, action.mode);
          return;
        case 'muteAgent':
          void commands.muteAgent(action.callId, action.muted);
          return;
        case 'hangUp':
          void commands.hangUp(action.callId);
          return;
        default:
          assertNever(action);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, commands]);
}
