// Benchmark, not a test: INVITE → first audio packet at a JsSIP phone in Chromium, per phase.
// Run: npx tsx bench/simulator/invite-to-audio.bench.ts [calls]
import { startSipService } from '../../electron/simulator/sip/index';
import { startPhoneHarness } from '../../test/integration/simulator-sip/phone-page';
import { waitFor } from '../../test/support/wait-for';

const CALLS = Math.min(Math.max(Number(process.argv[2] ?? 10) || 10, 1), 50);
const DOMAIN = 'bench.earshot.local';
const ACCOUNT = { user: '5005', password: 'bench' };

const sip = await startSipService({ domain: DOMAIN, accounts: [ACCOUNT] });
const harness = await startPhoneHarness();
try {
  const phone = await harness.openPhone();
  await phone.register({ url: sip.webSocketUrl, user: ACCOUNT.user, password: ACCOUNT.password, domain: DOMAIN });
  const phases: Record<string, number[]> = {};
  const record = (phase: string, value: number | undefined): void => {
    if (value !== undefined && Number.isFinite(value)) (phases[phase] ??= []).push(value);
  };
  for (let index = 0; index < CALLS; index += 1) {
    const call = await sip.placeMonitoringCall({
      toUser: ACCOUNT.user,
      callUuid: `bench-${index}`,
      fromDisplayName: 'Bench',
      fromUser: '5001',
      autoAnswer: true,
      mode: 'ListenIn',
    });
    const page = await waitFor('the first packet at the phone', async () => {
      const last = (await phone.calls()).slice(-1)[0];
      return last?.firstPacketAt ? last : undefined;
    });
    const t = call.timings;
    const since = (at: number | undefined): number | undefined => (at === undefined ? undefined : at - t.inviteSentAt);
    record('offer built (before INVITE)', (t.offerReadyAt ?? Number.NaN) - (t.offerStartedAt ?? Number.NaN));
    record('INVITE at the page', since(page.inviteReceivedAt));
    record('page ICE gathering complete', since(page.iceGatheringCompleteAt));
    record('200 OK at the simulator', since(t.answeredAt));
    record('werift ICE connected', since(t.iceConnectedAt));
    record('werift DTLS connected', since(t.dtlsConnectedAt));
    record('first RTP sent', since(t.firstRtpSentAt));
    record('first packet at the page', since(page.firstPacketAt));
    record('server share: 200 OK → first packet', (page.firstPacketAt ?? Number.NaN) - (t.answeredAt ?? Number.NaN));
    await call.hangUp();
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`INVITE → first audio packet, ${CALLS} calls (ms from the INVITE leaving the simulator)`);
  for (const [phase, values] of Object.entries(phases)) {
    console.log(
      `${phase.padEnd(38)} median ${median(values).toFixed(1).padStart(6)}  min ${Math.min(...values)
        .toFixed(1)
        .padStart(6)}  max ${Math.max(...values)
        .toFixed(1)
        .padStart(6)}  first ${values[0]!.toFixed(1).padStart(6)}`,
    );
  }
} finally {
  await harness.close();
  await sip.stop();
}
