import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSettings } from '../../../../../electron/common/models/settings';
import type { MonitoredCall, VoiceState } from '../../../../../electron/common/models/voice';
import {
  chordOf,
  hotkeyCommand,
  hotkeyProblems,
  normalizeHotkeys,
  parseAccelerator,
} from '../../../../../electron/main/platform/hotkeys';
import { initialVoiceState } from '../../../../../electron/main/state/app-state-reducers';
import { makeCall as call } from '../../../renderer/ui/fixtures';

function parsed(text: string): string {
  const result = parseAccelerator(text);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value.text;
}

function refused(text: string): string {
  const result = parseAccelerator(text);
  assert.equal(result.ok, false, text);
  return result.ok ? '' : result.error.message;
}

describe('accelerator parsing', () => {
  test('canonical spelling: aliases resolved, modifiers in a fixed order, keys in their case', () => {
    assert.equal(parsed('CommandOrControl+Shift+L'), 'CommandOrControl+Shift+L');
    assert.equal(parsed('shift+cmdorctrl+l'), 'CommandOrControl+Shift+L');
    assert.equal(parsed(' Ctrl + Option + b '), 'Control+Alt+B');
    assert.equal(parsed('Alt+Shift+esc'), 'Alt+Shift+Escape');
    assert.equal(parsed('Control+Return'), 'Control+Enter');
    assert.equal(parsed('Meta+pageup'), 'Super+PageUp');
    assert.equal(parsed('Control+Alt+Plus'), 'Control+Alt+Plus');
    assert.equal(parsed('Control+Alt+/'), 'Control+Alt+/');
    assert.equal(parsed('Control+num5'), 'Control+num5');
  });

  test('function and media keys may stand alone; anything that types needs a modifier besides Shift', () => {
    assert.equal(parsed('f9'), 'F9');
    assert.equal(parsed('MediaPlayPause'), 'MediaPlayPause');
    assert.match(refused('L'), /would fire while typing/);
    assert.match(refused('Shift+L'), /would fire while typing/);
    assert.match(refused('Space'), /would fire while typing/);
  });

  test('mistakes are named in words', () => {
    assert.match(refused(''), /Press a key combination/);
    assert.match(refused('Control+Shift'), /only modifiers/);
    assert.match(refused('Control+L+K'), /two keys \(L and K\)/);
    assert.match(refused('Control++'), /write the \+ key as “Plus”/);
    assert.match(refused('Control+Control+L'), /names Control twice/);
    assert.match(refused('Hyper+L'), /“Hyper” is not a key/);
    assert.match(refused('Control+F25'), /“F25” is not a key/);
    assert.match(refused('CommandOrControl+Control+L'), /keep one/);
  });

  test('CommandOrControl is Command on a Mac and Control elsewhere', () => {
    const accelerator = parseAccelerator('CommandOrControl+Shift+L');
    assert.ok(accelerator.ok);
    assert.equal(chordOf(accelerator.value, 'darwin'), 'Command+Shift+L');
    assert.equal(chordOf(accelerator.value, 'win32'), 'Control+Shift+L');
  });
});

describe('hotkey problems', () => {
  test('the defaults are free of problems on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'])
      assert.deepEqual(hotkeyProblems(defaultSettings().hotkeys, platform), {}, platform);
  });

  test('two actions on one chord: the second is reported, also when spelled differently', () => {
    const hotkeys = { ...defaultSettings().hotkeys, listen: 'Control+Alt+K', bargeIn: 'ctrl+option+k' };
    assert.deepEqual(hotkeyProblems(hotkeys, 'linux'), { bargeIn: 'Control+Alt+K is already the hotkey for Listen.' });
    // On a Mac, CommandOrControl is Command, so it no longer meets Control.
    const mac = { ...defaultSettings().hotkeys, listen: 'Control+Shift+F1', bargeIn: 'CommandOrControl+Shift+F1' };
    assert.deepEqual(hotkeyProblems(mac, 'darwin'), {});
    assert.ok(hotkeyProblems(mac, 'win32').bargeIn);
  });

  test('system and editing shortcuts are refused with what they do', () => {
    const hotkeys = { listen: 'CommandOrControl+C', bargeIn: 'Alt+F4', toggleCoach: 'Command+Q', hangUp: 'Super+L' };
    const onLinux = hotkeyProblems(hotkeys, 'linux');
    assert.match(onLinux.listen ?? '', /editing shortcut/);
    assert.match(onLinux.bargeIn ?? '', /closes windows/);
    assert.match(onLinux.toggleCoach ?? '', /Command exists only on a Mac/);
    assert.match(onLinux.hangUp ?? '', /locks the screen/);
    const onMac = hotkeyProblems(hotkeys, 'darwin');
    assert.match(onMac.toggleCoach ?? '', /quits applications/);
    assert.match(onMac.listen ?? '', /editing shortcut/);
  });

  test('the window’s own Barge in chord stays free for it', () => {
    const hotkeys = { ...defaultSettings().hotkeys, hangUp: 'CommandOrControl+Shift+B' };
    assert.match(hotkeyProblems(hotkeys, 'win32').hangUp ?? '', /Barge in key inside its window/);
    assert.match(hotkeyProblems({ ...hotkeys, hangUp: 'Control+Shift+B' }, 'darwin').hangUp ?? '', /Barge in key/);
    // On a Mac, CommandOrControl is Command: the window's chord keeps Control.
    assert.deepEqual(hotkeyProblems(hotkeys, 'darwin'), {});
  });

  test('unset hotkeys are fine; unparsable ones say why; normalising keeps what it cannot parse', () => {
    const hotkeys = { listen: null, bargeIn: 'Control+Alt+', toggleCoach: null, hangUp: 'alt+shift+h' };
    assert.deepEqual(Object.keys(hotkeyProblems(hotkeys, 'linux')), ['bargeIn']);
    assert.deepEqual(normalizeHotkeys(hotkeys), {
      listen: null,
      bargeIn: 'Control+Alt+',
      toggleCoach: null,
      hangUp: 'Alt+Shift+H',
    });
  });
});

function voice(calls: MonitoredCall[]): VoiceState {
  return { ...initialVoiceState(), calls };
}

describe('hotkey commands', () => {
  test('Listen and Barge in switch the call when it offers the mode, and say why not otherwise', () => {
    assert.deepEqual(hotkeyCommand('bargeIn', voice([call({ id: 'c1' })])), {
      ok: true,
      value: { channel: 'voice:switchMode', payload: { callId: 'c1', mode: 'BargeIn' } },
    });
    const barged = call({
      id: 'c1',
      mode: 'BargeIn',
      switchTargets: ['ListenIn'],
      microphone: 'open',
      audience: 'everyone',
    });
    assert.deepEqual(hotkeyCommand('listen', voice([barged])), {
      ok: true,
      value: { channel: 'voice:switchMode', payload: { callId: 'c1', mode: 'ListenIn' } },
    });

    const already = hotkeyCommand('listen', voice([call({ id: 'c1' })]));
    assert.equal(!already.ok && already.error.message, 'You are already listening silently.');
    const notOffered = hotkeyCommand('bargeIn', voice([call({ id: 'c1', switchTargets: [] })]));
    assert.equal(!notOffered.ok && notOffered.error.message, 'Barging in is not possible on this call right now.');
    const busy = hotkeyCommand('bargeIn', voice([call({ id: 'c1', switchTargets: [], pendingCommand: 'listen' })]));
    assert.equal(!busy.ok && busy.error.code, 'busy');
    const none = hotkeyCommand('listen', voice([]));
    assert.equal(!none.ok && none.error.message, 'There is no monitored call for the hotkey to act on.');
  });

  test('Coach can only be left: GWS never switches a running call into it', () => {
    const coaching = call({
      id: 'c1',
      mode: 'Coach',
      switchTargets: ['ListenIn', 'BargeIn'],
      microphone: 'open',
      audience: 'agent',
    });
    assert.deepEqual(hotkeyCommand('toggleCoach', voice([coaching])), {
      ok: true,
      value: { channel: 'voice:switchMode', payload: { callId: 'c1', mode: 'ListenIn' } },
    });
    const listening = hotkeyCommand('toggleCoach', voice([call({ id: 'c1' })]));
    assert.match(!listening.ok ? listening.error.message : '', /cannot switch to Coach/);
  });

  test('hang up acts on the call whatever its mode, once', () => {
    assert.deepEqual(
      hotkeyCommand('hangUp', voice([call({ id: 'c1', mode: 'BargeIn', pendingCommand: 'barge-in' })])),
      {
        ok: true,
        value: { channel: 'voice:hangUp', payload: { callId: 'c1' } },
      },
    );
    assert.equal(
      hotkeyCommand('hangUp', voice([call({ id: 'c1', pendingCommand: 'hang-up', canHangUp: false })])).ok,
      false,
    );
  });
});
