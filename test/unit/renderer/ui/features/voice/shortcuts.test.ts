import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../../../../../electron/common/models/settings';
import type { MonitoredCall } from '../../../../../../electron/common/models/voice';
import {
  activeBindings,
  ariaKeyShortcutsOf,
  focusKinds,
  goesLive,
  shortcutAction,
  shortcutBindings,
  shortcutOptionsOf,
  shortcutText,
  shortcutsActIn,
  withShortcut,
} from '../../../../../../renderer/ui/features/voice/shortcuts';
import type { FocusKind, ShortcutKey, ShortcutOptions } from '../../../../../../renderer/ui/features/voice/shortcuts';
import { makeCall, makeSettingsView } from '../../fixtures';

function press(key: string, modifiers: Partial<Omit<ShortcutKey, 'key'>> = {}): ShortcutKey {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...modifiers };
}

const on: ShortcutOptions = { singleKeyShortcuts: true };
const off: ShortcutOptions = { singleKeyShortcuts: false };
const chord = press('B', { ctrlKey: true, shiftKey: true });
const hangUpKey = press('H', { shiftKey: true });

const listening = makeCall({ id: 'c1', mode: 'ListenIn', switchTargets: ['BargeIn'] });
const barged = makeCall({
  id: 'c1',
  mode: 'BargeIn',
  audience: 'everyone',
  microphone: 'open',
  switchTargets: ['ListenIn'],
});
const coaching = makeCall({
  id: 'c1',
  mode: 'Coach',
  audience: 'agent',
  microphone: 'open',
  switchTargets: ['ListenIn', 'BargeIn'],
  canMuteAgent: false,
});

/** Every state of a call the keys treat differently, and no call at all. */
const callStates: ReadonlyArray<readonly [string, MonitoredCall | null]> = [
  ['no call', null],
  ['listening', listening],
  ['barged in', barged],
  ['coaching', coaching],
  ['ringing', makeCall({ id: 'c1', state: 'ringing', switchTargets: [], canMuteAgent: false })],
  ['connecting', makeCall({ id: 'c1', state: 'connecting', switchTargets: ['BargeIn'] })],
  [
    'switching',
    makeCall({
      id: 'c1',
      pendingCommand: 'barge-in',
      microphone: 'opening',
      audience: 'everyone',
      switchTargets: ['ListenIn'],
    }),
  ],
  ['hanging up', makeCall({ id: 'c1', pendingCommand: 'hang-up', canHangUp: false, switchTargets: [] })],
  [
    'barged in from outside',
    makeCall({ id: 'c1', mode: 'BargeIn', modeChangedOutside: true, canTalk: true, switchTargets: ['ListenIn'] }),
  ],
  ['ordinary, muted', makeCall({ id: 'c1', kind: 'ordinary', mode: null, canTalk: true, switchTargets: [] })],
  ['agent muted', makeCall({ id: 'c1', agentMuted: true, canMuteAgent: false, canUnmuteAgent: true })],
  [
    'microphone failed',
    makeCall({
      id: 'c1',
      mode: 'ListenIn',
      microphone: 'closed',
      switchTargets: ['BargeIn'],
      error: { code: 'internal', message: 'Your microphone did not open.' },
    }),
  ],
];

const actingFocus: ReadonlyArray<FocusKind> = ['page', 'button', 'other-control'];
const restingFocus: ReadonlyArray<FocusKind> = ['text-field', 'disabled-text-field', 'menu', 'dialog'];

/** Printable ASCII, a few letters of other alphabets, and the named keys a keyboard sends. */
const everyKey: ReadonlyArray<string> = [
  ...Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)),
  'é',
  'ß',
  'и',
  'β',
  'Dead',
  'Enter',
  'Escape',
  'Tab',
  'Backspace',
  'Delete',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageDown',
  'F1',
  'F12',
  'Shift',
  'Control',
  'Alt',
  'Meta',
  'CapsLock',
  'AltGraph',
  'Unidentified',
];

describe('the bindings', () => {
  test('read as the keys to press, with their aria-keyshortcuts spelling', () => {
    assert.equal(shortcutText(shortcutBindings.listen), 'L');
    assert.equal(shortcutText(shortcutBindings.bargeIn), 'Ctrl+Shift+B');
    assert.equal(shortcutText(shortcutBindings.muteAgent), 'M');
    assert.equal(shortcutText(shortcutBindings.hangUp), 'Shift+H');
    assert.equal(shortcutBindings.bargeIn.ariaKeyShortcuts, 'Control+Shift+B');
    assert.equal(shortcutBindings.hangUp.ariaKeyShortcuts, 'Shift+H');
  });

  test('every binding that can go live takes Control and types nothing; the ones that type can be turned off', () => {
    for (const binding of Object.values(shortcutBindings)) {
      const outcomes = callStates.flatMap(([, call]) =>
        focusKinds.map((focus) =>
          shortcutAction({ ...binding.press, metaKey: false, altKey: false, repeat: false }, focus, call, on),
        ),
      );
      const live = outcomes.some((action) => action !== null && goesLive(action));
      if (live) {
        assert.equal(binding.press.ctrlKey, true, binding.command);
        assert.equal(binding.singleKey, false, binding.command);
      } else {
        assert.equal(binding.singleKey, !binding.press.ctrlKey, binding.command);
      }
    }
  });

  test('tooltips and aria-keyshortcuts name a key only while it is on', () => {
    assert.equal(withShortcut('Hang up', shortcutBindings.hangUp, on), 'Hang up (Shift+H)');
    assert.equal(withShortcut('Hang up', shortcutBindings.hangUp, off), 'Hang up');
    assert.equal(withShortcut('Barge in', shortcutBindings.bargeIn, off), 'Barge in (Ctrl+Shift+B)');
    assert.equal(ariaKeyShortcutsOf(shortcutBindings.listen, on), 'L');
    assert.equal(ariaKeyShortcutsOf(shortcutBindings.listen, off), undefined);
    assert.equal(ariaKeyShortcutsOf(shortcutBindings.bargeIn, off), 'Control+Shift+B');
  });

  test('single keys follow the setting, and stay off until the settings are read', () => {
    assert.deepEqual(shortcutOptionsOf(null), off);
    assert.deepEqual(shortcutOptionsOf(makeSettingsView()), { singleKeyShortcuts: true });
    const turnedOff = makeSettingsView({ settings: { keyboard: { singleKeyShortcuts: false } } });
    assert.deepEqual(shortcutOptionsOf(turnedOff), off);
    assert.equal(defaultSettings().keyboard.singleKeyShortcuts, true);
  });
});

describe('shortcutAction', () => {
  test('Ctrl+Shift+B barges in; B alone, Shift+B and Ctrl+B do not', () => {
    assert.deepEqual(shortcutAction(chord, 'page', listening, on), { kind: 'switch', callId: 'c1', mode: 'BargeIn' });
    assert.deepEqual(shortcutAction(press('b', { ctrlKey: true, shiftKey: true }), 'button', coaching, on), {
      kind: 'switch',
      callId: 'c1',
      mode: 'BargeIn',
    });
    for (const key of [press('b'), press('B'), press('B', { shiftKey: true }), press('b', { ctrlKey: true })]) {
      assert.equal(shortcutAction(key, 'page', listening, on), null, JSON.stringify(key));
    }
    assert.equal(shortcutAction(chord, 'page', barged, on), null, 'already barged in');
    assert.equal(shortcutAction(chord, 'page', makeCall({ id: 'c1', switchTargets: [] }), on), null);
  });

  test('L goes back to listening, also with Caps Lock on; from Coach too', () => {
    assert.deepEqual(shortcutAction(press('l'), 'page', barged, on), {
      kind: 'switch',
      callId: 'c1',
      mode: 'ListenIn',
    });
    assert.deepEqual(shortcutAction(press('L'), 'button', coaching, on), {
      kind: 'switch',
      callId: 'c1',
      mode: 'ListenIn',
    });
    assert.equal(shortcutAction(press('l'), 'page', listening, on), null);
  });

  test('M mutes or unmutes the agent as the call allows', () => {
    assert.deepEqual(shortcutAction(press('m'), 'page', listening, on), {
      kind: 'muteAgent',
      callId: 'c1',
      muted: true,
    });
    const muted = makeCall({ id: 'c1', agentMuted: true, canMuteAgent: false, canUnmuteAgent: true });
    assert.deepEqual(shortcutAction(press('m'), 'page', muted, on), { kind: 'muteAgent', callId: 'c1', muted: false });
    assert.equal(shortcutAction(press('m'), 'page', makeCall({ id: 'c1', canMuteAgent: false }), on), null);
  });

  test('hanging up takes Shift+H; a bare H does nothing', () => {
    assert.deepEqual(shortcutAction(hangUpKey, 'page', listening, on), { kind: 'hangUp', callId: 'c1' });
    assert.equal(shortcutAction(press('h'), 'page', listening, on), null);
    assert.equal(shortcutAction(press('H'), 'page', listening, on), null);
  });

  test('Alt, AltGr, Meta and held keys belong to the system', () => {
    for (const modifiers of [{ altKey: true }, { metaKey: true }, { altKey: true, ctrlKey: true }, { repeat: true }]) {
      assert.equal(shortcutAction(press('l', modifiers), 'page', barged, on), null, JSON.stringify(modifiers));
      assert.equal(shortcutAction({ ...chord, ...modifiers }, 'page', listening, on), null, JSON.stringify(modifiers));
      assert.equal(shortcutAction({ ...hangUpKey, ...modifiers }, 'page', listening, on), null);
    }
  });

  test('with single keys turned off only the chord is left', () => {
    assert.equal(shortcutAction(press('l'), 'page', barged, off), null);
    assert.equal(shortcutAction(press('m'), 'page', listening, off), null);
    assert.equal(shortcutAction(hangUpKey, 'page', listening, off), null);
    assert.deepEqual(shortcutAction(chord, 'page', listening, off), { kind: 'switch', callId: 'c1', mode: 'BargeIn' });
  });

  test('a command on its way blocks going live and mutes, never going silent or hanging up', () => {
    const goingLive = makeCall({ id: 'c1', pendingCommand: 'barge-in', mode: 'ListenIn', switchTargets: ['ListenIn'] });
    assert.deepEqual(shortcutAction(press('l'), 'page', goingLive, on), {
      kind: 'switch',
      callId: 'c1',
      mode: 'ListenIn',
    });
    assert.equal(shortcutAction(press('m'), 'page', goingLive, on), null);
    assert.equal(shortcutAction(chord, 'page', makeCall({ id: 'c1', pendingCommand: 'mute-agent' }), on), null);
    assert.deepEqual(shortcutAction(hangUpKey, 'page', goingLive, on), { kind: 'hangUp', callId: 'c1' });
    const hangingUp = makeCall({ id: 'c1', pendingCommand: 'hang-up', canHangUp: false });
    assert.equal(shortcutAction(hangUpKey, 'page', hangingUp, on), null);
  });

  test('the chord on a Barge in set outside Earshot is the supervisor choosing to talk', () => {
    const outside = makeCall({
      id: 'c1',
      mode: 'BargeIn',
      modeChangedOutside: true,
      canTalk: true,
      switchTargets: ['ListenIn'],
    });
    assert.deepEqual(shortcutAction(chord, 'page', outside, on), { kind: 'switch', callId: 'c1', mode: 'BargeIn' });
    assert.equal(shortcutAction(press('b'), 'page', outside, on), null);
  });

  test('every key, focus kind, call state and setting: the table of what acts', () => {
    const expected = (command: string, call: MonitoredCall | null, focus: FocusKind, options: ShortcutOptions) => {
      if (call === null || !actingFocus.includes(focus)) return false;
      if (command !== 'bargeIn' && !options.singleKeyShortcuts) return false;
      return true;
    };
    for (const [name, call] of callStates) {
      for (const focus of focusKinds) {
        for (const options of [on, off]) {
          for (const binding of Object.values(shortcutBindings)) {
            const key = { ...binding.press, metaKey: false, altKey: false, repeat: false };
            const action = shortcutAction(key, focus, call, options);
            const where = `${binding.command} on ${name} in ${focus}, single keys ${options.singleKeyShortcuts}`;
            if (!expected(binding.command, call, focus, options)) assert.equal(action, null, where);
            // Where keys may act, the call decides: the same answer as on the page.
            else assert.deepEqual(action, shortcutAction(key, 'page', call, options), where);
          }
        }
      }
    }
  });

  test('no key without Control ever makes anyone hear the supervisor, under any focus, call or setting', () => {
    let checked = 0;
    for (const key of everyKey) {
      for (const shiftKey of [false, true]) {
        for (const repeat of [false, true]) {
          for (const focus of focusKinds) {
            for (const [name, call] of callStates) {
              for (const options of [on, off]) {
                const action = shortcutAction(press(key, { shiftKey, repeat }), focus, call, options);
                assert.ok(action === null || !goesLive(action), `${key} shift=${shiftKey} on ${name} in ${focus}`);
                checked += 1;
              }
            }
          }
        }
      }
    }
    assert.equal(checked, everyKey.length * 2 * 2 * focusKinds.length * callStates.length * 2);
  });

  test('no key at all, chord included, acts in a text field, a menu or a dialog', () => {
    for (const key of everyKey) {
      for (const modifiers of [{}, { shiftKey: true }, { ctrlKey: true, shiftKey: true }, { ctrlKey: true }]) {
        for (const focus of restingFocus) {
          for (const [name, call] of callStates) {
            assert.equal(shortcutAction(press(key, modifiers), focus, call, on), null, `${key} on ${name} in ${focus}`);
          }
        }
      }
    }
  });
});

describe('goesLive', () => {
  test('barging in goes live; listening, muting the agent and hanging up do not', () => {
    assert.equal(goesLive({ kind: 'switch', callId: 'c1', mode: 'BargeIn' }), true);
    assert.equal(goesLive({ kind: 'switch', callId: 'c1', mode: 'ListenIn' }), false);
    assert.equal(goesLive({ kind: 'muteAgent', callId: 'c1', muted: false }), false);
    assert.equal(goesLive({ kind: 'hangUp', callId: 'c1' }), false);
  });
});

describe('the legend', () => {
  const commandsOf = (call: MonitoredCall | null, focus: FocusKind, options: ShortcutOptions) =>
    activeBindings(call, focus, options).map((binding) => binding.command);

  test('shows only keys that do something on the call in view', () => {
    assert.deepEqual(commandsOf(listening, 'page', on), ['bargeIn', 'muteAgent', 'hangUp']);
    assert.deepEqual(commandsOf(barged, 'page', on), ['listen', 'muteAgent', 'hangUp']);
    assert.deepEqual(commandsOf(coaching, 'button', on), ['listen', 'bargeIn', 'hangUp']);
    assert.deepEqual(
      commandsOf(makeCall({ id: 'c1', pendingCommand: 'hang-up', canHangUp: false, switchTargets: [] }), 'page', on),
      [],
    );
    assert.deepEqual(commandsOf(null, 'page', on), []);
  });

  test('without single keys only the chord; while typing, nothing', () => {
    assert.deepEqual(commandsOf(listening, 'page', off), ['bargeIn']);
    assert.deepEqual(commandsOf(barged, 'page', off), []);
    for (const focus of restingFocus) assert.deepEqual(commandsOf(listening, focus, on), [], focus);
  });

  test('says where keys rest', () => {
    assert.deepEqual(focusKinds.filter(shortcutsActIn), actingFocus);
    assert.deepEqual(
      focusKinds.filter((focus) => !shortcutsActIn(focus)),
      restingFocus,
    );
  });
});
