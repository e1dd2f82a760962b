import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { AppState } from '../../../electron/common/models/app-state';
import type { Result } from '../../../electron/common/result';
import { createMainServices, type MainServices } from '../../../electron/main/main-services';
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
  reoffersFromPhone: Array<{ direction: string; iceRestart: boolean; status: number }>;
}

/**
 * A live monitored call through a network drop and return (issue 12): main's services and the real
 * media host page against the demo contact center, whose SIP side keeps a call while the phone is out
 * of service and whose media carry nothing on the old path until the phone restarts ICE.
 */
describe('a live monitored call through a network change', () => {
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
  const freeAgent = async () => {
    const { agents } = (await control('GET', '/state')) as {
      agents: Array<{ id: string; state: string; interactions: Array<{ kind: string }> }>;
    };
    const free = agents.find(
      (agent) => agent.state !== 'LoggedOut' && !agent.interactions.some((item) => item.kind === 'call'),
    );
    assert.ok(free, 'a free agent');
    return state().team.agents.find((agent) => agent.id === free.id)!;
  };
  /** Packets the page received on the call, as its last statistics said. */
  const packetsReceived = (legId: string, from: number) =>
    harness.waitForEvent('callStats', (event) => event.callId === legId, { from, timeoutMs: 10_000 });

  /** A live ListenIn call with audio, from a fresh AllCalls subscription on a free agent. */
  async function liveMonitoredCall() {
    const agent = await freeAgent();
    assert.equal((await invoke('voice:monitor', { agentId: agent.id, mode: 'ListenIn' })).ok, true);
    await waitFor('the subscription', () => state().voice.subscription?.mode === 'ListenIn');
    const customer = (await control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
    const call = await waitFor(
      'an established monitoring call with audio',
      () => state().voice.calls.find((candidate) => candidate.state === 'established' && candidate.audio.firstAudioAt),
      30_000,
    );
    const legId = harness.events.findLast((event) => event.type === 'incomingCall')?.callId;
    assert.ok(legId, 'the leg the page answered');
    return { agent, customer, call, legId };
  }

  /** Cuts GWS and SIP until the phone is known to be gone at the SIP server. */
  async function dropNetwork(outOfServiceMs: number): Promise<void> {
    await control('POST', '/network', { gws: 'down', sip: 'down', outOfServiceMs });
    await waitFor('the phone line down', () => state().voice.sip.registration !== 'registered', 30_000);
    await waitFor('the phone unregistered at the SIP server', async () =>
      ((await control('GET', '/sip')) as { registrations: unknown[] }).registrations.length === 0 ? true : undefined,
    );
  }

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, seed: 12 });
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

  afterEach(async () => {
    await control('POST', '/network', { gws: 'up', sip: 'up', outOfServiceMs: 5_000 });
    await waitFor('SIP registered again', () => state().voice.sip.registration === 'registered', 30_000);
    if (state().voice.subscription !== null) await invoke('voice:cancelMonitoring', {});
    await invoke('voice:dismissSubscriptionNotice', {});
  });

  after(async () => {
    await services?.dispose();
    await harness?.close();
    await simulator?.stop();
    removePlatform();
  });

  test('a silent call moves to the new path: audio flows again, and the re-INVITE sends nothing', async () => {
    const { customer, call, legId } = await liveMonitoredCall();
    // The SIP server keeps the call for a minute while the phone is away.
    await dropNetwork(60_000);
    const away = await packetsReceived(legId, harness.mark());
    const stillAway = await packetsReceived(legId, harness.mark());
    assert.equal(stillAway.stats.packetsReceived, away.stats.packetsReceived, 'the old path carries nothing');
    const beforeReturn = harness.mark();
    await control('POST', '/network', { gws: 'up', sip: 'up' });

    const restart = await harness.waitForEvent('iceRestart', (event) => event.callId === legId, {
      from: beforeReturn,
      timeoutMs: 30_000,
    });
    assert.equal(restart.outcome, 'restarted');
    const afterRestart = harness.mark();
    const first = await packetsReceived(legId, afterRestart);
    const later = await waitFor(
      'audio arriving on the new path',
      () =>
        harness.events
          .slice(afterRestart)
          .findLast(
            (event) =>
              event.type === 'callStats' &&
              event.callId === legId &&
              event.stats.packetsReceived > first.stats.packetsReceived + 25,
          ),
      15_000,
    );
    assert.ok(later, 'packets keep arriving after the restart');

    const current = state().voice.calls.find((candidate) => candidate.id === call.id);
    assert.equal(current?.state, 'established', 'the call goes on');
    assert.equal(current?.microphone, 'closed');
    assert.equal(current?.audience, 'nobody');
    const atServer = await supervisorCall(customer.id);
    assert.deepEqual(
      atServer?.reoffersFromPhone,
      [{ direction: 'recvonly', iceRestart: true, status: 200 }],
      'one re-INVITE, with fresh ICE credentials, offering to receive only',
    );
    assert.equal(atServer?.rtpFromSupervisor.ListenIn.packets, 0, 'no RTP leaves the machine');
    assert.equal((await harness.microphoneProbe()).getUserMediaCalls, 0, 'the microphone is never opened');
    assert.equal(state().voice.subscriptionNotice, null, 'a call that went on needs no notice');

    await control('DELETE', `/interactions/${customer.id}`);
    await waitFor('the customer hung up', () => state().voice.calls.length === 0);
  });

  test('a call with the microphone open keeps it open through the move, and the server hears it again', async () => {
    const { customer, call, legId } = await liveMonitoredCall();
    assert.equal((await invoke('voice:switchMode', { callId: call.id, mode: 'BargeIn' })).ok, true);
    await waitFor('barge-in with the microphone open', () => {
      const current = state().voice.calls[0];
      return current?.microphone === 'open' && current.audience === 'everyone';
    });
    await waitFor(
      'the supervisor heard at the simulator',
      async () => ((await supervisorCall(customer.id))?.rtpFromSupervisor.BargeIn.packetsWithEnergy ?? 0) > 10,
    );
    const probeBefore = await harness.microphoneProbe();

    await dropNetwork(60_000);
    const heardWhileAway = (await supervisorCall(customer.id))!.rtpFromSupervisor.BargeIn.packetsWithEnergy;
    const beforeReturn = harness.mark();
    await control('POST', '/network', { gws: 'up', sip: 'up' });
    const restart = await harness.waitForEvent('iceRestart', (event) => event.callId === legId, {
      from: beforeReturn,
      timeoutMs: 30_000,
    });
    assert.equal(restart.outcome, 'restarted');
    await waitFor(
      'the supervisor heard again on the new path',
      async () =>
        ((await supervisorCall(customer.id))?.rtpFromSupervisor.BargeIn.packetsWithEnergy ?? 0) > heardWhileAway + 10,
      15_000,
    );

    const current = state().voice.calls.find((candidate) => candidate.id === call.id);
    assert.equal(current?.microphone, 'open', 'the microphone stays as the supervisor chose');
    assert.equal(current?.mode, 'BargeIn');
    const atServer = await supervisorCall(customer.id);
    assert.deepEqual(atServer?.reoffersFromPhone.at(-1), { direction: 'sendrecv', iceRestart: true, status: 200 });
    const probeAfter = await harness.microphoneProbe();
    assert.equal(probeAfter.getUserMediaCalls, probeBefore.getUserMediaCalls, 'the same microphone, not reopened');

    assert.equal((await invoke('voice:hangUp', { callId: call.id })).ok, true);
    await waitFor('the call over', () => state().voice.calls.length === 0);
    const probe = await harness.microphoneProbe();
    assert.ok(
      probe.trackStates.every((track) => track === 'ended'),
      'every microphone track is stopped',
    );
    await control('DELETE', `/interactions/${customer.id}`);
  });

  test('a call the server released while the phone was away ends cleanly, and a notice says why', async () => {
    const { agent, customer, call, legId } = await liveMonitoredCall();
    const microphoneOpenings = (await harness.microphoneProbe()).getUserMediaCalls;
    await dropNetwork(500);
    await waitFor(
      'the SIP server released the call',
      async () => ((await supervisorCall(customer.id))?.state === 'Released' ? true : undefined),
      15_000,
    );
    // SIP first, so the re-INVITE meets the server before GWS's re-read can tell the call is gone.
    const beforeReturn = harness.mark();
    await control('POST', '/network', { sip: 'up' });
    const restart = await harness.waitForEvent('iceRestart', (event) => event.callId === legId, {
      from: beforeReturn,
      timeoutMs: 30_000,
    });
    assert.equal(restart.outcome, 'call-gone');
    await waitFor('the card gone', () =>
      state().voice.calls.some((candidate) => candidate.id === call.id) ? false : true,
    );
    const notice = await waitFor('the notice', () => state().voice.subscriptionNotice?.message);
    assert.match(
      notice,
      new RegExp(
        `^Connection lost at .+: the call with ${agent.displayName} could not be resumed \\(the server had ended it meanwhile\\) and was ended\\.`,
      ),
    );
    const ended = await waitFor('the call in the history', () =>
      state().history.items.find((item) => item.interactionId === call.id),
    );
    assert.equal(ended.ending, 'audio-lost');
    assert.equal(
      (await harness.microphoneProbe()).getUserMediaCalls,
      microphoneOpenings,
      'the microphone was not opened for this call',
    );
    assert.equal(
      (await supervisorCall(customer.id))?.rtpFromSupervisor.ListenIn.packets,
      0,
      'no RTP left the machine at any point',
    );
    await control('POST', '/network', { gws: 'up' });
    await control('DELETE', `/interactions/${customer.id}`);
  });
});
