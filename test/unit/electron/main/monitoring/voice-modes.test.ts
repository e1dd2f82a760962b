import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isSwitchAllowed,
  modeFromMute,
  needsMicrophone,
  switchOperation,
  switchTargets,
} from '../../../../../electron/main/monitoring/voice-modes';

const everything = ['Hangup', 'SwitchToListenIn', 'SwitchToBargeIn', 'MuteMonitoredUser'];

describe('voice mode switching follows GWS rules', () => {
  test('every transition, allowed and refused', () => {
    assert.equal(isSwitchAllowed('ListenIn', 'BargeIn'), true);
    assert.equal(isSwitchAllowed('BargeIn', 'ListenIn'), true);
    assert.equal(isSwitchAllowed('Coach', 'ListenIn'), true);
    assert.equal(isSwitchAllowed('Coach', 'BargeIn'), true);
    assert.equal(isSwitchAllowed('ListenIn', 'ListenIn'), false);
    assert.equal(isSwitchAllowed('BargeIn', 'BargeIn'), false);
  });

  test('no target is Coach: once left, Coach cannot be re-entered', () => {
    for (const mode of ['ListenIn', 'Coach', 'BargeIn'] as const) {
      assert.ok(!switchTargets(mode, [...everything, 'SwitchToCoach'], true).includes('Coach' as never));
    }
  });

  test('only what the call’s capabilities offer, and nothing before it is established', () => {
    assert.deepEqual(switchTargets('ListenIn', everything, true), ['BargeIn']);
    assert.deepEqual(switchTargets('BargeIn', everything, true), ['ListenIn']);
    assert.deepEqual(switchTargets('Coach', everything, true), ['ListenIn', 'BargeIn']);
    assert.deepEqual(switchTargets('ListenIn', ['Hangup'], true), []);
    assert.deepEqual(switchTargets('ListenIn', everything, false), []);
  });

  test('operations are named as GWS names them', () => {
    assert.equal(switchOperation('ListenIn'), 'SwitchToListenIn');
    assert.equal(switchOperation('BargeIn'), 'SwitchToBargeIn');
  });

  test('the mute flag: On is silent; Off keeps Coach as Coach and turns ListenIn into BargeIn', () => {
    assert.equal(modeFromMute('BargeIn', true), 'ListenIn');
    assert.equal(modeFromMute('Coach', true), 'ListenIn');
    assert.equal(modeFromMute('ListenIn', false), 'BargeIn');
    assert.equal(modeFromMute('Coach', false), 'Coach');
    assert.equal(modeFromMute('Coach', undefined), 'Coach');
  });

  test('only talking modes need the microphone', () => {
    assert.equal(needsMicrophone('ListenIn'), false);
    assert.equal(needsMicrophone('Coach'), true);
    assert.equal(needsMicrophone('BargeIn'), true);
  });
});
