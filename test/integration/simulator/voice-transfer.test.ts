// A monitored call transferred to another agent: Call scope follows it, Agent scope lets go.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { control, createCometd, disconnect, handshake, subscribe, waitFor, GwsTestClient } from './gws-test-client';
import {
  controlUser,
  endCall,
  startCall,
  voiceCall,
  VoiceSupervisor,
  type CallEvent,
  type ControlUser,
} from './voice-harness';

describe('voice monitoring through a transfer', { timeout: 60_000 }, () => {
  let simulator: RunningSimulator;
  let supervisor: VoiceSupervisor;
  let ava: ControlUser;
  let marcus: ControlUser;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor');
    ava = await controlUser(simulator, 'avasquez');
    marcus = await controlUser(simulator, 'mchen');
  });

  after(async () => {
    await supervisor?.close();
    await simulator?.stop();
  });

  async function monitoredCall(
    scope: 'Call' | 'Agent',
  ): Promise<{ customerCallId: string; callId: string; from: number }> {
    await control(simulator.baseUrl, 'POST', `/agents/${ava.userName}/state`, { state: 'Ready' });
    await control(simulator.baseUrl, 'POST', `/agents/${marcus.userName}/state`, { state: 'Ready' });
    assert.equal((await supervisor.monitor('ListenIn', ava, { supervisorMonitoringScope: scope })).json?.statusCode, 0);
    const from = supervisor.calls.length;
    const customerCall = await startCall(simulator, ava, { customerNumber: '+14155550177' });
    const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
    await supervisor.established(ringing.call.id, from);
    return { customerCallId: customerCall.id, callId: ringing.call.id, from };
  }

  test('Call scope: the supervisor stays on and sees the new agent; the first agent wraps up', async () => {
    const agent = new GwsTestClient(simulator.baseUrl);
    await agent.signIn({ userName: 'mchen', password: 'agent' });
    const agentCometd = createCometd(simulator.baseUrl, { cookie: agent.cookieHeader });
    const agentEvents: CallEvent[] = [];
    try {
      await handshake(agentCometd);
      await subscribe(agentCometd, '/v2/me/calls', (message) => agentEvents.push(message.data as CallEvent));
      const { customerCallId, callId } = await monitoredCall('Call');
      const mark = supervisor.calls.length;
      const transfer = await control(simulator.baseUrl, 'POST', `/interactions/${customerCallId}/transfer`, {
        toAgent: marcus.userName,
      });
      assert.equal(transfer.status, 200);

      const updated = await supervisor.nextCallEvent(
        'participants updated',
        (event) => event.notificationType === 'ParticipantsUpdated',
        mark,
      );
      assert.equal(updated.call.id, callId);
      assert.equal(updated.call.state, 'Established');
      assert.equal(updated.call.dnis, '5002');
      assert.deepEqual(
        updated.call.participants.map((participant) => participant.phoneNumber),
        ['+14155550177', '5002'],
      );
      const report = await voiceCall(simulator, callId);
      assert.equal(report.state, 'Established');
      assert.equal(report.agentId, marcus.id);
      assert.equal(report.monitoredCallId, customerCallId);
      assert.equal((await controlUser(simulator, 'avasquez')).state, 'AfterCallWork');
      const atNewAgent = await waitFor('the call at the new agent', () =>
        agentEvents.find((event) => event.call.id === customerCallId && event.call.state === 'Established'),
      );
      assert.equal(atNewAgent.call.dnis, '5002');

      await endCall(simulator, customerCallId);
      assert.deepEqual((await supervisor.callState(callId, 'Released', mark)).call.capabilities, []);
    } finally {
      await disconnect(agentCometd);
      await supervisor.monitor('CancelSupervisorMonitoring', null);
    }
  });

  test('Agent scope: the supervisor is released when the call leaves the agent', async () => {
    const { customerCallId, callId, from } = await monitoredCall('Agent');
    await control(simulator.baseUrl, 'POST', `/interactions/${customerCallId}/transfer`, { toAgent: marcus.id });
    const released = await supervisor.callState(callId, 'Released', from);
    assert.deepEqual(released.call.capabilities, []);
    assert.equal(released.call.dnis, '5002', 'the release names the agent the call went to');
    assert.match((await voiceCall(simulator, callId)).releaseReason ?? '', /Agent scope/);
    await waitFor(
      'the BYE at the phone',
      () => supervisor.phone!.calls.find((item) => item.callUuid === callId)?.endedBy === 'server',
    );
    const device = (await supervisor.rest.get(`/api/v2/me/devices/${supervisor.device.id}`)).json?.device as {
      supervisorMonitoringState?: { scope: string };
    };
    assert.equal(device.supervisorMonitoringState?.scope, 'Agent', 'AllCalls keeps watching the agent');
    await endCall(simulator, customerCallId);
    await supervisor.monitor('CancelSupervisorMonitoring', null);
  });

  test('transfer refusals: unknown call, a ringing call, the same agent, a logged-out agent', async () => {
    const unknown = await control(simulator.baseUrl, 'POST', '/interactions/NOSUCHCALL/transfer', { toAgent: 'mchen' });
    assert.equal(unknown.status, 404);
    await control(simulator.baseUrl, 'POST', `/agents/${ava.userName}/state`, { state: 'Ready' });
    const ringing = await startCall(simulator, ava, { ringMs: 60_000 });
    assert.equal(ringing.establishedAt, null);
    assert.equal(
      (await control(simulator.baseUrl, 'POST', `/interactions/${ringing.id}/transfer`, { toAgent: 'mchen' })).status,
      400,
    );
    await endCall(simulator, ringing.id);
    const live = await startCall(simulator, ava);
    assert.equal(
      (await control(simulator.baseUrl, 'POST', `/interactions/${live.id}/transfer`, { toAgent: 'avasquez' })).status,
      400,
    );
    assert.equal(
      (await control(simulator.baseUrl, 'POST', `/interactions/${live.id}/transfer`, { toAgent: 'lobrien' })).status,
      400,
    );
    assert.equal(
      (await control(simulator.baseUrl, 'POST', `/interactions/${live.id}/transfer`, { toAgent: 'nobody' })).status,
      404,
    );
    assert.equal((await control(simulator.baseUrl, 'POST', `/interactions/${live.id}/transfer`, {})).status, 400);
    await endCall(simulator, live.id);
  });
});
