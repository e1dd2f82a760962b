import type { SettingsView } from '../../../../electron/common/models/settings';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { assertNever } from '../../../../electron/common/result';
import type { FocusKind } from '../../components/focus-kind';
import { agentMuteAction } from './voice-model';

export type { FocusKind } from '../../components/focus-kind';

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

export interface ShortcutOptions {
  /** Keys of one character (L, M, Shift+H). Off, only the going-live chord is left (WCAG 2.1.4). */
  readonly singleKeyShortcuts: boolean;
}

/**
 * Until main has said what the supervisor chose, single keys stay off: someone who turned them off
 * must not have them back for the moment the window takes to read the settings.
 */
export function shortcutOptionsOf(view: SettingsView | null): ShortcutOptions {
  return { singleKeyShortcuts: view?.settings.keyboard.singleKeyShortcuts ?? false };
}

export type ShortcutCommand = 'listen' | 'bargeIn' | 'muteAgent' | 'hangUp';

export interface ShortcutBinding {
  readonly command: ShortcutCommand;
  readonly label: string;
  /** As the legend and tooltips show them, one key cap each. */
  readonly keys: ReadonlyArray<string>;
  /** The same keys in aria-keyshortcuts' spelling, for screen readers. */
  readonly ariaKeyShortcuts: string;
  /** The press that triggers it, letters in lower case. */
  readonly press: Pick<ShortcutKey, 'key' | 'shiftKey' | 'ctrlKey'>;
  /** A key that types a character: it can be set off by typing, so the supervisor may turn these off. */
  readonly singleKey: boolean;
}

/**
 * Going silent stays one key away; going live takes Ctrl+Shift, which types nothing on any layout
 * (Alt and AltGr type characters on Mac and European keyboards). With B it is free in Electron, in
 * the default global hotkeys (Ctrl+Alt+Shift+…) and on the desktops; Chromium's bookmarks bar gives
 * way to a page that takes it. Hang-up takes Shift so a stray H does not end the call.
 */
export const shortcutBindings: Readonly<Record<ShortcutCommand, ShortcutBinding>> = {
  listen: {
    command: 'listen',
    label: 'Listen',
    keys: ['L'],
    ariaKeyShortcuts: 'L',
    press: { key: 'l', shiftKey: false, ctrlKey: false },
    singleKey: true,
  },
  bargeIn: {
    command: 'bargeIn',
    label: 'Barge in',
    keys: ['Ctrl', 'Shift', 'B'],
    ariaKeyShortcuts: 'Control+Shift+B',
    press: { key: 'b', shiftKey: true, ctrlKey: true },
    singleKey: false,
  },
  muteAgent: {
    command: 'muteAgent',
    label: 'Mute / unmute agent',
    keys: ['M'],
    ariaKeyShortcuts: 'M',
    press: { key: 'm', shiftKey: false, ctrlKey: false },
    singleKey: true,
  },
  hangUp: {
    command: 'hangUp',
    label: 'Hang up',
    keys: ['Shift', 'H'],
    ariaKeyShortcuts: 'Shift+H',
    press: { key: 'h', shiftKey: true, ctrlKey: false },
    singleKey: true,
  },
};

const bindingOrder: ReadonlyArray<ShortcutCommand> = ['listen', 'bargeIn', 'muteAgent', 'hangUp'];

export function shortcutText(binding: ShortcutBinding): string {
  return binding.keys.join('+');
}

/** Whether the supervisor has this binding on at all; the call and the focus decide the rest. */
export function isBindingOn(binding: ShortcutBinding, options: ShortcutOptions): boolean {
  return options.singleKeyShortcuts || !binding.singleKey;
}

/** A tooltip with its key when the key is on: "Hang up (Shift+H)". */
export function withShortcut(text: string, binding: ShortcutBinding, options: ShortcutOptions): string {
  return isBindingOn(binding, options) ? `${text} (${shortcutText(binding)})` : text;
}

/** For aria-keyshortcuts: the keys, or nothing while the supervisor has them off. */
export function ariaKeyShortcutsOf(binding: ShortcutBinding, options: ShortcutOptions): string | undefined {
  return isBindingOn(binding, options) ? binding.ariaKeyShortcuts : undefined;
}

/** Where keys are the window's: everywhere a key press is not meant for the focused element itself. */
const keysActIn: Readonly<Record<FocusKind, boolean>> = {
  page: true,
  button: true,
  'other-control': true,
  'text-field': false,
  'disabled-text-field': false,
  menu: false,
  dialog: false,
};

/**
 * Every kind of focus, for tests that go through them all.
 * @internal
 */
export const focusKinds = Object.keys(keysActIn) as ReadonlyArray<FocusKind>;

export function shortcutsActIn(focus: FocusKind): boolean {
  return keysActIn[focus];
}

/** Which binding the press is, with exactly its modifiers: anything else held belongs to the system. */
function commandOf(key: ShortcutKey, options: ShortcutOptions): ShortcutCommand | null {
  if (key.altKey || key.metaKey) return null;
  const letter = key.key.toLowerCase();
  for (const command of bindingOrder) {
    const binding = shortcutBindings[command];
    const { press } = binding;
    if (press.key === letter && press.shiftKey === key.shiftKey && press.ctrlKey === key.ctrlKey) {
      return isBindingOn(binding, options) ? command : null;
    }
  }
  return null;
}

function actionOn(command: ShortcutCommand, call: MonitoredCall): ShortcutAction | null {
  switch (command) {
    case 'hangUp':
      // Hanging up stays possible while another command is on its way: it is how the supervisor gets out.
      return call.canHangUp ? { kind: 'hangUp', callId: call.id } : null;
    case 'listen':
      // Main offers Listen whenever going silent means something, a go-live on its way included.
      return call.switchTargets.includes('ListenIn') ? { kind: 'switch', callId: call.id, mode: 'ListenIn' } : null;
    case 'bargeIn': {
      // Barge in set at the server but with the microphone closed: the chord is the supervisor choosing to talk.
      const talkInBargeIn = call.mode === 'BargeIn' && call.canTalk;
      return call.pendingCommand === null && (call.switchTargets.includes('BargeIn') || talkInBargeIn)
        ? { kind: 'switch', callId: call.id, mode: 'BargeIn' }
        : null;
    }
    case 'muteAgent': {
      const mute = agentMuteAction(call);
      return call.pendingCommand === null && mute?.available
        ? { kind: 'muteAgent', callId: call.id, muted: mute.muted }
        : null;
    }
    default:
      return assertNever(command);
  }
}

/**
 * What a key press does to the call, or null when it does nothing. Keys never act where the focused
 * element takes keys itself (text, menus, dialogs), held keys do not repeat commands, and a mode the
 * call does not offer now is not sent.
 */
export function shortcutAction(
  key: ShortcutKey,
  focus: FocusKind,
  call: MonitoredCall | null,
  options: ShortcutOptions,
): ShortcutAction | null {
  if (call === null || key.repeat || !shortcutsActIn(focus)) return null;
  const command = commandOf(key, options);
  return command === null ? null : actionOn(command, call);
}

/** Whether the action can make anyone hear the supervisor; such actions never sit on a key that types. */
export function goesLive(action: ShortcutAction): boolean {
  switch (action.kind) {
    case 'switch':
      return action.mode !== 'ListenIn';
    case 'muteAgent':
    case 'hangUp':
      return false;
    default:
      return assertNever(action);
  }
}

/** The bindings that would do something right now: what the legend shows. */
export function activeBindings(
  call: MonitoredCall | null,
  focus: FocusKind,
  options: ShortcutOptions,
): ReadonlyArray<ShortcutBinding> {
  return bindingOrder
    .map((command) => shortcutBindings[command])
    .filter(
      (binding) =>
        shortcutAction({ ...binding.press, metaKey: false, altKey: false, repeat: false }, focus, call, options) !==
        null,
    );
}
