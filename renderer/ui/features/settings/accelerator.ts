import type { HotkeyAction } from '../../../../electron/common/models/settings';

/** The parts of a KeyboardEvent a recording reads, so it runs without a DOM. */
export interface RecordedKey {
  /** The physical key (`KeyL`, `Digit1`, `F5`): the same whatever the layout or the modifiers held. */
  readonly code: string;
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export type Recording =
  /** A whole combination, spelled as Electron accelerators are ("CommandOrControl+Alt+Shift+L"). */
  | { readonly kind: 'accelerator'; readonly text: string }
  /** Only modifiers so far; `text` shows what is held ("CommandOrControl+Alt"). */
  | { readonly kind: 'modifiers'; readonly text: string }
  /** A key that would fire while typing in any application; nothing is recorded. */
  | { readonly kind: 'needs-modifier'; readonly text: string }
  /** Backspace or Delete alone: turn the hotkey off. */
  | { readonly kind: 'clear' }
  /** Not a recording: Tab moves on, Escape closes, a key Electron cannot register is ignored. */
  | { readonly kind: 'pass' };

const modifierCodes = new Set([
  'ControlLeft',
  'ControlRight',
  'MetaLeft',
  'MetaRight',
  'AltLeft',
  'AltRight',
  'ShiftLeft',
  'ShiftRight',
  'OSLeft',
  'OSRight',
]);

const namedCodes: Readonly<Record<string, string>> = {
  Space: 'Space',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  PrintScreen: 'PrintScreen',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  Comma: ',',
  Period: '.',
  Slash: '/',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
  AudioVolumeUp: 'VolumeUp',
  AudioVolumeDown: 'VolumeDown',
  AudioVolumeMute: 'VolumeMute',
  MediaTrackNext: 'MediaNextTrack',
  MediaTrackPrevious: 'MediaPreviousTrack',
  MediaStop: 'MediaStop',
  MediaPlayPause: 'MediaPlayPause',
};

/** The accelerator's name for a physical key, or null for one Electron cannot register. */
export function keyOfCode(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? null;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1] ?? null;
  const numpad = /^Numpad(\d)$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return namedCodes[code] ?? null;
}

/** Keys that mean nothing to other applications' typing, so they may stand without a modifier. */
function isStandaloneKey(key: string): boolean {
  return /^F\d+$/.test(key) || key.startsWith('Media') || key.startsWith('Volume');
}

/**
 * The modifiers held, in the order main writes them. The primary modifier (Control, or Command on a
 * Mac) is saved as CommandOrControl, so a settings file moved between a Mac and a PC means the same
 * keys; the other of the two keeps its own name.
 */
function modifiersOf(key: RecordedKey, mac: boolean): string[] {
  const primary = mac ? key.metaKey : key.ctrlKey;
  const secondary = mac ? key.ctrlKey : key.metaKey;
  const modifiers: string[] = [];
  if (primary) modifiers.push('CommandOrControl');
  if (secondary && mac) modifiers.push('Control');
  if (key.altKey) modifiers.push('Alt');
  if (key.shiftKey) modifiers.push('Shift');
  if (secondary && !mac) modifiers.push('Super');
  return modifiers;
}

/** What one key press in a hotkey field means. */
export function recordAccelerator(key: RecordedKey, mac: boolean): Recording {
  const modifiers = modifiersOf(key, mac);
  if (modifierCodes.has(key.code) || ['Control', 'Meta', 'Alt', 'Shift', 'OS'].includes(key.key)) {
    return modifiers.length === 0 ? { kind: 'pass' } : { kind: 'modifiers', text: modifiers.join('+') };
  }
  const bare = modifiers.filter((modifier) => modifier !== 'Shift').length === 0;
  if (modifiers.length === 0 && (key.code === 'Backspace' || key.code === 'Delete')) return { kind: 'clear' };
  if (bare && (key.code === 'Tab' || key.code === 'Escape')) return { kind: 'pass' };
  const name = keyOfCode(key.code);
  if (name === null) return { kind: 'pass' };
  const text = [...modifiers, name].join('+');
  if (bare && !isStandaloneKey(name)) return { kind: 'needs-modifier', text };
  return { kind: 'accelerator', text };
}

const displayNames = (mac: boolean): Readonly<Record<string, string>> => ({
  commandorcontrol: mac ? 'Cmd' : 'Ctrl',
  cmdorctrl: mac ? 'Cmd' : 'Ctrl',
  command: 'Cmd',
  cmd: 'Cmd',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: mac ? 'Option' : 'Alt',
  option: 'Option',
  altgr: 'AltGr',
  shift: 'Shift',
  super: mac ? 'Cmd' : 'Super',
  meta: mac ? 'Cmd' : 'Super',
});

/** The keys as this platform's keyboard names them: CommandOrControl+Alt+L is Ctrl+Alt+L on a PC, Cmd+Option+L on a Mac. */
export function formatAccelerator(text: string, mac: boolean): string {
  const names = displayNames(mac);
  return text
    .split('+')
    .map((part) => names[part.trim().toLowerCase()] ?? part.trim())
    .join('+');
}

export function isMacPlatform(platform: string): boolean {
  return /^mac/i.test(platform);
}

export const hotkeyActions: ReadonlyArray<HotkeyAction> = ['listen', 'bargeIn', 'toggleCoach', 'hangUp'];

/** What each hotkey does, under its name (hotkeyLabels, which main's messages use too). */
export const hotkeyHints: Readonly<Record<HotkeyAction, string>> = {
  listen: 'Back to silent listening on the monitored call',
  bargeIn: 'The agent and the customer hear you',
  toggleCoach: 'Leaves Coach for silent listening',
  hangUp: 'Ends your leg; the agent’s call goes on',
};
