import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allowedOperations,
  joinsCallInProgress,
  modeAfter,
  muteFlag,
  refusalOf,
  supervisorCallCapabilities,
  type SupervisorCallView,
} from '../../../../electron/simulator/voice/monitoring-rules';

const established = (
  mode: SupervisorCallView['mode'],
  extra: Partial<SupervisorCallView> = {},
): SupervisorCallView => ({
  state: 'Established',
  mode,
  monitoredUserMuted: false,
  sipCluster: false,
  ...extra,
});

describe('voice monitoring rules', () => {
  test('ListenIn ⇄ BargeIn; Coach leaves for either and nothing leads back to it', () => {
    assert.deepEqual(allowedOperations(established('ListenIn')), ['SwitchToBargeIn', 'MuteMonitoredUser', 'Hangup']);
    assert.deepEqual(allowedOperations(established('BargeIn')), ['SwitchToListenIn', 'MuteMonitoredUser', 'Hangup']);
    assert.deepEqual(allowedOperations(established('Coach')), ['SwitchToListenIn', 'SwitchToBargeIn', 'Hangup']);
    assert.equal(modeAfter('SwitchToListenIn'), 'ListenIn');
    assert.equal(modeAfter('SwitchToBargeIn'), 'BargeIn');
    assert.equal(modeAfter('Hangup'), null);
  });

  test('mute is On only while silent; the agent’s mute picks Mute or Unmute', () => {
    assert.equal(muteFlag('ListenIn'), 'On');
    assert.equal(muteFlag('Coach'), 'Off');
    assert.equal(muteFlag('BargeIn'), 'Off');
    assert.deepEqual(allowedOperations(established('BargeIn', { monitoredUserMuted: true })), [
      'SwitchToListenIn',
      'UnmuteMonitoredUser',
      'Hangup',
    ]);
  });

  test('ringing: Answer and Hangup, and a switch except in a SIP Cluster; released: nothing', () => {
    assert.deepEqual(allowedOperations({ ...established('ListenIn'), state: 'Ringing' }), [
      'Answer',
      'SwitchToBargeIn',
      'Hangup',
    ]);
    assert.deepEqual(allowedOperations({ ...established('ListenIn'), state: 'Ringing', sipCluster: true }), [
      'Answer',
      'Hangup',
    ]);
    assert.deepEqual(allowedOperations({ ...established('BargeIn'), state: 'Released' }), []);
    assert.deepEqual(supervisorCallCapabilities({ ...established('BargeIn'), state: 'Released' }), []);
  });

  test('capabilities: the ordinary call list plus the mode’s operations, each once', () => {
    const capabilities = supervisorCallCapabilities(established('ListenIn'));
    for (const name of [
      'AttachUserData',
      'Hold',
      'SingleStepTransfer',
      'RemoveParticipantFromConference',
      'SwitchToBargeIn',
      'MuteMonitoredUser',
      'Hangup',
    ]) {
      assert.ok(capabilities.includes(name), name);
    }
    assert.equal(capabilities.filter((name) => name === 'Hangup').length, 1);
    assert.ok(!capabilities.includes('SwitchToListenIn'));
    assert.ok(supervisorCallCapabilities({ ...established('ListenIn'), state: 'Ringing' }).includes('Answer'));
  });

  test('refusals say why', () => {
    assert.equal(refusalOf(established('ListenIn'), 'SwitchToBargeIn'), null);
    assert.match(refusalOf(established('ListenIn'), 'SwitchToListenIn') ?? '', /already in ListenIn/);
    assert.match(
      refusalOf({ ...established('ListenIn'), state: 'Ringing', sipCluster: true }, 'SwitchToBargeIn') ?? '',
      /SIP Cluster/,
    );
    assert.match(
      refusalOf({ ...established('ListenIn'), state: 'Ringing' }, 'SwitchToListenIn') ?? '',
      /already in ListenIn/,
    );
    assert.match(
      refusalOf({ ...established('ListenIn'), state: 'Ringing' }, 'MuteMonitoredUser') ?? '',
      /established call/,
    );
    assert.match(refusalOf(established('Coach'), 'MuteMonitoredUser') ?? '', /coaching/);
    assert.match(
      refusalOf(established('ListenIn', { monitoredUserMuted: true }), 'MuteMonitoredUser') ?? '',
      /already muted/,
    );
    assert.match(refusalOf(established('ListenIn'), 'UnmuteMonitoredUser') ?? '', /not muted/);
    assert.match(refusalOf(established('ListenIn'), 'Answer') ?? '', /already established/);
    assert.match(refusalOf({ ...established('ListenIn'), state: 'Released' }, 'Hangup') ?? '', /released/);
  });

  test('only BargeIn joins a call in progress, only with intrusion enabled, never in a SIP Cluster', () => {
    const joining: string[] = [];
    for (const mode of ['ListenIn', 'Coach', 'BargeIn'] as const)
      for (const intrusionEnabled of [false, true])
        for (const sipCluster of [false, true])
          if (joinsCallInProgress(mode, { intrusionEnabled, sipCluster }))
            joining.push(`${mode} intrusion=${intrusionEnabled} cluster=${sipCluster}`);
    assert.deepEqual(joining, ['BargeIn intrusion=true cluster=false']);
  });
});
