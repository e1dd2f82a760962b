import type { UiRequest } from '../../common/contract/ui-contract';
import { hotkeyLabels } from '../../common/models/hotkey-labels';
import type { HotkeyAction, HotkeySettings } from '../../common/models/settings';
import type { VoiceState } from '../../common/models/voice';
import { keyTargetCall } from '../../common/models/voice-targets';
import { err, ok, type Result } from '../../common/result';

/**
 * Global hotkeys: Electron accelerator strings, checked here so the settings screen can say what is
 * wrong before the shell tries to register them. The shell registers what passes and reports what the
 * system refuses (another application holds it).
 */

export type Modifier = 'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super';

export interface Accelerator {
  readonly modifiers: readonly Modifier[];
  readonly key: string;
  /** The canonical spelling, modifiers in a fixed order: what settings store and the shell registers. */
  readonly text: string;
}

const modifierOrder: readonly Modifier[] = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'];

const modifierAliases: Readonly<Record<string, Modifier>> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const namedKeys: readonly string[] = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'PrintScreen',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];

const keyAliases: Readonly<Record<string, string>> = {
  ...Object.fromEntries(namedKeys.map((key) => [key.toLowerCase(), key])),
  return: 'Enter',
  esc: 'Escape',
};

const punctuation = new Set([...')!@#$%^&*(:;=<,_->.?/~`{}[]|\\"\'']);

/** Keys that mean nothing to other applications' typing, so they may stand without a modifier. */
function isStandaloneKey(key: string): boolean {
  return /^F([1-9]|1\d|2[0-4])$/.test(key) || key.startsWith('Media') || key.startsWith('Volume');
}

function parseKey(token: string): string | null {
  if (/^[a-z]$/i.test(token)) return token.toUpperCase();
  if (/^\d$/.test(token) || punctuation.has(token)) return token;
  if (/^f([1-9]|1\d|2[0-4])$/i.test(token)) return token.toUpperCase();
  return keyAliases[token.toLowerCase()] ?? null;
}

export function parseAccelerator(input: string): Result<Accelerator> {
  const text = input.trim();
  if (text === '') return err('invalid-input', 'Press a key combination, or clear the hotkey to turn it off.');
  const tokens = text.split('+').map((token) => token.trim());
  if (tokens.some((token) => token === ''))
    return err('invalid-input', `“${text}” has an empty part; write the + key as “Plus”.`);
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const token of tokens) {
    const modifier = modifierAliases[token.toLowerCase()];
    if (modifier) {
      if (modifiers.has(modifier)) return err('invalid-input', `“${text}” names ${modifier} twice.`);
      modifiers.add(modifier);
      continue;
    }
    const parsed = parseKey(token);
    if (parsed === null) return err('invalid-input', `“${token}” is not a key Earshot knows.`);
    if (key !== null)
      return err(
        'invalid-input',
        `“${text}” has two keys (${key} and ${parsed}); a hotkey has one key besides the modifiers.`,
      );
    key = parsed;
  }
  if (key === null) return err('invalid-input', `“${text}” has only modifiers; add a key such as L.`);
  if (modifiers.has('CommandOrControl') && (modifiers.has('Command') || modifiers.has('Control'))) {
    return err(
      'invalid-input',
      `“${text}” names CommandOrControl and ${modifiers.has('Command') ? 'Command' : 'Control'}; keep one.`,
    );
  }
  const withoutShift = [...modifiers].filter((modifier) => modifier !== 'Shift');
  if (withoutShift.length === 0 && !isStandaloneKey(key)) {
    return err('invalid-input', `“${text}” would fire while typing in any application; add CommandOrControl or Alt.`);
  }
  const ordered = modifierOrder.filter((modifier) => modifiers.has(modifier));
  return ok({ modifiers: ordered, key, text: [...ordered, key].join('+') });
}

/** The keys really pressed on this platform: CommandOrControl is Command on a Mac, Control elsewhere. */
export function chordOf(accelerator: Accelerator, platform: string): string {
  const mac = platform === 'darwin';
  const pressed = new Set(
    accelerator.modifiers.map((modifier) => {
      if (modifier === 'CommandOrControl') return mac ? 'Command' : 'Control';
      if (modifier === 'Super' && mac) return 'Command';
      return modifier;
    }),
  );
  return [...[...pressed].sort(), accelerator.key].join('+');
}

/** System and editing shortcuts a global hotkey would take from the supervisor, by chord. */
const reservedChords: Readonly<Record<string, string>> = {
  'Alt+F4': 'closes windows',
  'Alt+Tab': 'switches windows',
  'Control+Escape': 'opens the Start menu',
  'Alt+Control+Delete': 'is reserved by the system',
  'Super+L': 'locks the screen',
  'Alt+Control+L': 'locks the screen on some Linux desktops',
  'Alt+Control+T': 'opens a terminal on some Linux desktops',
  'Command+Q': 'quits applications',
  'Command+W': 'closes windows',
  'Command+Tab': 'switches applications',
  'Command+Space': 'opens Spotlight',
  'Command+H': 'hides applications',
  'Command+M': 'minimises windows',
  // The UI window's own going-live key (renderer/ui/features/voice/shortcuts.ts); a global hotkey would take it.
  'Control+Shift+B': 'is Earshot’s Barge in key inside its window',
};

const editingKeys = new Set(['A', 'C', 'F', 'N', 'O', 'P', 'S', 'T', 'V', 'W', 'X', 'Y', 'Z']);

function reservedReason(chord: string, accelerator: Accelerator, platform: string): string | null {
  const named = reservedChords[chord];
  if (named) return named;
  const primary = platform === 'darwin' ? 'Command' : 'Control';
  if (chord === `${primary}+${accelerator.key}` && editingKeys.has(accelerator.key))
    return 'is an editing shortcut in every application';
  return null;
}

/**
 * What is wrong with each hotkey, in words for the settings screen: grammar, keys this platform
 * lacks, system shortcuts, and two actions on one chord. Unset hotkeys are fine.
 */
export function hotkeyProblems(hotkeys: HotkeySettings, platform: string): Partial<Record<HotkeyAction, string>> {
  const problems: Partial<Record<HotkeyAction, string>> = {};
  const owners = new Map<string, HotkeyAction>();
  for (const action of Object.keys(hotkeyLabels) as HotkeyAction[]) {
    const text = hotkeys[action];
    if (text === null) continue;
    const parsed = parseAccelerator(text);
    if (!parsed.ok) {
      problems[action] = parsed.error.message;
      continue;
    }
    const accelerator = parsed.value;
    if (platform !== 'darwin' && accelerator.modifiers.includes('Command')) {
      problems[action] = `Command exists only on a Mac; use CommandOrControl in “${accelerator.text}”.`;
      continue;
    }
    const chord = chordOf(accelerator, platform);
    const reserved = reservedReason(chord, accelerator, platform);
    if (reserved) {
      problems[action] = `${accelerator.text} ${reserved}; choose another combination.`;
      continue;
    }
    const owner = owners.get(chord);
    if (owner) {
      problems[action] = `${accelerator.text} is already the hotkey for ${hotkeyLabels[owner]}.`;
      continue;
    }
    owners.set(chord, action);
  }
  return problems;
}

/** Canonical spellings, so "ctrl+shift+l" is saved as "Control+Shift+L". Invalid ones are left for hotkeyProblems to report. */
export function normalizeHotkeys(hotkeys: HotkeySettings): HotkeySettings {
  const normalize = (text: string | null) => {
    if (text === null) return null;
    const parsed = parseAccelerator(text);
    return parsed.ok ? parsed.value.text : text;
  };
  return {
    listen: normalize(hotkeys.listen),
    bargeIn: normalize(hotkeys.bargeIn),
    toggleCoach: normalize(hotkeys.toggleCoach),
    hangUp: normalize(hotkeys.hangUp),
  };
}

export type HotkeyCommand =
  | { readonly channel: 'voice:switchMode'; readonly payload: UiRequest<'voice:switchMode'> }
  | { readonly channel: 'voice:hangUp'; readonly payload: UiRequest<'voice:hangUp'> };

/**
 * What a hotkey asks of main, or why it does nothing now (shown as a notification by the shell).
 * GWS never switches a running call into Coach, so the Coach hotkey can only leave it.
 */
export function hotkeyCommand(action: HotkeyAction, voice: VoiceState): Result<HotkeyCommand> {
  const call = keyTargetCall(voice.calls);
  if (!call) return err('invalid-input', 'There is no monitored call for the hotkey to act on.');
  if (action === 'hangUp') {
    if (!call.canHangUp) return err('busy', 'The call is already hanging up.');
    return ok({ channel: 'voice:hangUp', payload: { callId: call.id } });
  }
  if (action === 'toggleCoach' && call.mode !== 'Coach') {
    return err(
      'invalid-input',
      'A running call cannot switch to Coach. Choose Coach in the monitor menu before the next call.',
    );
  }
  const target = action === 'bargeIn' ? 'BargeIn' : 'ListenIn';
  if (call.switchTargets.includes(target)) {
    return ok({ channel: 'voice:switchMode', payload: { callId: call.id, mode: target } });
  }
  if (call.pendingCommand !== null) return err('busy', 'Earshot is still carrying out your last choice on this call.');
  if (target === 'BargeIn' && call.mode === 'BargeIn') {
    return call.canTalk
      ? ok({ channel: 'voice:switchMode', payload: { callId: call.id, mode: target } })
      : err('invalid-input', 'You are already barged in.');
  }
  if (target === 'ListenIn' && call.mode === 'ListenIn') {
    return err('invalid-input', 'You are already listening silently.');
  }
  return err(
    'invalid-input',
    target === 'BargeIn'
      ? 'Barging in is not possible on this call right now.'
      : 'Listening silently is not possible on this call right now.',
  );
}
