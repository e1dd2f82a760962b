import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { startBrowserHostProcess, type BrowserHostProcess } from '../test/support/browser-host-process';
import { launchChromium } from '../test/support/chromium';
import { waitFor } from '../test/support/wait-for';
import { chromiumCpuReader, cpuBetween, type CpuByProcessType } from './support/chromium-cpu';
import { printHottest, startPageProfile, type HotFunction } from './support/cpu-profile';
import { printTimeline, startRendererTrace, type TimelineShare } from './support/renderer-trace';
import {
  connectNodeInspector,
  findInspectorUrl,
  withInspectableChildren,
  type NodeInspector,
} from './support/node-inspector';
import {
  collectPageProbes,
  countSightings,
  installPageProbes,
  type LongFrame,
  type PageProbeReport,
} from './support/page-probes';
import { readPageMetrics } from './support/page-metrics';
import { findChildPid, mebibytes, residentSetBytes } from './support/process-memory';
import { countSocketTraffic, type ChannelTraffic } from './support/socket-traffic';
import { startCpuHog } from './support/cpu-hog';
import { percentile, summarize } from './support/stats';

/**
 * npm run bench:messaging [-- seconds] [--conversations N] [--rate N] [--turnover LINES]
 * [--memory-every S] [--cpu-profile FILE] [--trace FILE] [--cpu-hog N]
 *
 * Many monitored chats and SMS sessions under a steady stream of lines, end to end through the
 * browser edition in Chromium: simulator publish → line on screen, UI frame times, CPU per
 * process, the UI socket's traffic, and main/renderer memory over the run.
 * --turnover completes each conversation after that many lines and starts a new one in its place
 * (the board then also fills its history), which tells growth of live transcripts from a leak.
 * --cpu-profile writes the page's V8 profile of the run (open it in DevTools) and lists the hottest
 * functions; profiling slows the page, so its other figures are not comparable. --cpu-hog N runs N
 * busy-loop processes beside it all (issue 9 measures at a load of twice the machine's cores).
 * --trace writes Chromium's timeline of the run (DevTools' Performance panel opens it) and lists
 * where the page's main thread spent its time, script, style, layout, paint and commit alike.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    conversations: { type: 'string', default: '50' },
    rate: { type: 'string', default: '20' },
    'memory-every': { type: 'string', default: '10' },
    'cpu-profile': { type: 'string' },
    turnover: { type: 'string' },
    'cpu-hog': { type: 'string', default: '0' },
    trace: { type: 'string' },
  },
});
const seconds = positiveNumber(positionals[0] ?? '60', 'seconds');
const conversationCount = Math.round(positiveNumber(values.conversations, '--conversations'));
const linesPerSecond = positiveNumber(values.rate, '--rate');
const turnover = values.turnover === undefined ? null : Math.round(positiveNumber(values.turnover, '--turnover'));
const memoryEveryMs = positiveNumber(values['memory-every'], '--memory-every') * 1000;
const viewport = { width: 1440, height: 900 };
/** How long the page is watched with its cards up and nothing arriving, for the idle cost. */
const idleSeconds = 10;
const channels = ['chat', 'sms'] as const;

const phrases = [
  'Could you check where my parcel is?',
  'I was charged twice this month, can you look into it?',
  'Let me pull up your account, one moment please.',
  'Thanks, that worked.',
  'The tracking page says delivered but nothing arrived at the door or with the neighbours.',
  'I have refunded the second charge; it shows in 3 to 5 working days.',
  'ok',
  'Can I change the delivery address to my office instead?',
];

/** npm run build bundles React's development build unless NODE_ENV=production; it is much heavier. */
function uiBuildKind(): string {
  const bundle = readFileSync('out/renderer/ui/app.js', 'utf8');
  return bundle.includes('react-dom-client.development.js')
    ? 'development UI build (React dev mode)'
    : 'production UI build';
}

function positiveNumber(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${text}`);
  return value;
}

interface Agent {
  id: string;
  userName: string;
  state: string;
}

interface MemorySample {
  label: string;
  mainRss: number;
  mainHeapUsed: number | null;
  rendererHeapUsed: number;
  domNodes: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

async function invokeBridge(page: Page, channel: string, request: object): Promise<void> {
  const result = await page.evaluate(
    async ({ channel: name, request: payload }) => {
      const bridge = (
        window as unknown as {
          earshot: { invoke(channel: string, request: object): Promise<{ ok: boolean; error?: { message: string } }> };
        }
      ).earshot;
      return bridge.invoke(name, payload);
    },
    { channel, request },
  );
  if (!result.ok) throw new Error(`${channel} refused: ${result.error?.message ?? 'no reason given'}`);
}

async function rendererMetrics(cdp: CDPSession): Promise<{ heapUsed: number; domNodes: number }> {
  const metric = await readPageMetrics(cdp);
  return { heapUsed: metric('JSHeapUsedSize'), domNodes: metric('Nodes') };
}

/** Where the UI page's main thread spent its time (cumulative ms): Performance.getMetrics' durations. */
type MainThreadTimes = Record<'task' | 'script' | 'style' | 'layout', number>;

async function mainThreadTimes(cdp: CDPSession): Promise<MainThreadTimes> {
  const metric = await readPageMetrics(cdp);
  const ms = (name: string) => 1000 * metric(name);
  return {
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'),
    layout: ms('LayoutDuration'),
  };
}

function printMainThread(
  run: { before: MainThreadTimes; after: MainThreadTimes; ms: number },
  idle: { before: MainThreadTimes; after: MainThreadTimes; ms: number },
  lines: number,
): void {
  const keys = ['task', 'script', 'style', 'layout'] as const;
  const aboveIdle = Object.fromEntries(
    keys.map((key) => {
      const idlePerMs = (idle.after[key] - idle.before[key]) / idle.ms;
      return [key, Math.max(0, run.after[key] - run.before[key] - idlePerMs * run.ms) / Math.max(1, lines)];
    }),
  ) as MainThreadTimes;
  const other = Math.max(0, aboveIdle.task - aboveIdle.script - aboveIdle.style - aboveIdle.layout);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `  UI page main thread per line above idle: ${ms(aboveIdle.task)} in tasks = script ${ms(aboveIdle.script)}, ` +
      `style ${ms(aboveIdle.style)}, layout ${ms(aboveIdle.layout)}, other (paint, GC, IPC) ${ms(other)}`,
  );
}

async function sampleMemory(
  label: string,
  hostPid: number,
  inspector: NodeInspector | null,
  cdp: CDPSession,
  collectGarbageFirst: boolean,
): Promise<MemorySample> {
  if (collectGarbageFirst) {
    await Promise.all([inspector?.collectGarbage(), cdp.send('HeapProfiler.collectGarbage')]);
  }
  const [mainRss, mainHeap, renderer] = await Promise.all([
    residentSetBytes(hostPid),
    inspector?.heap() ?? null,
    rendererMetrics(cdp),
  ]);
  return {
    label,
    mainRss,
    mainHeapUsed: mainHeap?.heapUsed ?? null,
    rendererHeapUsed: renderer.heapUsed,
    domNodes: renderer.domNodes,
  };
}

/** Page clock (performance.timeOrigin + now) minus the wall clock the simulator stamps lines with. */
async function pageClockSkew(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin + performance.now() - Date.now());
}

async function signInAndMonitor(page: Page, host: BrowserHostProcess): Promise<Agent[]> {
  await page.goto(host.url);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('team-table').waitFor();
  await host.control('POST', '/floor', { running: false });
  const { agents } = (await host.control('GET', '/state')) as { agents: Agent[] };
  const working = agents.filter((agent) => agent.state !== 'LoggedOut');
  for (const agent of working) {
    for (const channel of channels) {
      await invokeBridge(page, 'messaging:monitor', { agentId: agent.id, channel, mode: 'Monitor' });
    }
  }
  const settled = working.length * channels.length;
  await waitFor(
    'every chat and SMS subscription to settle in the UI',
    async () =>
      (await page.locator('[data-testid^="messaging-subscription-"][data-pending="false"]').count()) === settled,
    15_000,
    100,
  );
  return working;
}

/**
 * One place on the board: an agent and a channel, and the conversation in it now. With --turnover
 * the conversation is completed after that many lines and a new one takes its place, so lines
 * posted meanwhile wait for the new id.
 */
interface Slot {
  agentId: string;
  channel: (typeof channels)[number];
  conversationId: Promise<string>;
  lines: number;
  lastPost: Promise<unknown>;
}

async function startConversation(host: BrowserHostProcess, slot: Pick<Slot, 'agentId' | 'channel'>, customer: number) {
  const { id } = (await host.control('POST', `/agents/${slot.agentId}/interactions`, {
    kind: slot.channel,
    customerName: `Customer ${customer}`,
    script: false,
  })) as { id: string };
  return id;
}

async function startConversations(page: Page, host: BrowserHostProcess, agents: readonly Agent[]): Promise<Slot[]> {
  const pairs = agents.flatMap((agent) => channels.map((channel) => ({ agentId: agent.id, channel })));
  const slots: Slot[] = [];
  for (let index = 0; index < conversationCount; index += 1) {
    const pair = pairs[index % pairs.length]!;
    const id = await startConversation(host, pair, index + 1);
    // Staggered, so conversations end one at a time, as on a floor, rather than all in one burst.
    const head = turnover === null ? 0 : Math.floor((index * turnover) / conversationCount);
    slots.push({ ...pair, conversationId: Promise.resolve(id), lines: head, lastPost: Promise.resolve() });
  }
  await waitFor(
    `${conversationCount} conversation cards on the board`,
    async () => (await page.locator('[data-testid^="conversation-card-"]').count()) === conversationCount,
    30_000,
    100,
  );
  return slots;
}

interface DriveResult {
  published: Map<string, number>;
  failures: string[];
  replaced: number;
  /** Tags of the first line posted to a conversation that replaced another (--turnover). */
  firstInNew: Set<string>;
}

/**
 * Posts `total` lines at fixed times (not one after another, so a slow answer does not lower the
 * rate), round-robin over the slots, and samples memory every `memoryEveryMs` meanwhile.
 */
async function driveLines(
  host: BrowserHostProcess,
  slots: readonly Slot[],
  total: number,
  takeSample: (label: string) => Promise<void>,
): Promise<DriveResult> {
  const result: DriveResult = { published: new Map(), failures: [], replaced: 0, firstInNew: new Set() };
  const fresh = new Set<Slot>();
  const noteFailure = (error: unknown) => {
    result.failures.push(error instanceof Error ? error.message : String(error));
  };
  const intervalMs = 1000 / linesPerSecond;
  const startedAt = performance.now();
  const posts: Array<Promise<unknown>> = [];
  const samples: Array<Promise<void>> = [];
  let nextSampleAt = memoryEveryMs;
  let customers = slots.length;
  for (let line = 0; line < total; line += 1) {
    await sleep(startedAt + line * intervalMs - performance.now());
    const elapsed = performance.now() - startedAt;
    if (elapsed >= nextSampleAt) {
      samples.push(takeSample(`${Math.round(nextSampleAt / 1000)} s`));
      nextSampleAt += memoryEveryMs;
    }
    const slot = slots[line % slots.length]!;
    const tag = String(line);
    const text = `${phrases[line % phrases.length]} [bench-${tag}]`;
    const from = line % 2 === 0 ? 'customer' : 'agent';
    if (fresh.delete(slot)) result.firstInNew.add(tag);
    slot.lastPost = slot.conversationId
      .then((id) => host.control('POST', `/interactions/${id}/messages`, { from, text }))
      .then((answer) => {
        const publishedAt = (answer as { publishedAt?: unknown }).publishedAt;
        if (typeof publishedAt !== 'number') throw new Error('no publishedAt in the answer: rebuild (npm run build)');
        result.published.set(tag, publishedAt);
      })
      .catch(noteFailure);
    posts.push(slot.lastPost);
    slot.lines += 1;
    if (turnover !== null && slot.lines >= turnover) {
      slot.lines = 0;
      fresh.add(slot);
      customers += 1;
      const customer = customers;
      const lastPost = slot.lastPost;
      slot.conversationId = slot.conversationId.then(async (id) => {
        await lastPost;
        await host.control('POST', `/interactions/${id}/complete`).catch(noteFailure);
        result.replaced += 1;
        return startConversation(host, slot, customer);
      });
      posts.push(slot.conversationId.catch(noteFailure));
    }
    if (line % Math.max(1, Math.round(linesPerSecond)) === 0) process.stdout.write(`line ${line + 1}/${total}\r`);
  }
  await Promise.all(posts);
  await Promise.all(samples);
  return result;
}

/**
 * CPU per line is what lines add to the idle cost: the same page with the same fifty cards and
 * probes, measured just before for a while with nothing arriving (durations ticking each second, and
 * the frame probe's requestAnimationFrame loop making a frame every vsync, which a page without the
 * probe does not).
 */
function printCpu(
  cpu: CpuByProcessType,
  runMs: number,
  lines: number,
  idle: { cpu: CpuByProcessType; ms: number },
): void {
  console.log(
    `\nCPU time during the run (${(runMs / 1000).toFixed(1)} s of wall time), and per line above the idle cost measured for ${(idle.ms / 1000).toFixed(0)} s before it`,
  );
  for (const [type, ms] of Object.entries(cpu).sort((a, b) => b[1] - a[1])) {
    if (ms < 1) continue;
    const idlePerSecond = (1000 * (idle.cpu[type] ?? 0)) / idle.ms;
    const aboveIdle = Math.max(0, ms - (idlePerSecond * runMs) / 1000);
    console.log(
      `  ${type.padEnd(32)}${`${(ms / 1000).toFixed(1)} s`.padStart(9)}  ${`${Math.round((100 * ms) / runMs)} %`.padStart(5)} of one core   ` +
        `idle ${`${Math.round(idlePerSecond)} ms/s`.padStart(9)}   per line above idle ${`${(aboveIdle / Math.max(1, lines)).toFixed(2)} ms`.padStart(9)}`,
    );
  }
}

function printTraffic(traffic: readonly ChannelTraffic[], lines: number): void {
  console.log('\nUI bridge WebSocket, frames the page received during the run');
  for (const tally of traffic) {
    console.log(
      `  ${tally.channel.padEnd(32)}${String(tally.frames).padStart(7)} frames ${mebibytes(tally.bytes).padStart(11)}   ` +
        `${(tally.bytes / Math.max(1, tally.frames) / 1024).toFixed(1).padStart(6)} KiB each, largest ${(tally.largestBytes / 1024).toFixed(1)} KiB, ` +
        `${(tally.frames / Math.max(1, lines)).toFixed(2)} per line`,
    );
  }
}

function printMemory(samples: readonly MemorySample[]): void {
  console.log('\nMemory (main = browser host process: UI services and the demo contact center; renderer = UI page)');
  console.log(
    `${'when'.padEnd(26)}${'main RSS'.padStart(12)}${'main heap'.padStart(12)}${'renderer heap'.padStart(15)}${'DOM nodes'.padStart(11)}`,
  );
  for (const sample of samples) {
    console.log(
      `${sample.label.padEnd(26)}${mebibytes(sample.mainRss).padStart(12)}${(sample.mainHeapUsed === null ? 'n/a' : mebibytes(sample.mainHeapUsed)).padStart(12)}${mebibytes(sample.rendererHeapUsed).padStart(15)}${String(sample.domNodes).padStart(11)}`,
    );
  }
}

function describeLongFrame(frame: LongFrame, runStartedAt: number): string {
  const script = frame.longestScript;
  const longest =
    script === null
      ? ''
      : `; longest ${Math.round(script.duration)} ms in ${script.invoker}${script.sourceFunctionName ? ` (${script.sourceFunctionName})` : ''}`;
  const split = `script ${Math.round(frame.scriptMs)} ms, style+layout+paint ${Math.round(frame.styleAndLayoutMs)} ms`;
  return `  at ${((frame.startedAt - runStartedAt) / 1000).toFixed(1).padStart(6)} s  ${`${Math.round(frame.duration)} ms`.padStart(7)}  ${split}${longest}`;
}

function printFrames(report: PageProbeReport, runStartedAt: number): void {
  const deltas = report.frameDeltas;
  const over50 = deltas.filter((delta) => delta > 50).length;
  console.log(summarize('UI frame interval (requestAnimationFrame delta)', deltas));
  console.log(
    `${''.padEnd(58)} max ${`${Math.round(Math.max(0, ...deltas) * 10) / 10} ms`.padStart(10)}   over 50 ms: ${over50} of ${deltas.length} frames`,
  );
  if (report.longFrames !== null) {
    const longest = Math.max(0, ...report.longFrames.map((frame) => frame.duration));
    console.log(
      `${'long animation frames (≥ 50 ms of work)'.padEnd(58)} count ${String(report.longFrames.length).padStart(4)}   longest ${Math.round(longest)} ms`,
    );
    const longest12 = [...report.longFrames].sort((a, b) => b.duration - a.duration).slice(0, 12);
    longest12.sort((a, b) => a.startedAt - b.startedAt);
    if (report.longFrames.length > longest12.length) console.log('  the 12 longest:');
    for (const frame of longest12) console.log(describeLongFrame(frame, runStartedAt));
  }
  const longestTask = report.longTasks.length === 0 ? 0 : Math.max(...report.longTasks);
  console.log(
    `${'long tasks (≥ 50 ms)'.padEnd(58)} count ${String(report.longTasks.length).padStart(4)}   longest ${Math.round(longestTask)} ms`,
  );
}

async function main(): Promise<void> {
  const total = Math.round(seconds * linesPerSecond);
  const hogs = Number(values['cpu-hog']);
  const hog = hogs > 0 ? startCpuHog(hogs, seconds * 3 + 300) : null;
  // Let the hog's load show in the load average before the first figure.
  if (hog !== null) await new Promise((resolve) => setTimeout(resolve, 10_000));
  const loadBefore = loadavg()[0]!;
  const host = await withInspectableChildren(() => startBrowserHostProcess());
  let inspector: NodeInspector | null = null;
  const browser = await launchChromium();
  const memory: MemorySample[] = [];
  let report: PageProbeReport;
  let published: Map<string, number>;
  let failures: string[];
  let replaced: number;
  let firstInNew: Set<string>;
  let skew: number;
  let agentCount: number;
  let missing: number;
  let runStartedAt: number;
  let traffic: ChannelTraffic[];
  let cpu: CpuByProcessType;
  let mainThread: { before: MainThreadTimes; after: MainThreadTimes; ms: number };
  let idle: { cpu: CpuByProcessType; before: MainThreadTimes; after: MainThreadTimes; ms: number };
  let runMs: number;
  let hot: HotFunction[] | null = null;
  let timeline: TimelineShare[] | null = null;
  try {
    const hostPid = await findChildPid('out/browser-host/index.js');
    const inspectorUrl = findInspectorUrl(host.logs);
    if (inspectorUrl === undefined) console.warn('no inspector address from the browser host: main heap is n/a');
    else inspector = await connectNodeInspector(inspectorUrl);

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const readChromiumCpu = await chromiumCpuReader(browser);
    const readCpu = async (): Promise<CpuByProcessType> => {
      const [main, chromium] = await Promise.all([inspector?.cpuMs(), readChromiumCpu()]);
      return main === undefined ? chromium : { 'main (browser host)': main, ...chromium };
    };
    await cdp.send('Performance.enable');
    const takeSample = async (label: string, collectGarbageFirst = false) => {
      memory.push(await sampleMemory(label, hostPid, inspector, cdp, collectGarbageFirst));
    };

    const agents = await signInAndMonitor(page, host);
    agentCount = agents.length;
    const slots = await startConversations(page, host, agents);
    await sleep(2_000);
    await takeSample('before (after GC)', true);
    const socket = await countSocketTraffic(cdp);
    // The forced GC and DevTools' Network domain switching on stall the page once; not the app's frames.
    await sleep(1_000);
    await takeSample('0 s');
    await installPageProbes(page, String.raw`\[bench-(\d+)\]`);
    const skewBefore = await pageClockSkew(page);
    const idleCpuBefore = await readCpu();
    const idleBefore = await mainThreadTimes(cdp);
    const idleStartedAt = Date.now();
    await sleep(idleSeconds * 1000);
    const cpuBefore = await readCpu();
    const mainThreadBefore = await mainThreadTimes(cdp);
    idle = {
      cpu: cpuBetween(idleCpuBefore, cpuBefore),
      before: idleBefore,
      after: mainThreadBefore,
      ms: Date.now() - idleStartedAt,
    };
    const profile = values['cpu-profile'] === undefined ? null : await startPageProfile(cdp);
    const trace = values.trace === undefined ? null : await startRendererTrace(browser, page);
    runStartedAt = Date.now();
    ({ published, failures, replaced, firstInNew } = await driveLines(host, slots, total, (label) =>
      takeSample(label),
    ));
    await waitFor(
      'every published line on screen',
      async () => (await countSightings(page)) >= published.size,
      15_000,
      100,
    ).catch(() => undefined);
    runMs = Date.now() - runStartedAt;
    cpu = cpuBetween(cpuBefore, await readCpu());
    mainThread = { before: mainThreadBefore, after: await mainThreadTimes(cdp), ms: runMs };
    if (profile !== null) hot = await profile.stop(values['cpu-profile']!);
    if (trace !== null) timeline = await trace.stop(values.trace!);
    skew = (skewBefore + (await pageClockSkew(page))) / 2;
    report = await collectPageProbes(page);
    traffic = socket.stop();
    const seen = new Set(report.sightings.map((sighting) => sighting.tag));
    missing = [...published.keys()].filter((tag) => !seen.has(tag)).length;
    await takeSample('end');
    await takeSample('end (after GC)', true);
  } finally {
    inspector?.close();
    await browser.close();
    await host.stop();
    await hog?.stop();
  }

  const toDom: number[] = [];
  const toFrame: number[] = [];
  const toFrameFirstInNew: number[] = [];
  const toFrameOthers: number[] = [];
  for (const sighting of report.sightings) {
    const publishedAt = published.get(sighting.tag);
    if (publishedAt === undefined) continue;
    toDom.push(sighting.inDom - skew - publishedAt);
    if (sighting.nextFrame === null) continue;
    const latency = sighting.nextFrame - skew - publishedAt;
    toFrame.push(latency);
    (firstInNew.has(sighting.tag) ? toFrameFirstInNew : toFrameOthers).push(latency);
  }

  console.log(
    `\nMessaging benchmark: ${conversationCount} monitored conversations (chat and SMS) across ${agentCount} agents, ` +
      `${linesPerSecond} lines/s in total for ${seconds} s (${total} lines), one supervisor, ` +
      `demo contact center on 127.0.0.1, Debian Chromium headless ${viewport.width}×${viewport.height}, ${uiBuildKind()}`,
  );
  console.log(
    `lines published ${published.size}, refused ${failures.length}, conversations completed and replaced ${replaced}, never seen in the page ${missing}; page clock skew ${skew.toFixed(1)} ms (corrected)`,
  );
  console.log(
    `machine: ${availableParallelism()} CPUs, 1-minute load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after (other work on the machine skews every figure)${hog === null ? '' : `; WITH ${hogs} busy-loop process(es) (CPU hog) beside it`}`,
  );
  for (const failure of failures.slice(0, 5)) console.log(`  refused: ${failure}`);
  console.log(summarize('simulator publishes a line → line in the UI DOM', toDom));
  console.log(summarize('simulator publishes a line → next frame (on screen)', toFrame));
  console.log(`${''.padEnd(58)} max ${`${Math.round(percentile(toFrame, 1))} ms`.padStart(10)}`);
  if (turnover !== null) {
    console.log(summarize('  of which the first line of a replacing conversation', toFrameFirstInNew));
    console.log(summarize('  of which the other lines', toFrameOthers));
  }
  printFrames(report, runStartedAt + skew);
  printCpu(cpu, runMs, published.size, idle);
  printMainThread(mainThread, idle, published.size);
  printTraffic(traffic, published.size);
  if (hot !== null) printHottest(hot, values['cpu-profile']!);
  if (timeline !== null)
    printTimeline(timeline, { count: published.size, unit: 'line', note: 'idle costs included' }, values.trace!);
  printMemory(memory);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
