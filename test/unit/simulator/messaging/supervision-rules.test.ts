import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canSee,
  canSwitch,
  isUnimplementedCapability,
  modeVisibility,
  rolesThatSee,
  supervisorCapabilities,
  supervisorModes,
  switchTargets,
} from '../../../../electron/simulator/messaging/supervision-rules';

describe('chat/SMS supervision rules', () => {
  test('capabilities are the seed-003 list with the switch entries of the mode, typo included', () => {
    assert.deepEqual(supervisorCapabilities('Monitor'), [
      'Leave',
      'SetInFocus',
      'SetDisposition',
      'AttachUserData',
      'DeleteUserData',
      'UpdateUserData',
      'Transfer',
      'Invite',
      'Consult',
      'SendToAgents',
      'SendStartTypingToAgentsNotification',
      'SendStopTypingToAgentsNotification',
      'SendMessage',
      'SendStartTypingNotification',
      'SendStopTypingNotification',
      'SwitchToCoach',
      'SwitchBargeIn',
    ]);
    assert.deepEqual(supervisorCapabilities('Coach').slice(-2), ['SwitchToMonitor', 'SwitchBargeIn']);
    assert.deepEqual(supervisorCapabilities('BargeIn').slice(-2), ['SwitchToMonitor', 'SwitchToCoach']);
  });

  test('a mode switches to each other mode and never to itself; operations are spelled SwitchTo…', () => {
    for (const from of supervisorModes) {
      for (const to of supervisorModes) assert.equal(canSwitch(from, to), from !== to, `${from} → ${to}`);
    }
    assert.deepEqual(switchTargets, { SwitchToMonitor: 'Monitor', SwitchToCoach: 'Coach', SwitchToBargeIn: 'BargeIn' });
    assert.equal(switchTargets.SwitchBargeIn, undefined);
  });

  test('visibility: Monitor → Supervisors, Coach → Agents, BargeIn → All; who may read what', () => {
    assert.deepEqual(modeVisibility, { Monitor: 'Supervisors', Coach: 'Agents', BargeIn: 'All' });
    assert.deepEqual(rolesThatSee('All'), ['customer', 'agent', 'supervisor']);
    assert.deepEqual(rolesThatSee('Agents'), ['agent', 'supervisor']);
    assert.deepEqual(rolesThatSee('Supervisors'), ['supervisor']);
    assert.equal(canSee('customer', 'Agents'), false);
    assert.equal(canSee('agent', 'Supervisors'), false);
  });

  test('capabilities the demo lists but does not carry out are told apart from unknown operations', () => {
    assert.equal(isUnimplementedCapability('Transfer'), true);
    assert.equal(isUnimplementedCapability('SwitchToCoach'), false);
    assert.equal(isUnimplementedCapability('Dance'), false);
  });
});
