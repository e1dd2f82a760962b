// Benchmark, not a test: a watched agent's customer call is established → the supervisor's JsSIP
// phone (Chromium) hears the first packet, through the whole demo path (GWS subscription, B2BUA, werift).
// Run: npx tsx bench/simulator/monitored-call-to-audio.bench.ts [calls]
import { startSimulator } from '../../electron/simulator/index';
import { startPhoneHarness } from '../../test/integration/simulator-sip/phone-page';
import { waitFor } from '../../test/support/wait-for';
import {
  controlUser,
  endCall,
  startCall,
  voiceCall,
  VoiceSupervisor,
} from '../../test/integration/simulator/voice-harness';

const CALLS = Math.min(Math.max(Number(process.argv[2] ?? 10) || 10, 1), 50);

const simulator = await startSimulator({ liveFloor: false });
const harness = await startPhoneHarness();
const supervisor = await VoiceSupervisor.signIn(simulator, 'supervisor', { phone: false });
try {
  const phone = await harness.openPhone();
  const account = simulator.demo.sip;
  await phone.register({
    url: account.webSocketUrl,
    user: account.authorizationUser,
    password: account.password,
    domain: simulator.sip.domain,
  });
  const agent = await controlUser(simulator, 'avasquez');
  await supervisor.monitor('ListenIn', agent);
  const phases: Record<string, number[]> = {};
  const record = (phase: string, value: number | null | undefined): void => {
    if (value !== null && value !== undefined && Number.isFinite(value)) (phases[phase] ??= []).push(value);
  };
  for (let index = 0; index < CALLS; index += 1) {
    const from = supervisor.calls.length;
    const customerCall = await startCall(simulator, agent);
    const ringing = await supervisor.nextCallEvent('ringing', (event) => event.call.state === 'Ringing', from);
    const callId = ringing.call.id;
    const page = await waitFor('the first packet at the phone', async () => {
      const call = (await phone.calls()).find((item) => item.callUuid === callId);
      return call?.firstPacketAt ? call : undefined;
    });
    await supervisor.callState(callId, 'Established', from);
    const { timings } = await voiceCall(simulator, callId);
    const since = (at: number | null | undefined): number | undefined =>
      at === null || at === undefined ? undefined : at - timings.monitoredEstablishedAt!;
    record('INVITE sent', since(timings.inviteSentAt));
    record('INVITE at the page', since(page.inviteReceivedAt));
    record('200 OK at the simulator', since(timings.answeredAt));
    record('werift DTLS connected', since(timings.dtlsConnectedAt));
    record('first RTP sent', since(timings.firstRtpSentAt));
    record('first packet at the page', since(page.firstPacketAt));
    await endCall(simulator, customerCall.id);
    await supervisor.callState(callId, 'Released', from);
    await waitFor('the BYE at the phone', async () =>
      (await phone.calls()).find((item) => item.callUuid === callId)?.endedAt ? true : undefined,
    );
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`monitored call established → first audio at the supervisor's phone, ${CALLS} calls (ms)`);
  for (const [phase, values] of Object.entries(phases)) {
    console.log(
      `${phase.padEnd(28)} median ${median(values).toFixed(1).padStart(6)}  min ${Math.min(...values)
        .toFixed(1)
        .padStart(6)}  max ${Math.max(...values)
        .toFixed(1)
        .padStart(6)}  first ${values[0]!.toFixed(1).padStart(6)}`,
    );
  }
} finally {
  await supervisor.close();
  await harness.close();
  await simulator.stop();
}
