// End to end: the simulator's registrar/B2BUA and werift media against JsSIP in Debian's Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startSipService } from '../../../electron/simulator/sip/index';
import type { MonitoringCall, SipService } from '../../../electron/simulator/sip/index';
import { MonitoringCallRejectedError } from '../../../electron/simulator/sip/index';
import { startPhoneHarness } from './phone-page';
import { chromiumPath } from '../../support/chromium';
import { waitFor } from '../../support/wait-for';
import type { PhoneHarness, PhonePage } from './phone-page';

const DOMAIN = 'demo.earshot.local';
const SUPERVISOR = { user: '5005', password: 'listen-in-secret' };
const skip = existsSync(chromiumPath) ? false : `${chromiumPath} is not installed`;

describe('simulator SIP with a JsSIP phone in Chromium', { skip, timeout: 120_000 }, () => {
  let sip: SipService;
  let harness: PhoneHarness;
  let phone: PhonePage;
  const log: string[] = [];

  before(async () => {
    sip = await startSipService({ domain: DOMAIN, accounts: [SUPERVISOR], log: (line) => log.push(line) });
    harness = await startPhoneHarness();
    phone = await harness.openPhone();
    await phone.register({
      url: sip.webSocketUrl,
      user: SUPERVISOR.user,
      password: SUPERVISOR.password,
      domain: DOMAIN,
    });
  });

  after(async () => {
    await harness?.close();
    await sip?.stop();
  });

  function place(overrides: Partial<Parameters<SipService['placeMonitoringCall']>[0]> = {}): Promise<MonitoringCall> {
    return sip.placeMonitoringCall({
      toUser: SUPERVISOR.user,
      callUuid: `uuid-${Date.now()}`,
      fromDisplayName: 'Customer 5000 via Agent 5001',
      fromUser: '5001',
      autoAnswer: true,
      mode: 'ListenIn',
      ...overrides,
    });
  }

  test('the phone registered with digest auth', () => {
    assert.equal(sip.isRegistered(SUPERVISOR.user), true);
    assert.ok(log.some((line) => line.includes(`${SUPERVISOR.user} registered`)));
  });

  test('listen-in plays audio, hears nothing from the supervisor; barge-in carries the mic; back to listen stops it', async () => {
    const call = await place({ callUuid: 'call-uuid-listen' });
    const ended: string[] = [];
    call.onEnded((reason) => ended.push(reason));

    const [record] = (await phone.calls()).slice(-1);
    assert.equal(record?.callUuid, 'call-uuid-listen');
    assert.equal(record?.autoAnswer, true);

    const listening = await waitFor('50 packets at the phone', async () => {
      const stats = await phone.stats();
      return stats && stats.packetsReceived >= 50 ? stats : undefined;
    });
    assert.deepEqual(listening.audioElement, { muted: false, paused: false, hasStream: true });
    assert.equal(listening.micTracksLive, 0);
    assert.equal(listening.packetsSent, 0);
    const audible = await waitFor('audio level above zero', async () => {
      const stats = await phone.stats();
      return stats && stats.audioLevel > 0.01 ? stats : undefined;
    });
    assert.ok(audible.audioLevel > 0.01);
    assert.deepEqual(call.rtpFromSupervisor().ListenIn, {
      packets: 0,
      packetsWithEnergy: 0,
      firstAt: null,
      lastAt: null,
    });

    // The product's order: the server switches to BargeIn first, then the microphone is attached. The
    // other way round, a loaded machine sends the first (silent) packets while the call is still ListenIn.
    call.setMode('BargeIn');
    await phone.startTalking();
    const barging = await waitFor('supervisor packets with energy', () => {
      const counts = call.rtpFromSupervisor().BargeIn;
      return counts.packetsWithEnergy > 0 ? counts : undefined;
    });
    assert.ok(barging.packets >= barging.packetsWithEnergy);
    assert.equal((await phone.stats())?.micTracksLive, 1);

    await phone.stopTalking();
    // A packet already queued when the mic track was removed may still land (later on a loaded
    // machine): relabel only once the BargeIn count has stood still for 400 ms; after that, nothing.
    let previous = -1;
    await waitFor(
      'the last in-flight packet',
      async () => {
        const now = call.rtpFromSupervisor().BargeIn.packets;
        const still = now === previous;
        previous = now;
        if (!still) await new Promise((resolve) => setTimeout(resolve, 400));
        return still;
      },
      5_000,
      0,
    );
    call.setMode('ListenIn');
    const settled = call.rtpFromSupervisor();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.deepEqual(call.rtpFromSupervisor(), settled);
    // Renegotiating back to recvonly may flush one last packet from the ended track on a loaded
    // machine; no sound from the microphone is ever counted in ListenIn, and nothing after that.
    assert.equal(settled.ListenIn.packetsWithEnergy, 0);
    assert.ok(settled.ListenIn.packets <= 1);
    const afterListen = await phone.stats();
    assert.equal(afterListen?.micTracksLive, 0);
    assert.ok((afterListen?.packetsReceived ?? 0) > listening.packetsReceived, 'audio keeps flowing to the supervisor');

    const final = (await phone.calls()).slice(-1)[0]!;
    const timings = call.timings;
    const rel = (at: number | undefined): string =>
      at === undefined ? '—' : `${(at - timings.inviteSentAt).toFixed(1)} ms`;
    console.log(
      [
        'INVITE → first packet timeline (from the INVITE leaving the simulator):',
        `  offer built before INVITE: ${((timings.offerReadyAt ?? 0) - (timings.offerStartedAt ?? 0)).toFixed(1)} ms`,
        `  INVITE at page:            ${rel(final.inviteReceivedAt)}`,
        `  page ICE gathering done:   ${rel(final.iceGatheringCompleteAt)}`,
        `  200 OK at simulator:       ${rel(timings.answeredAt)}`,
        `  ICE connected (werift):    ${rel(timings.iceConnectedAt)}`,
        `  DTLS connected (werift):   ${rel(timings.dtlsConnectedAt)}`,
        `  first RTP sent:            ${rel(timings.firstRtpSentAt)}`,
        `  first packet at page:      ${rel(final.firstPacketAt)}`,
      ].join('\n'),
    );

    await call.hangUp();
    assert.deepEqual(ended, ['hung up by the simulator']);
    await waitFor('the phone to see the BYE', async () =>
      (await phone.calls()).slice(-1)[0]?.endedAt ? true : undefined,
    );
  });

  test('a BYE from the phone ends the call', async () => {
    const call = await place();
    const ended = new Promise<string>((resolve) => call.onEnded(resolve));
    await phone.hangUp();
    assert.equal(await ended, 'the supervisor hung up');
  });

  test('a phone that is busy or unavailable gives a clear rejection', async () => {
    for (const status of [486, 480]) {
      await phone.setIncomingPolicy({ rejectWith: status });
      await assert.rejects(place(), (error: unknown) => {
        assert.ok(error instanceof MonitoringCallRejectedError);
        assert.equal(error.status, status);
        assert.match(error.message, status === 486 ? /busy/ : /unavailable/);
        return true;
      });
    }
    await phone.setIncomingPolicy({});
  });

  test('aborting before the phone answers cancels the INVITE (487)', async () => {
    const abort = new AbortController();
    const placing = place({ autoAnswer: false, signal: abort.signal });
    const record = await waitFor('the phone to ring', async () => {
      const last = (await phone.calls()).slice(-1)[0];
      return last && !last.autoAnswer && last.endedAt === undefined ? last : undefined;
    });
    assert.equal(record.autoAnswer, false);
    abort.abort();
    await assert.rejects(placing, (error: unknown) => {
      assert.ok(error instanceof MonitoringCallRejectedError);
      assert.equal(error.status, 487);
      return true;
    });
    await waitFor('the phone to stop ringing', async () =>
      (await phone.calls()).slice(-1)[0]?.endedAt ? true : undefined,
    );
    assert.equal((await phone.calls()).slice(-1)[0]?.endCause, 'Canceled');
  });

  test('a supervisor with no registered phone is refused at once', async () => {
    await assert.rejects(place({ toUser: '9999' }), /no registered phone/);
  });
});
