import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatAccelerator,
  isMacPlatform,
  keyOfCode,
  recordAccelerator,
} from '../../../../../../renderer/ui/features/settings/accelerator';
import type { RecordedKey } from '../../../../../../renderer/ui/features/settings/accelerator';

function press(code: string, held: Partial<Omit<RecordedKey, 'code'>> = {}): RecordedKey {
  return { code, key: held.key ?? code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...held };
}

describe('recordAccelerator', () => {
  test('Control on a PC and Command on a Mac are both saved as CommandOrControl, in main’s modifier order', () => {
    const pc = press('KeyL', { ctrlKey: true, altKey: true, shiftKey: true });
    assert.deepEqual(recordAccelerator(pc, false), { kind: 'accelerator', text: 'CommandOrControl+Alt+Shift+L' });
    const mac = press('KeyL', { metaKey: true, altKey: true, shiftKey: true });
    assert.deepEqual(recordAccelerator(mac, true), { kind: 'accelerator', text: 'CommandOrControl+Alt+Shift+L' });
  });

  test('the other of the two keeps its own name: Control on a Mac, Super on a PC', () => {
    assert.deepEqual(recordAccelerator(press('KeyK', { ctrlKey: true, altKey: true }), true), {
      kind: 'accelerator',
      text: 'Control+Alt+K',
    });
    assert.deepEqual(recordAccelerator(press('KeyK', { metaKey: true, shiftKey: true }), false), {
      kind: 'accelerator',
      text: 'Shift+Super+K',
    });
  });

  test('reads the physical key, so Shift+1 is 1 and Option+L on a Mac is L, not what they type', () => {
    assert.deepEqual(recordAccelerator(press('Digit1', { key: '!', ctrlKey: true, shiftKey: true }), false), {
      kind: 'accelerator',
      text: 'CommandOrControl+Shift+1',
    });
    assert.deepEqual(recordAccelerator(press('KeyL', { key: '¬', metaKey: true, altKey: true }), true), {
      kind: 'accelerator',
      text: 'CommandOrControl+Alt+L',
    });
  });

  test('only modifiers held: shows them and records nothing yet', () => {
    assert.deepEqual(recordAccelerator(press('AltLeft', { key: 'Alt', ctrlKey: true, altKey: true }), false), {
      kind: 'modifiers',
      text: 'CommandOrControl+Alt',
    });
    assert.deepEqual(recordAccelerator(press('ShiftLeft', { key: 'Shift' }), false), { kind: 'pass' });
  });

  test('a key that types, alone or with Shift only, is not recorded; F keys and media keys may stand alone', () => {
    assert.deepEqual(recordAccelerator(press('KeyK', { key: 'k' }), false), { kind: 'needs-modifier', text: 'K' });
    assert.deepEqual(recordAccelerator(press('KeyK', { key: 'K', shiftKey: true }), false), {
      kind: 'needs-modifier',
      text: 'Shift+K',
    });
    assert.deepEqual(recordAccelerator(press('F9'), false), { kind: 'accelerator', text: 'F9' });
    assert.deepEqual(recordAccelerator(press('MediaPlayPause'), false), {
      kind: 'accelerator',
      text: 'MediaPlayPause',
    });
  });

  test('Backspace or Delete alone turns the hotkey off; Tab and Escape alone are left to the page', () => {
    assert.deepEqual(recordAccelerator(press('Backspace'), false), { kind: 'clear' });
    assert.deepEqual(recordAccelerator(press('Delete'), true), { kind: 'clear' });
    assert.deepEqual(recordAccelerator(press('Tab'), false), { kind: 'pass' });
    assert.deepEqual(recordAccelerator(press('Tab', { shiftKey: true }), false), { kind: 'pass' });
    assert.deepEqual(recordAccelerator(press('Escape'), false), { kind: 'pass' });
    assert.deepEqual(recordAccelerator(press('Backspace', { ctrlKey: true, altKey: true }), false), {
      kind: 'accelerator',
      text: 'CommandOrControl+Alt+Backspace',
    });
  });

  test('keys Electron cannot register are ignored', () => {
    assert.deepEqual(recordAccelerator(press('IntlBackslash', { ctrlKey: true }), false), { kind: 'pass' });
    assert.deepEqual(recordAccelerator(press('ContextMenu', { ctrlKey: true }), false), { kind: 'pass' });
  });
});

describe('keyOfCode', () => {
  test('names keys as Electron accelerators do', () => {
    assert.equal(keyOfCode('KeyA'), 'A');
    assert.equal(keyOfCode('Digit0'), '0');
    assert.equal(keyOfCode('Numpad7'), 'num7');
    assert.equal(keyOfCode('NumpadAdd'), 'numadd');
    assert.equal(keyOfCode('ArrowUp'), 'Up');
    assert.equal(keyOfCode('F24'), 'F24');
    assert.equal(keyOfCode('F25'), null);
    assert.equal(keyOfCode('Minus'), '-');
    assert.equal(keyOfCode('AudioVolumeMute'), 'VolumeMute');
    assert.equal(keyOfCode('MediaTrackNext'), 'MediaNextTrack');
  });
});

describe('formatAccelerator', () => {
  test('shows the keys this platform has', () => {
    assert.equal(formatAccelerator('CommandOrControl+Alt+Shift+L', false), 'Ctrl+Alt+Shift+L');
    assert.equal(formatAccelerator('CommandOrControl+Alt+Shift+L', true), 'Cmd+Option+Shift+L');
    assert.equal(formatAccelerator('Control+Super+K', false), 'Ctrl+Super+K');
    assert.equal(formatAccelerator('cmdorctrl+shift+F5', false), 'Ctrl+Shift+F5');
    assert.equal(formatAccelerator('', false), '');
  });

  test('isMacPlatform reads navigator.platform', () => {
    assert.equal(isMacPlatform('MacIntel'), true);
    assert.equal(isMacPlatform('Win32'), false);
    assert.equal(isMacPlatform('Linux x86_64'), false);
  });
});
