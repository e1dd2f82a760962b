import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppState } from '../../../electron/common/models/app-state';
import type { Result } from '../../../electron/common/result';
import { createMainServices, type MainServices } from '../../../electron/main/main-services';
import { GwsApi } from '../../../electron/main/contact-center/gws-api';
import { HttpTransport } from '../../../electron/main/contact-center/http-transport';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { startMediaHostHarness, type MediaHostHarness } from '../media-host/media-host-harness';
import { callControl } from '../../support/simulator-control';
import { testPlatform } from '../../support/test-platform';
import { waitFor } from '../../support/wait-for';

interface RtpCount {
  packets: number;
  packetsWithEnergy: number;
}
interface SupervisorVoiceCall {
  monitoredCallId: string;
  state: string;
  rtpFromSupervisor: Record<'ListenIn' | 'Coach' | 'BargeIn', RtpCount>;
}

/**
 * The voice services of main (GWS supervision, SIP controller) against the demo contact center, with
 * the real media host page in Chromium playing the calls.
 */
describe('voice monitoring against the demo contact center', () => {
  let simulator: RunningSimulator;
  let harness: MediaHostHarness;
  let services: MainServices;
  const logger = createMemoryLogger();
  const { platform, remove: removePlatform } = testPlatform(logger);

  const state = (): AppState => services.store.getState();
  const invoke = (channel: string, payload: unknown) => services.invoke(channel, payload) as Promise<Result<unknown>>;
  const control = (method: string, path: string, body?: unknown) => callControl(simulator.baseUrl, method, path, body);
  const supervisorCall = async (monitoredCallId: string) =>
    ((await control('GET', '/voice')) as { calls: SupervisorVoiceCall[] }).calls.find(
      (call) => call.monitoredCallId === monitoredCallId,
    );
  /** An agent who is logged in and not on a call, so a new customer call can reach them. */
  const freeAgent = async (except: readonly string[] = []) => {
    const { agents } = (await control('GET', '/state')) as {
      agents: Array<{ id: string; state: string; interactions: Array<{ kind: string }> }>;
    };
    const free = agents.find(
      (agent) =>
        agent.state !== 'LoggedOut' &&
        !except.includes(agent.id) &&
        !agent.interactions.some((item) => item.kind === 'call'),
    );
    assert.ok(free, 'a free agent');
    return state().team.agents.find((agent) => agent.id === free.id)!;
  };
  const liveCall = () =>
    waitFor(
      'an established monitoring call with audio',
      () => state().voice.calls.find((call) => call.state === 'established' && call.audio.firstAudioAt !== null),
      30_000,
    );
  const subscriptionMode = (mode: string | null) =>
    waitFor(`the subscription to be ${mode ?? 'gone'}`, () =>
      (state().voice.subscription?.mode ?? null) === mode ? true : undefined,
    );

  before(async () => {
    // Its SIP Server ends a supervisor's monitoring after the phone is out of service for 1 s.
    simulator = await startSimulator({ liveFloor: false, seed: 11, monitoringOutOfServiceMs: 1_000 });
    harness = await startMediaHostHarness();
    services = createMainServices({
      logger,
      mediaHost: harness.link,
      mediaHostRestartsByItself: false,
      platform,
      teamRefresh: { requestsPerSecond: 10 },
    });
    const signedIn = await invoke('session:signIn', {
      server: { kind: 'gws', baseUrl: simulator.baseUrl },
      userName: simulator.demo.userName,
      password: simulator.demo.password,
      sip: simulator.demo.sip,
    });
    assert.equal(signedIn.ok, true);
    await waitFor('SIP registered', () => state().voice.sip.registration === 'registered', 30_000);
    await waitFor('the team', () => state().team.agents.length >= 10);
  });

  after(async () => {
    await services?.dispose();
    await harness?.close();
    await simulator?.stop();
    removePlatform();
  });

  test('listen in silently, barge in, back to silent, hang up; AllCalls brings the next call too', async () => {
    const agent = await freeAgent();
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
    await subscriptionMode('ListenIn');
    assert.equal(state().voice.subscription?.agentId, agent.id);

    const first = (await control('POST', `/agents/${agent.id}/calls`, { customerNumber: '+15550142' })) as {
      id: string;
    };
    const call = await liveCall();
    assert.equal(call.agentId, agent.id);
    assert.equal(call.customerNumber, '+15550142');
    assert.equal(call.audience, 'nobody');
    assert.deepEqual(call.switchTargets, ['BargeIn']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(
      (await supervisorCall(first.id))?.rtpFromSupervisor.ListenIn.packets,
      0,
      'no RTP leaves the machine in Listen',
    );
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, 0, 'the microphone is never opened in Listen');

    assert.equal((await invoke('voice:switchMode', { callId: call.id, mode: 'BargeIn' })).ok, true);
    await waitFor('barge-in with the microphone open', () => {
      const current = state().voice.calls[0];
      return current?.mode === 'BargeIn' && current.microphone === 'open' && current.audience === 'everyone';
    });
    await waitFor(
      'the supervisor heard at the simulator',
      async () => ((await supervisorCall(first.id))?.rtpFromSupervisor.BargeIn.packetsWithEnergy ?? 0) > 10,
    );

    assert.equal((await invoke('voice:switchMode', { callId: call.id, mode: 'ListenIn' })).ok, true);
    await waitFor('silent again', () => {
      const current = state().voice.calls[0];
      return current?.mode === 'ListenIn' && current.microphone === 'closed' && current.audience === 'nobody';
    });
    const probe = await harness.microphoneProbe();
    assert.ok(
      probe.trackStates.length > 0 && probe.trackStates.every((track) => track === 'ended'),
      'every microphone track is stopped',
    );

    assert.equal((await invoke('voice:hangUp', { callId: call.id })).ok, true);
    const ended = await waitFor('the call in the history', () =>
      state().voice.calls.length === 0
        ? state().history.items.find((item) => item.interactionId === call.id)
        : undefined,
    );
    assert.equal(ended.ending, 'you-hung-up');
    assert.equal(ended.otherParty, call.customerNumber);
    assert.deepEqual(
      ended.youDid.map((part) => part.activity),
      ['listened', 'barged-in'],
      'what the supervisor did, in the order they did it',
    );
    assert.ok(ended.youDid.reduce((sum, part) => sum + part.ms, 0) <= ended.lengthMs);
    assert.equal(state().voice.subscription?.mode, 'ListenIn', 'AllCalls keeps monitoring after a call');
    await control('DELETE', `/interactions/${first.id}`);

    const second = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    const next = await liveCall();
    assert.notEqual(next.id, call.id);
    await control('DELETE', `/interactions/${second.id}`);
    await waitFor('the customer hung up', () => state().voice.calls.length === 0);

    assert.equal((await invoke('voice:cancelMonitoring', {})).ok, true);
    await subscriptionMode(null);

    const audit = (await invoke('audit:list', {})) as Result<{
      entries: Array<{ kind: string; mode: string | null; agentId: string | null }>;
    }>;
    assert.ok(audit.ok);
    const kinds = audit.value.entries.map((entry) => `${entry.kind}:${entry.mode ?? ''}`).reverse();
    assert.deepEqual(
      kinds.filter(
        (kind) =>
          kind.startsWith('monitor') ||
          kind.startsWith('switch') ||
          kind.startsWith('hang') ||
          kind.startsWith('cancel'),
      ),
      ['monitor:ListenIn', 'switch:BargeIn', 'switch:ListenIn', 'hang-up:ListenIn', 'cancel:ListenIn'],
      'the audit trail has every action in order',
    );
  });

  test('NextCall ends monitoring after one call', async () => {
    const agent = await freeAgent();
    assert.equal(
      (await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn', frequency: 'NextCall' })).ok,
      true,
    );
    await waitFor('a NextCall subscription', () => state().voice.subscription?.frequency === 'NextCall');
    const customer = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    await liveCall();
    await control('DELETE', `/interactions/${customer.id}`);
    await waitFor('the call over', () => state().voice.calls.length === 0);
    await subscriptionMode(null);
  });

  test('Call scope follows a transfer; Agent scope releases the supervisor', async () => {
    const from = await freeAgent();
    const to = await freeAgent([from.id]);
    assert.equal((await invoke('voice:monitor', { agentId: from.id, mode: 'ListenIn', scope: 'Call' })).ok, true);
    await waitFor('a Call-scope subscription', () => state().voice.subscription?.scope === 'Call');
    const customer = (await control('POST', `/agents/${from.id}/calls`, {})) as { id: string };
    const call = await liveCall();
    await control('POST', `/interactions/${customer.id}/transfer`, { toAgent: to.id });
    await waitFor('the card to follow the call to the new agent', () => state().voice.calls[0]?.agentId === to.id);
    assert.equal(state().voice.calls[0]?.id, call.id);
    await control('DELETE', `/interactions/${customer.id}`);
    await waitFor('the call over', () => state().voice.calls.length === 0);
    await invoke('voice:cancelMonitoring', {});
    await subscriptionMode(null);

    assert.equal((await invoke('voice:monitor', { agentId: from.id, mode: 'ListenIn', scope: 'Agent' })).ok, true);
    await waitFor('an Agent-scope subscription', () => state().voice.subscription?.scope === 'Agent');
    const second = (await control('POST', `/agents/${from.id}/calls`, {})) as { id: string };
    const released = await liveCall();
    await control('POST', `/interactions/${second.id}/transfer`, { toAgent: to.id });
    await waitFor('the supervisor released on transfer', () => state().voice.calls.length === 0);
    const item = await waitFor('the call in the history', () =>
      state().history.items.find((candidate) => candidate.interactionId === released.id),
    );
    assert.deepEqual(
      [item.ending, item.transferredTo, item.agentName],
      ['transferred', to.displayName, from.displayName],
      'transferred to the new agent; the row keeps the agent the supervisor monitored',
    );
    await control('DELETE', `/interactions/${second.id}`);
    await invoke('voice:cancelMonitoring', {});
    await subscriptionMode(null);
  });

  test('SIP Cluster refusals reach the supervisor as errors with their reason', async () => {
    const agent = await freeAgent();
    await control('POST', '/sip-cluster', { enabled: true });
    try {
      const agentScope = await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn', scope: 'Agent' });
      assert.equal(agentScope.ok, false);
      assert.equal(!agentScope.ok && agentScope.error.code, 'gws-refused');
      assert.match(!agentScope.ok ? agentScope.error.message : '', /GWS status 3/);
      assert.equal(state().voice.subscriptionError?.code, 'gws-refused');
      const coach = await invoke('voice:monitor', { agentId: agent.id, mode: 'Coach' });
      assert.equal(coach.ok, false);
      assert.equal(state().voice.subscription, null);
    } finally {
      await control('POST', '/sip-cluster', { enabled: false });
    }
  });

  test('a call that is not this supervisor’s monitoring rings and is never answered by itself', async () => {
    assert.equal(state().voice.subscription, null);
    const mark = harness.mark();
    await control('POST', `/users/${simulator.demo.userName}/ring`, { from: '5000' });
    const ringing = await waitFor('the call ringing', () => state().voice.incoming[0]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(
      harness.events.slice(mark).some((event) => event.type === 'callState' && event.state === 'established'),
      false,
      'nothing answered it',
    );
    assert.equal(state().voice.calls.length, 0);
    assert.equal((await invoke('voice:declineIncoming', { callId: ringing.id })).ok, true);
    await waitFor('the ringing banner gone', () => state().voice.incoming.length === 0);
  });
  test('monitoring started in another client marks the agent it names, even a device Earshot never looked up', async () => {
    assert.equal(state().voice.subscription, null);
    const agent = await freeAgent();
    // Workspace, or another Earshot window: the same supervisor, its own GWS session.
    const otherClient = new GwsApi(
      new HttpTransport({ baseUrl: simulator.baseUrl, logger: createMemoryLogger() }),
      createMemoryLogger(),
    );
    const me = await otherClient.getMe({ subresources: 'devices', basicAuth: simulator.demo });
    assert.ok(me.ok);
    const ownDevice = me.value.devices?.[0];
    const agentUser = await otherClient.getUser(agent.id, 'devices');
    assert.ok(agentUser.ok);
    const agentDevice = agentUser.value.devices?.[0];
    assert.ok(ownDevice && agentDevice);
    const devicePath = `/api/v2/me/devices/${ownDevice.id}`;
    const started = await otherClient.operation(devicePath, {
      operationName: 'ListenIn',
      targetDeviceUri: agentDevice.uri ?? `${simulator.baseUrl}/api/v2/devices/${agentDevice.id}`,
      supervisorMonitoringScope: 'Call',
      supervisorMonitoringMode: 'AllCalls',
    });
    assert.equal(started.ok, true);
    try {
      await waitFor('the agent resolved and marked', () =>
        state().voice.subscription?.agentId === agent.id &&
        state().voice.monitoredAgents.some((entry) => entry.agentId === agent.id)
          ? true
          : undefined,
      );
      assert.equal(state().voice.subscription?.agentName, agent.displayName);
    } finally {
      await otherClient.operation(devicePath, { operationName: 'CancelSupervisorMonitoring' });
    }
    await subscriptionMode(null);
  });

  test('a monitoring request shows as outstanding from the click until GWS confirms it', async () => {
    const agent = await freeAgent();
    const statuses: string[] = [];
    const unsubscribe = services.store.subscribe((current) => {
      const status = current.voice.subscription?.status;
      if (status !== undefined && statuses.at(-1) !== status) statuses.push(status);
    });
    try {
      assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
      await subscriptionMode('ListenIn');
      await waitFor('confirmed', () => (state().voice.subscription?.status === 'waiting' ? true : undefined));
    } finally {
      unsubscribe();
    }
    assert.equal(statuses[0], 'requesting', `statuses: ${statuses.join(', ')}`);
    assert.equal((await invoke('voice:cancelMonitoring', {})).ok, true);
    await subscriptionMode(null);
  });
  test('hanging up in the real order (GWS first, the BYE, then Released) and a natural end log no fault', async () => {
    const agent = await freeAgent();
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
    await subscriptionMode('ListenIn');
    const mark = logger.records.length;
    const first = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    const call = await liveCall();
    assert.equal((await invoke('voice:hangUp', { callId: call.id })).ok, true);
    await waitFor('the card in history', () => state().voice.calls.length === 0);
    const released = await waitFor('released at the server', async () => {
      const supervisor = (await supervisorCall(first.id)) as
        { state: string; releaseReason: string | null } | undefined;
      return supervisor?.state === 'Released' ? supervisor : undefined;
    });
    assert.equal(released.releaseReason, 'the supervisor hung up');
    await control('DELETE', `/interactions/${first.id}`);

    const second = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    await liveCall();
    await control('DELETE', `/interactions/${second.id}`);
    await waitFor('the customer hung up', () => state().voice.calls.length === 0);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const noise = logger.records
      .slice(mark)
      .filter(
        (record) =>
          record.level === 'warn' ||
          record.level === 'error' ||
          /Hangup not carried out|could not|no call .* left to hang up/.test(record.message),
      );
    assert.deepEqual(
      noise.map((record) => record.message),
      [],
    );
    assert.equal((await invoke('voice:cancelMonitoring', {})).ok, true);
    await subscriptionMode(null);
  });
  test('a delayed-offer monitoring INVITE (as SIP Server sends) is answered receive-only and plays', async () => {
    const agent = await freeAgent();
    await control('POST', '/delayed-offer', { enabled: true });
    try {
      assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
      await subscriptionMode('ListenIn');
      const customerCall = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
      const call = await liveCall();
      assert.equal(call.audience, 'nobody');
      assert.equal((await supervisorCall(customerCall.id))?.state, 'Established');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal((await supervisorCall(customerCall.id))?.rtpFromSupervisor.ListenIn.packets, 0);
      assert.equal((await invoke('voice:hangUp', { callId: call.id })).ok, true);
      await waitFor('the card in history', () => state().voice.calls.length === 0);
      await control('DELETE', `/interactions/${customerCall.id}`);
      assert.equal((await invoke('voice:cancelMonitoring', {})).ok, true);
      await subscriptionMode(null);
    } finally {
      await control('POST', '/delayed-offer', { enabled: false });
    }
  });

  // Last: the network drop leaves Earshot "recently away" for a minute, when an end of monitoring is
  // taken for the server's doing rather than someone's choice.
  test('monitoring the server dropped while the network was away is asked for again, and a notice says so', async () => {
    const agent = await freeAgent();
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
    await subscriptionMode('ListenIn');

    await control('POST', '/network', { gws: 'down', sip: 'down' });
    await waitFor('the phone line down', () => state().voice.sip.registration !== 'registered', 30_000);
    await waitFor('the phone unregistered at the SIP server', async () =>
      ((await control('GET', '/sip')) as { registrations: unknown[] }).registrations.length === 0 ? true : undefined,
    );
    // Past the 1 s out of service, SIP Server has ended the monitoring.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await control('POST', '/network', { gws: 'up', sip: 'up' });
    services.networkChanged('network');

    await waitFor(
      'the notice that monitoring was started again',
      () => state().voice.subscriptionNotice?.message,
      60_000,
    );
    assert.match(
      state().voice.subscriptionNotice!.message,
      new RegExp(`monitoring of ${agent.displayName}; Earshot started it again`),
    );
    await subscriptionMode('ListenIn');
    assert.equal(state().voice.subscription?.agentId, agent.id);
    await waitFor('SIP registered again', () => state().voice.sip.registration === 'registered', 30_000);

    assert.equal((await invoke('voice:dismissSubscriptionNotice', {})).ok, true);
    assert.equal(state().voice.subscriptionNotice, null);
    assert.equal((await invoke('voice:cancelMonitoring', {})).ok, true);
    await subscriptionMode(null);
    assert.equal(state().voice.subscriptionNotice, null, 'a cancel the supervisor asked for is never resumed');
  });

  test('a Coach the server dropped while the network was away is not started again by itself; the notice says so', async () => {
    const agent = await freeAgent();
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'Coach' })).ok, true);
    await subscriptionMode('Coach');

    await control('POST', '/network', { gws: 'down', sip: 'down' });
    await waitFor('the phone unregistered at the SIP server', async () =>
      ((await control('GET', '/sip')) as { registrations: unknown[] }).registrations.length === 0 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await control('POST', '/network', { gws: 'up', sip: 'up' });
    services.networkChanged('network');

    await waitFor('the notice', () => state().voice.subscriptionNotice?.message, 60_000);
    assert.match(state().voice.subscriptionNotice!.message, /does not start a Coach or Barge in by itself/);
    assert.equal(state().voice.subscription, null, 'nobody will hear the supervisor on the next call');
    assert.equal((await invoke('voice:dismissSubscriptionNotice', {})).ok, true);
    await waitFor('SIP registered again', () => state().voice.sip.registration === 'registered', 30_000);
  });
});
