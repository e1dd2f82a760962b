// SIP Server's intrusion-enabled (gws-api.md §4.2, §4.8): on, a BargeIn subscription joins the agent's
// call in progress; off, it waits for the next call, as ListenIn and Coach always do. A SIP Cluster
// never intrudes.
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

async function intrusionEnabled(simulator: RunningSimulator): Promise<unknown> {
  return (await control(simulator.baseUrl, 'GET', '/voice')).json.intrusionEnabled;
}

describe('SIP Server intrusion-enabled', { timeout: 60_000 }, () => {
  let simulator: RunningSimulator;
  let supervisor: VoiceSupervisor;
  let ava: ControlUser;
  const customerCalls: string[] = [];

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor');
    ava = await controlUser(simulator, 'avasquez');
  });

  after(async () => {
    await supervisor?.close();
    await simulator?.stop();
  });

  afterEach(async () => {
    await control(simulator.baseUrl, 'POST', '/intrusion', { enabled: true });
    await control(simulator.baseUrl, 'POST', '/sip-cluster', { enabled: false });
    for (const id of customerCalls.splice(0)) await endCall(simulator, id).catch(() => undefined);
    await control(simulator.baseUrl, 'POST', `/agents/${ava.userName}/state`, { state: 'Ready' });
    await supervisor.monitor('CancelSupervisorMonitoring', null);
    await waitFor('no live monitoring call', async () =>
      (await voiceReport(simulator)).every((call) => call.state === 'Released'),
    );
  });

  async function callInProgress(): Promise<string> {
    const { id } = await startCall(simulator, ava);
    customerCalls.push(id);
    return id;
  }

  async function monitoredCallIds(): Promise<string[]> {
    return (await voiceReport(simulator)).map((call) => call.monitoredCallId);
  }

  test('on by default: BargeIn joins the call in progress at once; ListenIn and Coach wait for the next call', async () => {
    assert.equal(await intrusionEnabled(simulator), true);
    const inProgress = await callInProgress();
    for (const operationName of ['ListenIn', 'Coach']) {
      assert.equal((await supervisor.monitor(operationName, ava)).json?.statusCode, 0, operationName);
      assert.ok(!(await monitoredCallIds()).includes(inProgress), `${operationName} does not intrude`);
    }
    const from = supervisor.calls.length;
    assert.equal((await supervisor.monitor('BargeIn', ava)).json?.statusCode, 0);
    const ringing = await supervisor.nextCallEvent('the intrusion', (event) => event.call.state === 'Ringing', from);
    assert.equal(ringing.call.mute, 'Off');
    assert.equal((await voiceCall(simulator, ringing.call.id)).monitoredCallId, inProgress);
    await supervisor.established(ringing.call.id, from);
  });

  test('off: BargeIn waits for the next call, and joins that one barged in', async () => {
    assert.deepEqual((await control(simulator.baseUrl, 'POST', '/intrusion', { enabled: false })).json, {
      ok: true,
      enabled: false,
    });
    assert.equal(await intrusionEnabled(simulator), false);
    const inProgress = await callInProgress();
    const from = supervisor.calls.length;
    assert.equal((await supervisor.monitor('BargeIn', ava)).json?.statusCode, 0);
    assert.ok(!(await monitoredCallIds()).includes(inProgress), 'the call in progress is left alone');
    assert.equal(supervisor.calls.length, from, 'no call reached the supervisor');

    await endCall(simulator, inProgress);
    await control(simulator.baseUrl, 'POST', `/agents/${ava.userName}/state`, { state: 'Ready' });
    const next = await callInProgress();
    const ringing = await supervisor.nextCallEvent('the next call', (event) => event.call.state === 'Ringing', from);
    assert.equal(ringing.call.mute, 'Off');
    assert.equal((await voiceCall(simulator, ringing.call.id)).monitoredCallId, next);
    await supervisor.established(ringing.call.id, from);
  });

  test('a SIP Cluster never intrudes, even with intrusion-enabled on', async () => {
    await control(simulator.baseUrl, 'POST', '/sip-cluster', { enabled: true });
    assert.equal(await intrusionEnabled(simulator), true);
    const inProgress = await callInProgress();
    assert.equal((await supervisor.monitor('BargeIn', ava)).json?.statusCode, 0);
    assert.ok(!(await monitoredCallIds()).includes(inProgress));
  });

  test('the control API takes only a boolean', async () => {
    for (const body of [{}, { enabled: 'no' }, { enabled: true, colour: 'red' }]) {
      const response = await control(simulator.baseUrl, 'POST', '/intrusion', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof response.json.error, 'string');
    }
    assert.equal(await intrusionEnabled(simulator), true);
  });
});

describe('intrusion-enabled at start-up', { timeout: 60_000 }, () => {
  test('startSimulator({ intrusionEnabled: false }) starts with it off', async () => {
    const simulator = await startSimulator({ liveFloor: false, intrusionEnabled: false });
    try {
      assert.equal(await intrusionEnabled(simulator), false);
    } finally {
      await simulator.stop();
    }
  });
});
