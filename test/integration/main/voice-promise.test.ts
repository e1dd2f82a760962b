// Each way issue 8 found to be heard while the screen said otherwise, reproduced against the demo
// contact center with the real media host page in Chromium, and shown closed: the simulator counts
// the RTP the supervisor's phone sends per leg and mode, and the page counts getUserMedia calls.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Agent } from '../../../electron/common/models/agent';
import type { AppState } from '../../../electron/common/models/app-state';
import type { MonitoredCall } from '../../../electron/common/models/voice';
import type { Result } from '../../../electron/common/result';
import { createMainServices, type MainServices } from '../../../electron/main/main-services';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { trayState } from '../../../electron/main/state/tray-state';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { startMediaHostHarness, type MediaHostHarness } from '../media-host/media-host-harness';
import { callControl } from '../../support/simulator-control';
import { testPlatform } from '../../support/test-platform';
import { waitFor } from '../../support/wait-for';

interface RtpCount {
  packets: number;
  packetsWithEnergy: number;
}
interface SimulatorVoiceCall {
  id: string;
  monitoredCallId: string;
  mode: string;
  state: string;
  rtpFromSupervisor: Record<'ListenIn' | 'Coach' | 'BargeIn', RtpCount>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('nobody hears the supervisor unless they chose it (issue 8, against the demo)', { timeout: 240_000 }, () => {
  let simulator: RunningSimulator;
  let harness: MediaHostHarness;
  let services: MainServices;
  const logger = createMemoryLogger();
  const { platform, remove: removePlatform } = testPlatform(logger);
  const customers: string[] = [];

  const state = (): AppState => services.store.getState();
  const invoke = (channel: string, payload: unknown) => services.invoke(channel, payload) as Promise<Result<unknown>>;
  const control = (method: string, path: string, body?: unknown) => callControl(simulator.baseUrl, method, path, body);
  const simulatorCall = async (monitoredCallId: string) =>
    ((await control('GET', '/voice')) as { calls: SimulatorVoiceCall[] }).calls.find(
      (call) => call.monitoredCallId === monitoredCallId && call.state !== 'Released',
    ) ??
    ((await control('GET', '/voice')) as { calls: SimulatorVoiceCall[] }).calls.find(
      (call) => call.monitoredCallId === monitoredCallId,
    );
  const card = (): MonitoredCall | undefined => state().voice.calls[0];

  /** Every indicator of who hears the supervisor, as main derives them. */
  const indicators = (agentId: string) => ({
    card: card()?.audience ?? null,
    row: state().voice.monitoredAgents.find((entry) => entry.agentId === agentId)?.audience ?? null,
    header: state().voice.audience,
    tray: trayState(state()).status,
  });

  async function freeAgent(): Promise<Agent> {
    const { agents } = (await control('GET', '/state')) as {
      agents: Array<{ id: string; state: string; interactions: Array<{ kind: string }> }>;
    };
    const free = agents.find(
      (agent) => agent.state !== 'LoggedOut' && !agent.interactions.some((item) => item.kind === 'call'),
    );
    assert.ok(free, 'a free agent');
    return state().team.agents.find((agent) => agent.id === free.id)!;
  }

  /** Monitors a free agent in ListenIn and brings a customer call: the card is up, audio playing. */
  async function listeningIn(): Promise<{ agent: Agent; customerCallId: string; call: MonitoredCall }> {
    const agent = await freeAgent();
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
    await waitFor('the subscription confirmed', () => state().voice.subscription?.status === 'waiting');
    const customer = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    customers.push(customer.id);
    const call = await waitFor(
      'an established call with audio',
      () => state().voice.calls.find((item) => item.state === 'established' && item.audio.firstAudioAt !== null),
      30_000,
    );
    return { agent, customerCallId: customer.id, call };
  }

  async function bargeIn(callId: string): Promise<void> {
    assert.equal((await invoke('voice:switchMode', { callId, mode: 'BargeIn' })).ok, true);
    await waitFor('barged in, the microphone sending', () =>
      card()?.microphone === 'open' && card()?.mode === 'BargeIn' ? true : undefined,
    );
  }

  /** Waits until the supervisor's RTP toward the simulator stops growing, and returns the counts. */
  async function settledRtp(customerCallId: string): Promise<Record<string, RtpCount>> {
    let previous = JSON.stringify((await simulatorCall(customerCallId))?.rtpFromSupervisor);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await sleep(300);
      const now = JSON.stringify((await simulatorCall(customerCallId))?.rtpFromSupervisor);
      if (now === previous) return JSON.parse(now) as Record<string, RtpCount>;
      previous = now;
    }
    throw new Error('the supervisor kept sending');
  }

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, seed: 23 });
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

  beforeEach(async () => {
    // Each test starts with no subscription, no card and no customer call left over.
    for (const id of customers.splice(0)) await control('DELETE', `/interactions/${id}`).catch(() => undefined);
    if (state().voice.subscription) await invoke('voice:cancelMonitoring', {});
    await waitFor('a quiet board', () =>
      state().voice.calls.length === 0 && state().voice.subscription === null ? true : undefined,
    );
    await harness.denyMicrophone(false);
  });

  after(async () => {
    for (const id of customers) await control('DELETE', `/interactions/${id}`).catch(() => undefined);
    await services?.dispose();
    await harness?.close();
    await simulator?.stop();
    removePlatform();
  });

  test('2: a second INVITE for the call is refused, whatever its Call-ID; Listen then silences the only leg', async () => {
    const { agent, customerCallId, call } = await listeningIn();
    await bargeIn(call.id);
    const server = await simulatorCall(customerCallId);
    assert.ok(server);
    const sameCallId = (await control('POST', `/voice/calls/${server.id}/invite`, { sameCallId: true })) as {
      status: number;
    };
    assert.equal(sameCallId.status, 482, 'a Call-ID already known is refused (Loop Detected)');
    const newCallId = (await control('POST', `/voice/calls/${server.id}/invite`, { sameCallId: false })) as {
      status: number;
    };
    assert.equal(newCallId.status, 486, 'a second leg for the same call is refused');
    assert.equal(state().voice.calls.length, 1);

    assert.equal((await invoke('voice:switchMode', { callId: call.id, mode: 'ListenIn' })).ok, true);
    await waitFor('silent again', () =>
      card()?.microphone === 'closed' && card()?.mode === 'ListenIn' ? true : undefined,
    );
    const settled = await settledRtp(customerCallId);
    await sleep(1_000);
    assert.deepEqual((await simulatorCall(customerCallId))?.rtpFromSupervisor, settled, 'no leg sends any more');
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
  });

  test('3: GWS switching the call to ListenIn during Barge in closes the microphone; a Barge in from outside keeps it closed', async () => {
    const { agent, customerCallId, call } = await listeningIn();
    await bargeIn(call.id);
    const server = await simulatorCall(customerCallId);
    await control('POST', `/voice/calls/${server!.id}/mode`, { mode: 'ListenIn' });
    await waitFor('the microphone closed by the server’s change', () =>
      card()?.microphone === 'closed' && card()?.mode === 'ListenIn' ? true : undefined,
    );
    // The server switched while the supervisor's voice was on its way; what it received before
    // Earshot heard of the switch it counts as ListenIn (a real SIP Server drops it from the mix).
    const atClosed = (await simulatorCall(customerCallId))?.rtpFromSupervisor.ListenIn?.packetsWithEnergy ?? 0;
    assert.match(card()?.error?.message ?? '', /Genesys switched this call to Listen/);
    const probe = await harness.microphoneProbe();
    assert.ok(
      probe.trackStates.every((track) => track === 'ended'),
      'every track ended',
    );
    const settled = await settledRtp(customerCallId);
    // Once Earshot has closed the microphone nothing with sound follows, but the one packet that was
    // already on the wire.
    assert.ok(
      (settled.ListenIn?.packetsWithEnergy ?? 0) - atClosed <= 1,
      `nothing with sound after the microphone closed (${atClosed} before, ${settled.ListenIn?.packetsWithEnergy ?? 0} settled)`,
    );
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });

    const asked = probe.getUserMediaCalls;
    await control('POST', `/voice/calls/${server!.id}/mode`, { mode: 'BargeIn' });
    await waitFor('the outside Barge in shown', () => (card()?.modeChangedOutside ? true : undefined));
    await sleep(800);
    assert.equal(card()?.microphone, 'closed');
    assert.equal(card()?.canTalk, true);
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, asked, 'no microphone asked for');
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
  });

  test('4: a microphone that cannot open keeps everything silent and the server in ListenIn', async () => {
    const { agent, customerCallId, call } = await listeningIn();
    await harness.denyMicrophone(true);
    assert.equal((await invoke('voice:switchMode', { callId: call.id, mode: 'BargeIn' })).ok, true);
    await waitFor('the failure on the card', () => (card()?.error ? card() : undefined));
    assert.match(card()?.error?.message ?? '', /did not open.*Nobody hears you/s);
    assert.equal(card()?.mode, 'ListenIn');
    assert.equal(card()?.pendingCommand, null);
    assert.equal((await simulatorCall(customerCallId))?.mode, 'ListenIn', 'GWS was never moved');
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
    assert.equal(
      state().voice.monitoredAgents.find((entry) => entry.agentId === agent.id)?.mode,
      'ListenIn',
      'the row does not say Barged in',
    );
  });

  test('5: after Barge in and back, card, row, header and tray agree each time', async () => {
    const { agent, call } = await listeningIn();
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
    for (let round = 0; round < 2; round += 1) {
      await bargeIn(call.id);
      assert.deepEqual(indicators(agent.id), { card: 'everyone', row: 'everyone', header: 'everyone', tray: 'live' });
      assert.equal(state().voice.monitoredAgents.find((entry) => entry.agentId === agent.id)?.mode, 'BargeIn');
      assert.equal((await invoke('voice:switchMode', { callId: call.id, mode: 'ListenIn' })).ok, true);
      await waitFor('silent again', () =>
        card()?.mode === 'ListenIn' && card()?.pendingCommand === null ? true : undefined,
      );
      assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
    }
  });

  test('6: closing the audio window ends the call on both sides within 2 s; reopening resumes monitoring', async () => {
    const { agent, customerCallId, call } = await listeningIn();
    await bargeIn(call.id);
    const closedAt = Date.now();
    await harness.closePage();
    await waitFor('the card gone', () => (state().voice.calls.length === 0 ? true : undefined), 2_000);
    const ended = await waitFor('the call in the history with the reason', () =>
      state().history.items.find((item) => item.interactionId === call.id),
    );
    assert.equal(ended.ending, 'audio-lost');
    assert.match(ended.endingDetail ?? '', /audio window was closed/);
    await waitFor('GWS released the call', async () =>
      (await simulatorCall(customerCallId))?.state === 'Released' ? true : undefined,
    );
    assert.ok(Date.now() - closedAt < 2_000 + 1_000, 'told within two seconds (plus the poll)');
    assert.equal(state().voice.subscription?.status, 'paused');
    assert.equal(state().voice.audioEngine.status, 'lost');
    assert.equal(state().voice.audioEngine.reopenable, true);
    assert.equal(state().voice.sip.registration, 'unregistered');
    assert.match(state().voice.sip.reason ?? '', /audio window was closed/);

    await harness.reopenPage();
    await waitFor('registered again', () => state().voice.sip.registration === 'registered', 30_000);
    assert.equal(state().voice.audioEngine.status, 'running');
    assert.equal(state().voice.audience, 'nobody', 'the new page holds no microphone');
    assert.equal(state().voice.subscription?.status, 'waiting');
    await control('DELETE', `/interactions/${customerCallId}`);
    const next = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    customers.push(next.id);
    await waitFor(
      'the next call heard again',
      () => state().voice.calls.find((item) => item.state === 'established' && item.audio.firstAudioAt !== null),
      30_000,
    );
  });

  test('7: an ordinary call answered has a card that says the caller hears, and a hang-up', async () => {
    await control('POST', `/users/${simulator.demo.userName}/ring`, { from: '5000' });
    const ringing = await waitFor('the call ringing', () => state().voice.incoming[0]);
    const asked = (await harness.microphoneProbe()).getUserMediaCalls;
    assert.equal((await invoke('voice:answerIncoming', { callId: ringing.id })).ok, true);
    const answered = await waitFor('a two-way card', () =>
      card()?.kind === 'ordinary' && card()?.microphone === 'open' ? card() : undefined,
    );
    assert.equal(answered.audience, 'caller');
    assert.equal(answered.canHangUp, true);
    assert.equal(state().voice.audience, 'caller');
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, asked + 1, 'opened once, after connecting');
    assert.equal((await invoke('voice:setMicrophone', { callId: answered.id, open: false })).ok, true);
    await waitFor('muted', () => (card()?.audience === 'nobody' && card()?.canTalk ? true : undefined));
    assert.equal((await invoke('voice:hangUp', { callId: answered.id })).ok, true);
    await waitFor('ended', () => (state().voice.calls.length === 0 ? true : undefined));
    const ended = await waitFor('the call in the history', () =>
      state().history.items.find((item) => item.interactionId === answered.id),
    );
    assert.deepEqual(
      ended.youDid.map((part) => part.activity),
      ['talked'],
    );
    assert.equal(ended.ending, 'you-hung-up');
  });

  test('8: a call already in progress when Barge in monitoring starts joins at once, and every indicator says so', async () => {
    const agent = await freeAgent();
    const customer = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    customers.push(customer.id);
    const asked = (await harness.microphoneProbe()).getUserMediaCalls;
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'BargeIn' })).ok, true);
    const joined = await waitFor(
      'barged in on the call in progress',
      () => (card()?.microphone === 'open' && card()?.mode === 'BargeIn' ? card() : undefined),
      30_000,
    );
    assert.deepEqual(indicators(agent.id), { card: 'everyone', row: 'everyone', header: 'everyone', tray: 'live' });
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, asked + 1);
    assert.equal((await simulatorCall(customer.id))?.mode, 'BargeIn');

    assert.equal((await invoke('voice:switchMode', { callId: joined.id, mode: 'ListenIn' })).ok, true);
    await waitFor('silent again', () =>
      card()?.microphone === 'closed' && card()?.mode === 'ListenIn' ? true : undefined,
    );
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
  });

  test('8: a call that starts the instant Listen monitoring is asked for joins silent', async () => {
    const agent = await freeAgent();
    const asked = (await harness.microphoneProbe()).getUserMediaCalls;
    // Placed as soon as GWS accepted the request, before its confirmation reaches Earshot.
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
    const customer = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    customers.push(customer.id);
    await waitFor(
      'listening to the call',
      () => state().voice.calls.find((item) => item.state === 'established' && item.audio.firstAudioAt !== null),
      30_000,
    );
    await sleep(500);
    assert.deepEqual(indicators(agent.id), { card: 'nobody', row: 'nobody', header: 'nobody', tray: 'monitoring' });
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, asked);
    assert.equal((await simulatorCall(customer.id))?.rtpFromSupervisor.ListenIn.packets, 0);
  });

  test('a re-INVITE offering two-way audio in ListenIn opens nothing and is answered receive-only', async () => {
    const { customerCallId } = await listeningIn();
    const asked = (await harness.microphoneProbe()).getUserMediaCalls;
    const server = await simulatorCall(customerCallId);
    const reinvite = (await control('POST', `/voice/calls/${server!.id}/reinvite`, {})) as {
      status: number;
      answerDirection: string | null;
    };
    assert.equal(reinvite.status, 200);
    assert.equal(reinvite.answerDirection, 'recvonly');
    await sleep(800);
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, asked);
    assert.equal(card()?.microphone, 'closed');
    assert.equal((await simulatorCall(customerCallId))?.rtpFromSupervisor.ListenIn.packets, 0);
  });
});
