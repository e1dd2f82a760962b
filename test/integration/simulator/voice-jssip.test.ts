// The whole demo path with a real WebRTC phone: GWS ListenIn → a customer call at the agent →
// the B2BUA INVITEs a JsSIP phone in Debian's Chromium → the conversation plays; BargeIn carries the
// supervisor's microphone; the customer hanging up sends the BYE.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { chromiumPath } from '../../support/chromium';
import { startPhoneHarness, type PhoneHarness, type PhonePage } from '../simulator-sip/phone-page';
import { waitFor } from './gws-test-client';
import { controlUser, endCall, startCall, voiceCall, VoiceSupervisor } from './voice-harness';

const skip = existsSync(chromiumPath) ? false : `${chromiumPath} is not installed`;

describe('voice monitoring with a JsSIP phone in Chromium', { skip, timeout: 120_000 }, () => {
  let simulator: RunningSimulator;
  let harness: PhoneHarness;
  let phone: PhonePage;
  let supervisor: VoiceSupervisor;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    harness = await startPhoneHarness();
    phone = await harness.openPhone();
    const account = simulator.demo.sip;
    await phone.register({
      url: account.webSocketUrl,
      user: account.authorizationUser,
      password: account.password,
      domain: simulator.sip.domain,
    });
    supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor', { phone: false });
  });

  after(async () => {
    await supervisor?.close();
    await harness?.close();
    await simulator?.stop();
  });

  test('ListenIn plays the conversation with nothing sent back; BargeIn counts the microphone; the customer hanging up ends it', async () => {
    const agent = await controlUser(simulator, 'avasquez');
    await supervisor.monitor('ListenIn', agent);
    const from = supervisor.calls.length;
    const customerCall = await startCall(simulator, agent);
    const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
    const callId = ringing.call.id;
    await supervisor.callState(callId, 'Established', from);

    const record = await waitFor('the call at the phone', async () =>
      (await phone.calls()).find((item) => item.callUuid === callId),
    );
    assert.equal(record.autoAnswer, true);
    const listening = await waitFor('50 packets of the conversation', async () => {
      const stats = await phone.stats();
      return stats && stats.packetsReceived >= 50 ? stats : undefined;
    });
    assert.equal(listening.packetsSent, 0);
    assert.equal(listening.micTracksLive, 0);
    const silent = (await voiceCall(simulator, callId)).rtpFromSupervisor.ListenIn;
    assert.equal(silent.packets, 0);
    assert.equal(silent.packetsWithEnergy, 0);

    await phone.startTalking();
    assert.equal((await supervisor.operate(callId, 'SwitchToBargeIn')).json?.statusCode, 0);
    await waitFor(
      'the supervisor heard in BargeIn',
      async () => (await voiceCall(simulator, callId)).rtpFromSupervisor.BargeIn.packetsWithEnergy > 0,
    );
    await phone.stopTalking();
    assert.equal((await supervisor.operate(callId, 'SwitchToListenIn')).json?.statusCode, 0);

    const report = await voiceCall(simulator, callId);
    const page = (await phone.calls()).find((item) => item.callUuid === callId)!;
    const { monitoredEstablishedAt, inviteSentAt, answeredAt, firstRtpSentAt } = report.timings;
    console.log(
      `monitored call established → INVITE ${(inviteSentAt! - monitoredEstablishedAt!).toFixed(1)} ms, → 200 OK ${(answeredAt! - monitoredEstablishedAt!).toFixed(1)} ms, ` +
        `→ first RTP sent ${(firstRtpSentAt! - monitoredEstablishedAt!).toFixed(1)} ms, → first packet at the phone ${((page.firstPacketAt ?? Number.NaN) - monitoredEstablishedAt!).toFixed(1)} ms`,
    );

    await endCall(simulator, customerCall.id);
    await supervisor.callState(callId, 'Released', from);
    await waitFor('the BYE at the phone', async () =>
      (await phone.calls()).find((item) => item.callUuid === callId)?.endedAt ? true : undefined,
    );
  });
});
