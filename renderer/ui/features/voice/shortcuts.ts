import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { agentMuteAction, isHangUpPending } from './voice-model';

export type ShortcutAction =
  | { readonly kind: 'switch'; readonly callId: string; readonly mode: 'ListenIn' | 'BargeIn' }
  | { readonly kind: 'muteAgent'; readonly callId: string; readonly muted: boolean }
  | { readonly kind: 'hangUp'; readonly callId: string };

/** The parts of a KeyboardEvent the mapping reads, so it runs without a DOM. */
export interface ShortcutKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat: boolean;
}

export interface ShortcutHint {
  readonly keys: ReadonlyArray<string>;
  readonly label: string;
}

/** Hang-up takes Shift so a stray H does not end the call; the legend and tooltips show these. */
export const shortcutHints = {
  listen: { keys: ['L'], label: 'Listen' },
  barge: { keys: ['B'], label: 'Barge in' },
  mute: { keys: ['M'], label: 'Mute / unmute agent' },
  hangUp: { keys: ['Shift', 'H'], label: 'Hang up' },
} as const satisfies Record<string, ShortcutHint>;

export function shortcutText(hint: ShortcutHint): string {
  return hint.keys.join('+');
}

/**
 * What a key press does to the call, or null when it does nothing: other modifiers belong to the
 * system, held keys do not repeat commands, and a mode the call does not offer now is not sent.
 */
export function shortcutAction(key: ShortcutKey, call: MonitoredCall | null): ShortcutAction | null {
  if (call === null || key.ctrlKey || key.metaKey || key.altKey || key.repeat) return null;
  const letter = key.key.toLowerCase();
  if (letter === 'h') {
    if (!key.shiftKey || isHangUpPending(call.pendingCommand)) return null;
    return { kind: 'hangUp', callId: call.id };
  }
  if (key.shiftKey || call.pendingCommand !== null) return null;
  switch (letter) {
    case 'l':
      return call.mode !== 'ListenIn' && call.switchTargets.includes('ListenIn')
        ? { kind: 'switch', callId: call.id, mode: 'ListenIn' }
        : null;
    case 'b':
      return call.mode !== 'BargeIn' && call.switchTargets.includes('BargeIn')
        ? { kind: 'switch', callId: call.id, mode: 'BargeIn' }
        : null;
    case 'm': {
      const mute = agentMuteAction(call);
      return mute?.available ? { kind: 'muteAgent', callId: call.id, muted: mute.muted } : null;
    }
    default:
      return null;
  }
}
