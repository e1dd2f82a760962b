// SIP Cluster with routing-point monitoring (seed 004): Call scope only, no Coach, switching only
// once established, no intrusion into calls in progress or already queued.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { control, waitFor } from './gws-test-client';
import {
  controlUser,
  endCall,
  startCall,
  voiceCall,
  voiceReport,
  VoiceSupervisor,
  type ControlUser,
} from './voice-harness';

describe('voice monitoring in SIP Cluster mode', { timeout: 60_000 }, () => {
  let simulator: RunningSimulator;
  let supervisor: VoiceSupervisor;
  let ava: ControlUser;
  const customerCalls: string[] = [];

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor');
    ava = await controlUser(simulator, 'avasquez');
    const enabled = await control(simulator.baseUrl, 'POST', '/sip-cluster', { enabled: true });
    assert.deepEqual(enabled.json, { ok: true, enabled: true });
  });

  after(async () => {
    await supervisor?.close();
    await simulator?.stop();
  });

  afterEach(async () => {
    supervisor.phone!.policy = 'answer';
    for (const id of customerCalls.splice(0)) await endCall(simulator, id).catch(() => undefined);
    const device = (await supervisor.rest.get(`/api/v2/me/devices/${supervisor.device.id}`)).json?.device as {
      supervisorMonitoringState?: unknown;
    };
    if (device.supervisorMonitoringState) await supervisor.monitor('CancelSupervisorMonitoring', null);
    await waitFor('no live monitoring call', async () =>
      (await voiceReport(simulator)).every((call) => call.state === 'Released'),
    );
  });

  async function call(body: Record<string, unknown> = {}): Promise<{ id: string; establishedAt: number | null }> {
    const started = await startCall(simulator, ava, body);
    customerCalls.push(started.id);
    return started;
  }

  test('Agent scope and Coach are refused with statusCode 3 and a reason', async () => {
    const agentScope = await supervisor.monitor('ListenIn', ava, { supervisorMonitoringScope: 'Agent' });
    assert.equal(agentScope.status, 400);
    assert.equal(agentScope.json?.statusCode, 3);
    assert.match(String(agentScope.json?.statusMessage), /Only Call scope is supported in a SIP Cluster/);
    const coach = await supervisor.monitor('Coach', ava);
    assert.equal(coach.status, 400);
    assert.equal(coach.json?.statusCode, 3);
    assert.match(String(coach.json?.statusMessage), /Coaching is not supported in a SIP Cluster/);
    assert.equal(
      (await supervisor.monitor('ListenIn', ava, { supervisorMonitoringScope: 'Call' })).json?.statusCode,
      0,
    );
    assert.equal((await supervisor.monitor('BargeIn', ava)).json?.statusCode, 0);
  });

  test('switching is refused with statusCode 2 until the call is established, then allowed', async () => {
    const phone = supervisor.phone!;
    phone.policy = 'ring';
    await supervisor.monitor('ListenIn', ava);
    const from = supervisor.calls.length;
    await call();
    const ringing = (await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from)).call;
    assert.ok(!ringing.capabilities.includes('SwitchToBargeIn'));
    const early = await supervisor.operate(ringing.id, 'SwitchToBargeIn');
    assert.equal(early.status, 400);
    assert.equal(early.json?.statusCode, 2);
    assert.match(String(early.json?.statusMessage), /only once the call is established/);

    await phone.answer(await waitFor('the INVITE', () => phone.calls.find((item) => item.callUuid === ringing.id)));
    const established = await supervisor.established(ringing.id, from);
    assert.ok(established.capabilities.includes('SwitchToBargeIn'));
    const mark = supervisor.calls.length;
    assert.deepEqual((await supervisor.operate(ringing.id, 'SwitchToBargeIn')).json, { statusCode: 0 });
    await supervisor.nextCallEvent('BargeIn', (event) => event.call.mute === 'Off', mark);
    assert.deepEqual((await supervisor.operate(ringing.id, 'SwitchToListenIn')).json, { statusCode: 0 });
  });

  test('no intrusion: BargeIn does not join a call in progress, only the next one', async () => {
    const inProgress = await call();
    const from = supervisor.calls.length;
    await supervisor.monitor('BargeIn', ava);
    assert.ok(!(await voiceReport(simulator)).some((item) => item.monitoredCallId === inProgress.id));
    await endCall(simulator, inProgress.id);
    await control(simulator.baseUrl, 'POST', `/agents/${ava.userName}/state`, { state: 'Ready' });
    const next = await call();
    const ringing = await supervisor.nextCallEvent('the next call', (event) => event.call.state === 'Ringing', from);
    assert.equal(ringing.call.mute, 'Off');
    assert.equal((await voiceCall(simulator, ringing.call.id)).monitoredCallId, next.id);
    await supervisor.established(ringing.call.id, from);
  });

  test('a call already queued when the subscription is made is not monitored', async () => {
    const queued = await call({ ringMs: 300 });
    assert.equal(queued.establishedAt, null);
    await supervisor.monitor('ListenIn', ava);
    await waitFor('the queued call to reach the agent', async () => {
      const agent = (await control(simulator.baseUrl, 'GET', '/state')).json as unknown as {
        agents: Array<{ userName: string; interactions: Array<{ id: string; state: string }> }>;
      };
      return agent.agents
        .find((item) => item.userName === ava.userName)
        ?.interactions.some((item) => item.id === queued.id && item.state === 'Established');
    });
    assert.ok(!(await voiceReport(simulator)).some((item) => item.monitoredCallId === queued.id));
  });

  test('with the mode off again, a call in progress is joined by BargeIn', async () => {
    assert.deepEqual((await control(simulator.baseUrl, 'POST', '/sip-cluster', { enabled: false })).json, {
      ok: true,
      enabled: false,
    });
    try {
      const inProgress = await call();
      const from = supervisor.calls.length;
      await supervisor.monitor('BargeIn', ava);
      const ringing = await supervisor.nextCallEvent('the intrusion', (event) => event.call.state === 'Ringing', from);
      assert.equal((await voiceCall(simulator, ringing.call.id)).monitoredCallId, inProgress.id);
      await supervisor.established(ringing.call.id, from);
    } finally {
      await control(simulator.baseUrl, 'POST', '/sip-cluster', { enabled: true });
    }
  });
});
