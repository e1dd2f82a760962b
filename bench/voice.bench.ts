import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { startBrowserHostProcess, type BrowserHostProcess } from '../test/support/browser-host-process';
import { launchChromium } from '../test/support/chromium';
import { waitFor } from '../test/support/wait-for';
import { summarize } from './support/stats';

/**
 * npm run bench:voice — monitored calls against the demo contact center, end to end through the
 * browser edition in Chromium, printing medians and p95 of what the voice issue names.
 */
const calls = Number(process.argv[2] ?? 20);
/** How many times the audio page is started afresh to time the first call after it starts. */
const firstCallRounds = Number(process.argv[3] ?? 5);
/** EARSHOT_BENCH_HOG=1: the same run with a busy loop on every core, as on a shared machine. */
const withCpuHog = process.env.EARSHOT_BENCH_HOG === '1';

interface RtpCount {
  packets: number;
  firstAt: number | null;
  lastAt: number | null;
}
interface SupervisorVoiceCall {
  monitoredCallId: string;
  state: string;
  rtpFromSupervisor: Record<string, RtpCount>;
  timings: {
    monitoredEstablishedAt: number | null;
    inviteSentAt: number | null;
    answeredAt: number | null;
    dtlsConnectedAt: number | null;
    firstRtpSentAt: number | null;
  };
}
interface CardState {
  id: string;
  state: string;
  microphone: string;
  audio: { firstAudioAt: number | null; behindLiveMs: number | null };
}

async function cards(page: Page): Promise<CardState[]> {
  return page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        earshot: {
          invoke(
            channel: string,
            request: object,
          ): Promise<{ ok: boolean; value?: { state: { voice: { calls: CardState[] } } } }>;
        };
      }
    ).earshot;
    const result = await bridge.invoke('state:get', {});
    return result.value?.state.voice.calls ?? [];
  });
}

async function supervisorCall(
  host: BrowserHostProcess,
  monitoredCallId: string,
): Promise<SupervisorVoiceCall | undefined> {
  const { calls: all } = (await host.control('GET', '/voice')) as { calls: SupervisorVoiceCall[] };
  return all.find((call) => call.monitoredCallId === monitoredCallId);
}

/** Clicks in the page and returns the epoch ms of the click, as the page's clock saw it. */
async function clickAt(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const at = performance.timeOrigin + performance.now();
    (document.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
    return at;
  }, testId);
}

/** One busy loop per core, each its own process, ended by its handle when the run is over. */
function startCpuHogs(): ChildProcess[] {
  return cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

async function main(): Promise<void> {
  const host = await startBrowserHostProcess();
  const browser = await launchChromium();
  const hogs = withCpuHog ? startCpuHogs() : [];
  const loadAtStart = loadavg()[0] ?? 0;
  const figures = {
    firstCall: [] as number[],
    clientCost: [] as number[],
    endToEnd: [] as number[],
    toBarge: [] as number[],
    toSilent: [] as number[],
    behindLive: [] as number[],
    serverShare: [] as number[],
  };
  try {
    const context = await browser.newContext();
    const media = await context.newPage();
    await media.goto(host.mediaUrl);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByTestId('team-table').waitFor();
    await page.locator('[data-testid="sip-status"][data-registration="registered"]').waitFor({ timeout: 15_000 });
    await host.control('POST', '/floor', { running: false });
    const { agents } = (await host.control('GET', '/state')) as {
      agents: Array<{ id: string; state: string; interactions: unknown[] }>;
    };
    // Ready is not enough: the live floor may have given the agent a call before it was paused.
    const agent = agents.find((candidate) => candidate.state === 'Ready' && candidate.interactions.length === 0)!;
    await page.getByTestId(`monitor-listen-${agent.id}`).click();
    await page.locator('[data-testid="monitoring-subscription"][data-mode="ListenIn"]').waitFor();

    for (let index = 0; index < calls; index += 1) {
      const started = (await host.control('POST', `/agents/${agent.id}/calls`, {
        customerNumber: `+1555010${index % 10}`,
      })) as { id: string; establishedAt: number };
      const card = await waitFor(
        'first audio',
        async () => (await cards(page)).find((candidate) => candidate.audio.firstAudioAt !== null),
        10_000,
        5,
      );
      const server = await supervisorCall(host, started.id);
      const firstAudioAt = card.audio.firstAudioAt!;
      if (server?.timings.inviteSentAt) figures.clientCost.push(firstAudioAt - server.timings.inviteSentAt);
      figures.endToEnd.push(firstAudioAt - started.establishedAt);
      if (server?.timings.inviteSentAt && server.timings.monitoredEstablishedAt)
        figures.serverShare.push(server.timings.inviteSentAt - server.timings.monitoredEstablishedAt);

      const behind = await waitFor(
        'behind-live figure',
        async () => (await cards(page))[0]?.audio.behindLiveMs ?? undefined,
        5_000,
        50,
      );
      figures.behindLive.push(behind);

      await page.locator('[data-testid^="call-card-"][data-state="established"]').waitFor();
      const bargeClick = await clickAt(page, 'switch-barge');
      const firstMicPacket = await waitFor(
        'first microphone packet',
        async () => {
          const rtp = (await supervisorCall(host, started.id))?.rtpFromSupervisor ?? {};
          const firsts = Object.values(rtp)
            .map((count) => count.firstAt)
            .filter((at): at is number => at !== null);
          return firsts.length > 0 ? Math.min(...firsts) : undefined;
        },
        5_000,
        2,
      );
      figures.toBarge.push(firstMicPacket - bargeClick);
      await page.locator('[data-testid^="call-card-"][data-microphone="open"]').waitFor();
      await page.waitForTimeout(300);

      const silentClick = await clickAt(page, 'switch-listen');
      await page.locator('[data-testid^="call-card-"][data-microphone="closed"]').waitFor();
      await page.waitForTimeout(600);
      const rtp = (await supervisorCall(host, started.id))?.rtpFromSupervisor ?? {};
      const lastPacket = Math.max(...Object.values(rtp).map((count) => count.lastAt ?? 0));
      figures.toSilent.push(Math.max(0, lastPacket - silentClick));

      await host.control('DELETE', `/interactions/${started.id}`);
      await waitFor('the card to leave the board', async () => (await cards(page)).length === 0, 10_000, 20);
      process.stdout.write(`call ${index + 1}/${calls} done\r`);
    }

    // The first call after the audio page starts: Chromium sets WebRTC up on first use, which the page's
    // warm-up now does at start. A fresh page each round, the call placed as soon as the phone registers.
    for (let round = 0; round < firstCallRounds; round += 1) {
      await media.reload();
      await page.locator('[data-testid="sip-status"][data-registration="registered"]').waitFor({ timeout: 15_000 });
      const started = (await host.control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
      const card = await waitFor(
        'first audio after the audio page started',
        async () => (await cards(page)).find((candidate) => candidate.audio.firstAudioAt !== null),
        10_000,
        5,
      );
      const server = await supervisorCall(host, started.id);
      if (server?.timings.inviteSentAt) figures.firstCall.push(card.audio.firstAudioAt! - server.timings.inviteSentAt);
      await host.control('DELETE', `/interactions/${started.id}`);
      await waitFor('the card to leave the board', async () => (await cards(page)).length === 0, 10_000, 20);
      process.stdout.write(`first call ${round + 1}/${firstCallRounds} done\r`);
    }
  } finally {
    for (const hog of hogs) hog.kill();
    await browser.close();
    await host.stop();
  }
  console.log(
    `\nVoice benchmark: ${calls} monitored calls, demo contact center on 127.0.0.1, Debian Chromium headless`,
  );
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end${withCpuHog ? `, with ${hogs.length} busy-loop processes running` : ''}`,
  );
  console.log(summarize('first call after the audio page starts: INVITE sent → first audio', figures.firstCall));
  console.log(summarize('later calls: (a) INVITE sent → first audio at the supervisor (client)', figures.clientCost));
  console.log(summarize('(b) agent call established → first audio (end to end)', figures.endToEnd));
  console.log(summarize('    of which: established → INVITE sent (simulator)', figures.serverShare));
  console.log(summarize('(c) click Barge in → first mic packet at the simulator', figures.toBarge));
  console.log(summarize('(c) click Listen → last mic packet at the simulator', figures.toSilent));
  console.log(summarize('card "behind live" (jitter buffer + half RTT)', figures.behindLive));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
