import { useEffect } from 'react';
import { isTypingTarget } from '../../components/typing-target';
import { keyTargetCall } from '../../../../electron/common/models/voice-targets';
import { assertNever } from '../../../../electron/common/result';
import { useAppStoreApi, useCommands } from '../../store/store-context';
import { shortcutAction } from './shortcuts';

/** Window-wide keys for the monitored call; they read the state at the moment of the key press. */
export function useVoiceShortcuts(): void {
  const store = useAppStoreApi();
  const commands = useCommands();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const calls = store.getState().mirror.app?.voice.calls ?? [];
      const action = shortcutAction(event, keyTargetCall(calls));
      if (action === null) return;
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
