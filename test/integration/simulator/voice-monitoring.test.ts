// Voice supervision end to end at the wire: GWS REST + CometD for the supervisor, a raw SIP/WebSocket
// phone with werift media for the monitoring leg, and the control API for the customer's side.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { waitFor } from './gws-test-client';
import {
  controlUser,
  endCall,
  startCall,
  voiceCall,
  voiceReport,
  VoiceSupervisor,
  type ControlUser,
  type WireCall,
} from './voice-harness';

const ordinaryCapabilities = ['AttachUserData', 'Hold', 'SingleStepTransfer', 'InitiateTransfer', 'SendDtmf', 'Hangup'];

function assertCapabilities(call: WireCall, present: readonly string[], absent: readonly string[]): void {
  for (const name of present)
    assert.ok(call.capabilities.includes(name), `${name} should be in ${call.capabilities.join(',')}`);
  for (const name of absent)
    assert.ok(!call.capabilities.includes(name), `${name} should not be in ${call.capabilities.join(',')}`);
}

describe('voice monitoring: the supervisor’s call, its SIP leg and its modes', { timeout: 90_000 }, () => {
  let simulator: RunningSimulator;
  let supervisor: VoiceSupervisor;
  let ava: ControlUser;
  let marcus: ControlUser;
  let daniel: ControlUser;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor');
    ava = await controlUser(simulator, 'avasquez');
    marcus = await controlUser(simulator, 'mchen');
    daniel = await controlUser(simulator, 'dokafor');
  });

  after(async () => {
    await supervisor?.close();
    await simulator?.stop();
  });

  afterEach(async () => {
    // Each test leaves the floor as it found it: no customer calls, no subscription, phone answering.
    if (supervisor.phone) supervisor.phone.policy = 'answer';
    const state = (await supervisor.rest.get('/api/v2/me/devices?fields=*')).json as {
      devices: Array<{ supervisorMonitoringState?: unknown }>;
    };
    if (state.devices[0]?.supervisorMonitoringState) await supervisor.monitor('CancelSupervisorMonitoring', null);
    for (const agent of [ava, marcus, daniel]) {
      const user = await controlUser(simulator, agent.userName);
      const calls = (user as unknown as { interactions: Array<{ id: string; kind: string }> }).interactions.filter(
        (item) => item.kind === 'call',
      );
      for (const call of calls) await endCall(simulator, call.id);
    }
    await waitFor('no live monitoring call', async () =>
      (await voiceReport(simulator)).every((call) => call.state === 'Released'),
    );
  });

  test('ListenIn: Ringing, INVITE with the CallUUID, Established, BargeIn and back, mute the agent, Hangup', async () => {
    assert.deepEqual((await supervisor.monitor('ListenIn', ava, { supervisorMonitoringMode: 'AllCalls' })).json, {
      statusCode: 0,
    });
    const from = supervisor.calls.length;
    const customerCall = await startCall(simulator, ava, { customerNumber: '+14155550142' });
    assert.equal(typeof customerCall.establishedAt, 'number');

    const ringing = await supervisor.nextCallEvent(
      'the supervisor’s call ringing',
      (event) => event.call.state === 'Ringing',
      from,
    );
    const call = ringing.call;
    assert.equal(ringing.messageType, 'CallStateChangeMessage');
    assert.equal(ringing.notificationType, 'StatusChange');
    assert.equal(ringing.phoneNumber, '5005');
    assert.deepEqual(ringing.extensions, { WrapUpTime: 0, BusinessCall: 0 });
    assert.match(call.id, /^[0-9A-Z]{32}$/);
    assert.notEqual(call.id, customerCall.id);
    assert.equal(call.callUuid, call.id);
    assert.equal(call.callType, 'Inbound');
    assert.equal(call.ani, '+14155550142');
    assert.equal(call.dnis, '5001');
    assert.deepEqual(call.participants, [
      {
        e164Number: '+14155550142',
        formattedPhoneNumber: '+14155550142',
        phoneNumber: '+14155550142',
        digits: '14155550142',
      },
      { e164Number: '5001', formattedPhoneNumber: '5001', phoneNumber: '5001', digits: '5001' },
    ]);
    assert.equal(call.mute, 'On');
    assert.equal(call.monitoring, true);
    assert.equal(call.supervisorListeningIn, false);
    assert.equal(call.monitoredUserMuted, false);
    assert.equal(typeof call.duration, 'string');
    assert.equal(call.deviceUri, `${simulator.baseUrl}/api/v2/devices/${supervisor.device.id}`);
    assert.equal(call.uri, `${simulator.baseUrl}/api/v2/me/calls/${call.id}`);
    assert.equal(call.path, `/calls/${call.id}`);
    assertCapabilities(call, ['Answer', 'Hangup'], ['MuteMonitoredUser']);

    const phone = supervisor.phone!;
    const invite = await waitFor('the INVITE at the phone', () =>
      phone.calls.find((item) => item.callUuid === call.id),
    );
    assert.equal(invite.invite.method, 'INVITE');
    assert.match(invite.invite.headers.find((header) => header.name === 'Call-Info')?.value ?? '', /answer-after=0/);

    const established = await supervisor.established(call.id, from);
    assert.equal(established.mute, 'On');
    assertCapabilities(
      established,
      [...ordinaryCapabilities, 'SwitchToBargeIn', 'MuteMonitoredUser'],
      ['SwitchToListenIn', 'UnmuteMonitoredUser', 'Answer'],
    );
    const listed = (await supervisor.rest.get('/api/v2/me/calls?fields=*')).json as { calls: WireCall[] };
    assert.deepEqual(
      listed.calls.map((item) => [item.id, item.state, item.monitoring]),
      [[call.id, 'Established', true]],
    );
    assert.equal(((await supervisor.rest.get(`/api/v2/me/calls/${call.id}`)).json?.call as WireCall).mute, 'On');

    // The phone talks all along: the simulator files each packet under the mode the call is in.
    phone.startTalking(invite);
    await waitFor(
      'RTP counted under ListenIn',
      async () => (await voiceCall(simulator, call.id)).rtpFromSupervisor.ListenIn.packetsWithEnergy > 0,
    );

    let mark = supervisor.calls.length;
    assert.deepEqual((await supervisor.operate(call.id, 'SwitchToBargeIn')).json, { statusCode: 0 });
    const barging = (await supervisor.nextCallEvent('BargeIn', (event) => event.call.mute === 'Off', mark)).call;
    assert.equal(barging.state, 'Established');
    assertCapabilities(barging, ['SwitchToListenIn', 'MuteMonitoredUser', 'Hangup'], ['SwitchToBargeIn']);
    assert.equal((await voiceCall(simulator, call.id)).mode, 'BargeIn');
    await waitFor(
      'RTP counted under BargeIn',
      async () => (await voiceCall(simulator, call.id)).rtpFromSupervisor.BargeIn.packetsWithEnergy > 0,
    );
    const twice = await supervisor.operate(call.id, 'SwitchToBargeIn');
    assert.equal(twice.status, 400);
    assert.equal(twice.json?.statusCode, 2);

    mark = supervisor.calls.length;
    assert.deepEqual((await supervisor.operate(call.id, 'MuteMonitoredUser')).json, { statusCode: 0 });
    const muted = await supervisor.nextCallEvent(
      'agent muted',
      (event) => event.notificationType === 'MonitoredUserMutedStateChange',
      mark,
    );
    assert.equal(muted.call.monitoredUserMuted, true);
    assertCapabilities(muted.call, ['UnmuteMonitoredUser'], ['MuteMonitoredUser']);
    assert.equal((await supervisor.operate(call.id, 'MuteMonitoredUser')).json?.statusCode, 2);
    mark = supervisor.calls.length;
    await supervisor.operate(call.id, 'UnmuteMonitoredUser');
    const unmuted = await supervisor.nextCallEvent(
      'agent unmuted',
      (event) => event.notificationType === 'MonitoredUserMutedStateChange',
      mark,
    );
    assert.equal(unmuted.call.monitoredUserMuted, false);

    mark = supervisor.calls.length;
    assert.deepEqual((await supervisor.operate(call.id, 'SwitchToListenIn')).json, { statusCode: 0 });
    const listening = (await supervisor.nextCallEvent('back to ListenIn', (event) => event.call.mute === 'On', mark))
      .call;
    assertCapabilities(listening, ['SwitchToBargeIn'], ['SwitchToListenIn']);
    phone.stopTalking(invite);

    mark = supervisor.calls.length;
    assert.deepEqual((await supervisor.operate(call.id, 'Hangup')).json, { statusCode: 0 });
    const released = (await supervisor.callState(call.id, 'Released', mark)).call;
    assert.deepEqual(released.capabilities, []);
    await waitFor('the BYE at the phone', () => invite.endedBy === 'server');
    const report = await voiceCall(simulator, call.id);
    assert.equal(report.state, 'Released');
    assert.equal(report.supervisor, 'supervisor');
    assert.equal(report.agentId, ava.id);
    assert.equal(report.monitoredCallId, customerCall.id);
    for (const name of [
      'monitoredEstablishedAt',
      'inviteSentAt',
      'answeredAt',
      'dtlsConnectedAt',
      'firstRtpSentAt',
    ] as const) {
      assert.equal(typeof report.timings[name], 'number', name);
    }
    assert.equal(
      ((await supervisor.rest.get('/api/v2/me/calls?fields=*')).json as { calls: unknown[] }).calls.length,
      0,
    );
    assert.equal((await supervisor.operate(call.id, 'Hangup')).status, 404, 'a released call is gone');
    // AllCalls: hanging up leaves the subscription in place.
    const device = (await supervisor.rest.get(`/api/v2/me/devices/${supervisor.device.id}`)).json?.device as {
      supervisorMonitoringState?: { state: string };
    };
    assert.equal(device.supervisorMonitoringState?.state, 'ListenIn');
  });

  test('AllCalls: the customer hanging up releases the supervisor, and the agent’s next call is delivered again', async () => {
    await supervisor.monitor('ListenIn', ava);
    for (let round = 0; round < 2; round++) {
      const from = supervisor.calls.length;
      const customerCall = await startCall(simulator, ava);
      const ringing = await supervisor.nextCallEvent(
        `call ${round} ringing`,
        (event) => event.call.state === 'Ringing',
        from,
      );
      await supervisor.established(ringing.call.id, from);
      await endCall(simulator, customerCall.id);
      const released = await supervisor.callState(ringing.call.id, 'Released', from);
      assert.deepEqual(released.call.capabilities, []);
      await waitFor(
        'the BYE at the phone',
        () => supervisor.phone!.calls.find((item) => item.callUuid === ringing.call.id)?.endedBy === 'server',
      );
    }
    const device = (await supervisor.rest.get(`/api/v2/me/devices/${supervisor.device.id}`)).json?.device as {
      capabilities: string[];
    };
    assert.ok(device.capabilities.includes('CancelSupervisorMonitoring'));
  });

  test('NextCall: after the call the subscription ends by itself and the next call is not delivered', async () => {
    await supervisor.monitor('ListenIn', marcus, { supervisorMonitoringMode: 'NextCall' });
    const from = supervisor.calls.length;
    const devicesFrom = supervisor.devices.length;
    const first = await startCall(simulator, marcus);
    const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
    await supervisor.established(ringing.call.id, from);
    await endCall(simulator, first.id);
    await supervisor.callState(ringing.call.id, 'Released', from);
    const ended = await waitFor('the subscription to end', () =>
      supervisor.devices.slice(devicesFrom).find((device) => !device.supervisorMonitoringState),
    );
    assert.ok(!ended.capabilities.includes('CancelSupervisorMonitoring'));

    const second = await startCall(simulator, marcus);
    assert.ok(
      !(await voiceReport(simulator)).some((call) => call.monitoredCallId === second.id),
      'no monitoring of the second call',
    );
  });

  test('CancelSupervisorMonitoring leaves the call in progress; the customer hanging up ends it', async () => {
    await supervisor.monitor('ListenIn', ava);
    const from = supervisor.calls.length;
    const customerCall = await startCall(simulator, ava);
    const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
    await supervisor.established(ringing.call.id, from);
    assert.deepEqual((await supervisor.monitor('CancelSupervisorMonitoring', null)).json, { statusCode: 0 });
    assert.equal((await voiceCall(simulator, ringing.call.id)).state, 'Established');
    assert.equal(
      (await supervisor.operate(ringing.call.id, 'SwitchToBargeIn')).json?.statusCode,
      0,
      'still switchable',
    );
    await endCall(simulator, customerCall.id);
    await supervisor.callState(ringing.call.id, 'Released', from);
  });

  test('Coach is one-way: out to ListenIn or BargeIn, never back, and no muting the agent while coaching', async () => {
    await supervisor.monitor('Coach', ava);
    const from = supervisor.calls.length;
    await startCall(simulator, ava);
    const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
    assert.equal(ringing.call.mute, 'Off');
    const coaching = await supervisor.established(ringing.call.id, from);
    assert.equal(coaching.mute, 'Off');
    assertCapabilities(
      coaching,
      ['SwitchToListenIn', 'SwitchToBargeIn', 'Hangup'],
      ['MuteMonitoredUser', 'UnmuteMonitoredUser', 'SwitchToCoach'],
    );
    assert.equal((await voiceCall(simulator, coaching.id)).mode, 'Coach');
    const mute = await supervisor.operate(coaching.id, 'MuteMonitoredUser');
    assert.equal(mute.status, 400);
    assert.equal(mute.json?.statusCode, 2);

    let mark = supervisor.calls.length;
    await supervisor.operate(coaching.id, 'SwitchToListenIn');
    const listening = (await supervisor.nextCallEvent('ListenIn', (event) => event.call.mute === 'On', mark)).call;
    assertCapabilities(listening, ['SwitchToBargeIn', 'MuteMonitoredUser'], ['SwitchToListenIn', 'SwitchToCoach']);
    const backToCoach = await supervisor.operate(coaching.id, 'SwitchToCoach');
    assert.equal(backToCoach.status, 400);
    assert.equal(backToCoach.json?.statusCode, 1);

    mark = supervisor.calls.length;
    await supervisor.operate(coaching.id, 'SwitchToBargeIn');
    const barging = (await supervisor.nextCallEvent('BargeIn', (event) => event.call.mute === 'Off', mark)).call;
    assertCapabilities(barging, ['SwitchToListenIn'], ['SwitchToBargeIn', 'SwitchToCoach']);
    assert.equal((await voiceCall(simulator, coaching.id)).mode, 'BargeIn');
  });

  test('a second supervisor on the same agent is refused with statusCode 3', async () => {
    await supervisor.monitor('ListenIn', ava);
    const other = await VoiceSupervisor.signIn(simulator, 'jellis', { phone: false });
    try {
      for (const operationName of ['ListenIn', 'Coach', 'BargeIn']) {
        const clash = await other.monitor(operationName, ava);
        assert.equal(clash.status, 400, operationName);
        assert.equal(clash.json?.statusCode, 3, operationName);
        assert.match(String(clash.json?.statusMessage), /another supervisor/);
      }
      assert.equal((await other.monitor('ListenIn', marcus)).json?.statusCode, 0, 'another agent is fine');
      await other.monitor('CancelSupervisorMonitoring', null);
    } finally {
      await other.close();
    }
  });

  test('BargeIn joins a call already in progress; ListenIn waits for the next one', async () => {
    const inProgress = await startCall(simulator, daniel);
    await supervisor.monitor('ListenIn', daniel);
    assert.ok(
      !(await voiceReport(simulator)).some((call) => call.monitoredCallId === inProgress.id),
      'ListenIn does not intrude',
    );
    const from = supervisor.calls.length;
    await supervisor.monitor('BargeIn', daniel);
    const ringing = await supervisor.nextCallEvent('the intrusion', (event) => event.call.state === 'Ringing', from);
    assert.equal(ringing.call.mute, 'Off');
    assert.equal((await voiceCall(simulator, ringing.call.id)).monitoredCallId, inProgress.id);
    const barging = await supervisor.established(ringing.call.id, from);
    assertCapabilities(barging, ['SwitchToListenIn', 'MuteMonitoredUser'], ['SwitchToBargeIn']);
  });

  test('a ringing call: Answer is accepted, a switch is taken along, Hangup cancels the INVITE', async () => {
    const phone = supervisor.phone!;
    phone.policy = 'ring';
    await supervisor.monitor('ListenIn', ava);
    let from = supervisor.calls.length;
    await startCall(simulator, ava);
    const ringing = (await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from)).call;
    assertCapabilities(ringing, ['Answer', 'SwitchToBargeIn', 'Hangup'], ['MuteMonitoredUser']);
    const atPhone = await waitFor('the INVITE', () => phone.calls.find((item) => item.callUuid === ringing.id));
    assert.deepEqual((await supervisor.operate(ringing.id, 'Answer')).json, { statusCode: 0 });
    assert.equal((await voiceCall(simulator, ringing.id)).state, 'Ringing', 'the SIP answer is what connects');
    assert.equal((await supervisor.operate(ringing.id, 'MuteMonitoredUser')).json?.statusCode, 2);
    assert.deepEqual((await supervisor.operate(ringing.id, 'SwitchToBargeIn')).json, { statusCode: 0 });
    await phone.answer(atPhone);
    const established = await supervisor.established(ringing.id, from);
    assert.equal(established.mute, 'Off');
    assert.equal((await voiceCall(simulator, ringing.id)).mode, 'BargeIn');
    assert.equal((await supervisor.operate(ringing.id, 'Answer')).json?.statusCode, 2, 'already established');
    await supervisor.operate(ringing.id, 'Hangup');
    await supervisor.callState(ringing.id, 'Released', from);
    await endCall(simulator, (await voiceCall(simulator, ringing.id)).monitoredCallId);

    from = supervisor.calls.length;
    await startCall(simulator, ava);
    const next = (await supervisor.nextCallEvent('ringing again', (event) => event.call.state === 'Ringing', from))
      .call;
    const nextAtPhone = await waitFor('the second INVITE', () => phone.calls.find((item) => item.callUuid === next.id));
    assert.deepEqual((await supervisor.operate(next.id, 'Hangup')).json, { statusCode: 0 });
    assert.deepEqual((await supervisor.callState(next.id, 'Released', from)).call.capabilities, []);
    await waitFor('the CANCEL at the phone', () => nextAtPhone.state === 'cancelled');
  });

  test('a phone that declines, or none registered: the call goes Released with no capabilities', async () => {
    const phone = supervisor.phone!;
    phone.policy = { rejectWith: 603 };
    await supervisor.monitor('ListenIn', ava);
    let from = supervisor.calls.length;
    const first = await startCall(simulator, ava);
    const declined = (await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from)).call;
    assert.deepEqual((await supervisor.callState(declined.id, 'Released', from)).call.capabilities, []);
    assert.match((await voiceCall(simulator, declined.id)).releaseReason ?? '', /declined/);
    await endCall(simulator, first.id);
    await supervisor.monitor('CancelSupervisorMonitoring', null);

    const other = await VoiceSupervisor.signIn(simulator, 'jellis', { phone: false });
    try {
      await other.monitor('ListenIn', marcus);
      from = other.calls.length;
      await startCall(simulator, marcus);
      const ringing = (await other.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from)).call;
      const released = (await other.callState(ringing.id, 'Released', from)).call;
      assert.deepEqual(released.capabilities, []);
      assert.match((await voiceCall(simulator, ringing.id)).releaseReason ?? '', /no registered phone/);
      await other.monitor('CancelSupervisorMonitoring', null);
    } finally {
      await other.close();
    }
  });

  test('the supervisor hanging up on the phone (BYE) releases the call', async () => {
    await supervisor.monitor('ListenIn', ava);
    const from = supervisor.calls.length;
    await startCall(simulator, ava);
    const ringing = (await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from)).call;
    await supervisor.established(ringing.id, from);
    const atPhone = supervisor.phone!.calls.find((item) => item.callUuid === ringing.id)!;
    assert.equal(await supervisor.phone!.hangUp(atPhone), 200);
    assert.deepEqual((await supervisor.callState(ringing.id, 'Released', from)).call.capabilities, []);
  });

  test('operations on calls that are not a monitoring call, and bad bodies', async () => {
    const unknown = await supervisor.operate('NOSUCHCALL00000000000000000000AA', 'Hangup');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json?.statusCode, 6);
    await supervisor.monitor('ListenIn', ava);
    const from = supervisor.calls.length;
    await startCall(simulator, ava);
    const call = (await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from)).call;
    await supervisor.established(call.id, from);
    const hold = await supervisor.operate(call.id, 'Hold');
    assert.equal(hold.status, 400);
    assert.equal(hold.json?.statusCode, 1);
    const garbage = await supervisor.rest.post(`/api/v2/me/calls/${call.id}`, undefined, {
      rawBody: '{"operationName":',
    });
    assert.equal(garbage.status, 400);
    assert.equal(garbage.json?.statusCode, 1);
    const noCsrf = await supervisor.rest.post(
      `/api/v2/me/calls/${call.id}`,
      { operationName: 'Hangup' },
      { csrf: false },
    );
    assert.equal(noCsrf.status, 403);
    assert.equal((await voiceCall(simulator, call.id)).state, 'Established');
  });
});
