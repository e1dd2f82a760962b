import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isTextInputType } from '../../../../../../renderer/ui/components/typing-target';
import { shortcutAction, shortcutHints, shortcutText } from '../../../../../../renderer/ui/features/voice/shortcuts';
import type { ShortcutKey } from '../../../../../../renderer/ui/features/voice/shortcuts';
import { makeCall } from '../../fixtures';

function press(key: string, modifiers: Partial<Omit<ShortcutKey, 'key'>> = {}): ShortcutKey {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...modifiers };
}

const listening = makeCall({ id: 'c1', mode: 'ListenIn', switchTargets: ['BargeIn'] });
const barged = makeCall({
  id: 'c1',
  mode: 'BargeIn',
  audience: 'everyone',
  microphone: 'open',
  switchTargets: ['ListenIn'],
});

describe('shortcutAction', () => {
  test('B barges in and L goes back to listening, when the call offers it', () => {
    assert.deepEqual(shortcutAction(press('b'), listening), { kind: 'switch', callId: 'c1', mode: 'BargeIn' });
    assert.deepEqual(shortcutAction(press('l'), barged), { kind: 'switch', callId: 'c1', mode: 'ListenIn' });
    assert.equal(shortcutAction(press('l'), listening), null);
    assert.equal(shortcutAction(press('b'), barged), null);
    assert.equal(shortcutAction(press('b'), makeCall({ id: 'c1', switchTargets: [] })), null);
  });

  test('letters work with Caps Lock on', () => {
    assert.deepEqual(shortcutAction(press('B'), listening), { kind: 'switch', callId: 'c1', mode: 'BargeIn' });
  });

  test('M mutes or unmutes the agent as the call allows', () => {
    assert.deepEqual(shortcutAction(press('m'), listening), { kind: 'muteAgent', callId: 'c1', muted: true });
    const muted = makeCall({ id: 'c1', agentMuted: true, canMuteAgent: false, canUnmuteAgent: true });
    assert.deepEqual(shortcutAction(press('m'), muted), { kind: 'muteAgent', callId: 'c1', muted: false });
    assert.equal(shortcutAction(press('m'), makeCall({ id: 'c1', canMuteAgent: false })), null);
  });

  test('hanging up takes Shift+H; a bare H does nothing', () => {
    assert.deepEqual(shortcutAction(press('H', { shiftKey: true }), listening), { kind: 'hangUp', callId: 'c1' });
    assert.equal(shortcutAction(press('h'), listening), null);
    assert.equal(shortcutAction(press('H'), listening), null);
  });

  test('system modifiers, held keys and Shift on other letters do nothing', () => {
    assert.equal(shortcutAction(press('b', { ctrlKey: true }), listening), null);
    assert.equal(shortcutAction(press('b', { metaKey: true }), listening), null);
    assert.equal(shortcutAction(press('b', { altKey: true }), listening), null);
    assert.equal(shortcutAction(press('b', { repeat: true }), listening), null);
    assert.equal(shortcutAction(press('H', { shiftKey: true, repeat: true }), listening), null);
    assert.equal(shortcutAction(press('B', { shiftKey: true }), listening), null);
    assert.equal(shortcutAction(press('x'), listening), null);
  });

  test('without a call nothing happens', () => {
    assert.equal(shortcutAction(press('b'), null), null);
  });

  test('a command on its way blocks switches and mutes, but never hanging up', () => {
    const busy = makeCall({ id: 'c1', pendingCommand: 'switchMode' });
    assert.equal(shortcutAction(press('b'), busy), null);
    assert.equal(shortcutAction(press('m'), busy), null);
    assert.deepEqual(shortcutAction(press('H', { shiftKey: true }), busy), { kind: 'hangUp', callId: 'c1' });
    const hangingUp = makeCall({ id: 'c1', pendingCommand: 'hangUp' });
    assert.equal(shortcutAction(press('H', { shiftKey: true }), hangingUp), null);
  });
});

describe('hints', () => {
  test('read as the keys to press', () => {
    assert.equal(shortcutText(shortcutHints.listen), 'L');
    assert.equal(shortcutText(shortcutHints.hangUp), 'Shift+H');
  });

  test('text fields take letters; buttons, sliders and boxes leave them to the shortcuts', () => {
    for (const type of ['text', 'search', 'password', 'email', 'number', 'TEXT'])
      assert.equal(isTextInputType(type), true);
    for (const type of ['range', 'checkbox', 'radio', 'button', 'submit']) assert.equal(isTextInputType(type), false);
  });
});
