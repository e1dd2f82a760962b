// The voice side of startSimulator and the control API: SIP accounts, registrations, reports,
// customer calls on demand, restart keeping SIP, and the live floor feeding a watched agent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { control, waitFor } from './gws-test-client';
import { TestSipPhone } from './sip-test-phone';
import { controlUser, endCall, startCall, voiceCall, VoiceSupervisor } from './voice-harness';

interface SipReport {
  running: boolean;
  webSocketUrl: string;
  domain: string;
  registrations: Array<{ user: string; userName: string | null }>;
}

describe('simulator voice wiring and control API', { timeout: 60_000 }, () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
  });

  after(async () => {
    await simulator?.stop();
  });

  test('the SIP endpoint and the demo supervisor’s SIP account', () => {
    assert.match(simulator.sip.webSocketUrl, /^ws:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(new URL(simulator.sip.webSocketUrl).port, new URL(simulator.baseUrl).port);
    assert.equal(simulator.sip.domain, 'demo.earshot.local');
    assert.deepEqual(simulator.demo.sip, {
      webSocketUrl: simulator.sip.webSocketUrl,
      sipUri: 'sip:5005@demo.earshot.local',
      authorizationUser: '5005',
      password: 'sip-5005',
    });
  });

  test('GET /control/sip lists registrations; agents have accounts too; a wrong password is refused', async () => {
    const before = (await control(simulator.baseUrl, 'GET', '/sip')).json as unknown as SipReport;
    assert.equal(before.running, true);
    assert.equal(before.webSocketUrl, simulator.sip.webSocketUrl);
    assert.deepEqual(before.registrations, []);
    const agentPhone = await TestSipPhone.register({
      webSocketUrl: simulator.sip.webSocketUrl,
      user: '5001',
      password: 'sip-5001',
      domain: simulator.sip.domain,
    });
    try {
      const report = (await control(simulator.baseUrl, 'GET', '/sip')).json as unknown as SipReport;
      assert.deepEqual(report.registrations, [{ user: '5001', userName: 'avasquez' }]);
      await assert.rejects(
        TestSipPhone.register({
          webSocketUrl: simulator.sip.webSocketUrl,
          user: '5005',
          password: 'demo',
          domain: simulator.sip.domain,
        }),
        /REGISTER answered 403/,
      );
    } finally {
      await agentPhone.close();
    }
    await waitFor(
      'the registration to go with its WebSocket',
      async () =>
        ((await control(simulator.baseUrl, 'GET', '/sip')).json as unknown as SipReport).registrations.length === 0,
    );
  });

  test('POST /control/agents/{agent}/calls: rings for ringMs, then is established; bad input is 400', async () => {
    const agent = await controlUser(simulator, 'hkowalski');
    const ringing = await startCall(simulator, agent, { ringMs: 50, customerNumber: '14155550101' });
    assert.equal(ringing.establishedAt, null);
    await waitFor('the call to be established', async () => {
      const user = (await controlUser(simulator, 'hkowalski')) as unknown as {
        interactions: Array<{ id: string; state: string; customer: { phoneNumber: string } }>;
      };
      const call = user.interactions.find((item) => item.id === ringing.id);
      return call?.state === 'Established' && call.customer.phoneNumber === '14155550101';
    });
    const busy = await control(simulator.baseUrl, 'POST', '/agents/hkowalski/calls', {});
    assert.equal(busy.status, 400);
    assert.match(String(busy.json.error), /already on a call/);
    await endCall(simulator, ringing.id);
    const cases: Array<[string, unknown, number]> = [
      ['/agents/hkowalski/calls', { ringMs: -1 }, 400],
      ['/agents/hkowalski/calls', { customerNumber: 'call me' }, 400],
      ['/agents/hkowalski/calls', { colour: 'red' }, 400],
      ['/agents/lobrien/calls', {}, 400],
      ['/agents/nobody/calls', {}, 404],
      ['/sip-cluster', { enabled: 'yes' }, 400],
      ['/sip-cluster', {}, 400],
      ['/intrusion', { enabled: 'yes' }, 400],
    ];
    for (const [path, body, status] of cases) {
      const response = await control(simulator.baseUrl, 'POST', path, body);
      assert.equal(response.status, status, `${path} ${JSON.stringify(body)}`);
      assert.equal(typeof response.json.error, 'string');
    }
    const voice = (await control(simulator.baseUrl, 'GET', '/voice')).json;
    assert.deepEqual(voice, { sipCluster: false, intrusionEnabled: true, calls: [] });
  });

  test('a GWS restart keeps the SIP registration; the next monitored call still reaches the phone', async () => {
    const agent = await controlUser(simulator, 'slindqvist');
    const phone = await TestSipPhone.register({
      webSocketUrl: simulator.demo.sip.webSocketUrl,
      user: simulator.demo.sip.authorizationUser,
      password: simulator.demo.sip.password,
      domain: simulator.sip.domain,
    });
    try {
      await simulator.restart(50);
      const report = (await control(simulator.baseUrl, 'GET', '/sip')).json as unknown as SipReport;
      assert.deepEqual(
        report.registrations.map((item) => item.user),
        ['5005'],
      );

      const supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor', { phone: false });
      try {
        await supervisor.monitor('ListenIn', agent);
        const from = supervisor.calls.length;
        const customerCall = await startCall(simulator, agent);
        const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
        await supervisor.callState(ringing.call.id, 'Established', from);
        const atPhone = await waitFor('the INVITE', () =>
          phone.calls.find((item) => item.callUuid === ringing.call.id),
        );
        await phone.mediaConnected(atPhone);
        await waitFor(
          'DTLS up',
          async () => (await voiceCall(simulator, ringing.call.id)).timings.dtlsConnectedAt !== null,
        );
        await endCall(simulator, customerCall.id);
        await supervisor.callState(ringing.call.id, 'Released', from);
        await supervisor.monitor('CancelSupervisorMonitoring', null);
      } finally {
        await supervisor.close();
      }
    } finally {
      await phone.close();
    }
  });
});

describe('the live floor with a watched agent', { timeout: 60_000 }, () => {
  test('a watched agent gets calls by itself and the supervisor is delivered one', async () => {
    const simulator = await startSimulator({ seed: 11 });
    try {
      const supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor');
      try {
        const state = (await control(simulator.baseUrl, 'GET', '/state')).json as unknown as {
          agents: Array<{ userName: string; state: string; interactions: Array<{ kind: string }> }>;
        };
        const idle = state.agents.find(
          (agent) => agent.state === 'Ready' && !agent.interactions.some((item) => item.kind === 'call'),
        );
        assert.ok(idle, 'an idle Ready agent on the opening floor');
        const agent = await controlUser(simulator, idle.userName);
        await supervisor.monitor('ListenIn', agent);
        const delivered = await waitFor(
          'a monitoring call from the live floor',
          () => supervisor.calls.find((event) => event.call.state === 'Ringing'),
          30_000,
        );
        assert.equal(delivered.call.dnis, agent.phoneNumber);
        await supervisor.established(delivered.call.id);
      } finally {
        await supervisor.close();
      }
    } finally {
      await simulator.stop();
    }
  });
});
