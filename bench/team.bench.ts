import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, promisify } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/support/chromium';
import { callControl } from '../test/support/simulator-control';
import { connectNodeInspector, findInspectorUrl, type NodeInspector } from './support/node-inspector';
import { collectPageProbes, installPageProbes, type PageProbeReport } from './support/page-probes';
import { readPageMetrics } from './support/page-metrics';
import { mebibytes, residentSetBytes } from './support/process-memory';
import { startCpuHog } from './support/cpu-hog';
import { printHottest, startPageProfile } from './support/cpu-profile';
import { printTimeline, startRendererTrace } from './support/renderer-trace';
import { percentile, summarize } from './support/stats';

/**
 * npm run bench:team [-- --agents 500] [--seconds 60] [--interactions 100] [--updates 50] [--cpu-hog N]
 *   [--sort-rounds 3] [--cpu-profile FILE] [--trace FILE]
 *
 * A large floor end to end: the demo contact center in its own process (--still: nothing moves but
 * what this bench moves), the browser edition's main services in theirs (no built-in demo), the UI
 * in Debian Chromium, the media host page open beside it as a supervisor keeps it. Prints how long
 * the whole team takes to load, then, with `interactions` calls, chats and SMS live and `updates`
 * agent changes a second: UI frame times, update → on screen (and GWS read → on screen, main and UI
 * alone), the GWS requests the client makes, memory at the start and the end, and how long sorting
 * and filtering take (each action `sort-rounds` times, as medians). --cpu-hog N runs N busy-loop processes beside it all, as a loaded laptop would.
 * --cpu-profile writes the page's V8 profile of the sorting and filtering (open it in DevTools) and
 * lists the hottest functions; --trace writes Chromium's timeline of them (DevTools' Performance panel
 * opens it) and lists the page's main thread by timeline event (script, style, layout, paint, GC…).
 */
const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '60' },
    interactions: { type: 'string', default: '100' },
    updates: { type: 'string', default: '50' },
    'cpu-hog': { type: 'string', default: '0' },
    'sort-rounds': { type: 'string', default: '3' },
    'cpu-profile': { type: 'string' },
    trace: { type: 'string' },
  },
});
const agentCount = Math.round(positive(values.agents, '--agents'));
const seconds = positive(values.seconds, '--seconds');
const interactionCount = Math.round(positive(values.interactions, '--interactions'));
const updatesPerSecond = positive(values.updates, '--updates');
const sortRounds = Math.round(positive(values['sort-rounds'], '--sort-rounds'));
const viewport = { width: 1440, height: 900 };
/** One frame at 60 Hz. A frame on time measures it give or take a fraction; one over 17 ms missed its vsync. */
const frameMs = 1000 / 60;
const missedFrameMs = 17;
const goals = {
  frameP95Ms: frameMs,
  /** A sort or a filter should not make the page miss a frame. */
  actionFrameMs: frameMs,
  updateOnScreenP95Ms: 100,
  memoryMB: 250,
  requestsPerSecond: 2,
};

const run = promisify(execFile);

function positive(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${text}`);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

interface ControlAgent {
  id: string;
  userName: string;
  state: string;
  interactions: unknown[];
}

interface Traffic {
  since: number;
  now: number;
  users: Record<string, { total: number; byRequest: Record<string, number> }>;
  recent: Array<{ at: number; userName: string; route: string; query: string }>;
}

/** Starts a Node script and resolves once stdout has matched every pattern (each one's group 1). */
async function startProcess<Key extends string>(
  args: readonly string[],
  patterns: Readonly<Record<Key, RegExp>>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; found: Record<Key, string>; logs: string[] }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const logs: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const keys = Object.keys(patterns) as Key[];
  const found: Partial<Record<Key, string>> = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start in 60 s:\n${logs.join('')}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${logs.join('')}`)));
    lines.on('line', (line) => {
      logs.push(line);
      for (const key of keys) found[key] ??= patterns[key].exec(line)?.[1];
      if (keys.every((key) => found[key] !== undefined)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, found: found as Record<Key, string>, logs };
}

type Control = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => Promise<unknown>;

async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Proportional set size (Linux): a process's own pages plus its share of those it shares, so
 * processes that share libraries are not counted twice as their RSS would be. NaN elsewhere.
 */
async function proportionalBytes(pid: number): Promise<number> {
  try {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? Number.NaN) * 1024;
  } catch {
    return Number.NaN;
  }
}

interface RendererMemory {
  rss: number;
  pss: number;
  count: number;
  /** Chromium's own browser-UI renderer (`--top-chrome-webui`): none of Earshot's pages, and no Electron window has one. */
  browserUiPss: number;
}

/**
 * This bench's Chromium renderer processes that hold the UI and media host pages. Headless
 * Chromium also runs a renderer for its own browser UI; it is counted apart, not as Earshot's.
 */
async function rendererMemory(): Promise<RendererMemory> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,rss=,args=']);
  const rows = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), rss: Number(match[3]) * 1024, args: match[4]! }));
  const descendants = new Set([process.pid]);
  for (let round = 0; round < 6; round += 1) {
    for (const row of rows) if (descendants.has(row.ppid)) descendants.add(row.pid);
  }
  const renderers = rows.filter((row) => descendants.has(row.pid) && row.args.includes('--type=renderer'));
  const isBrowserUi = (row: { args: string }) => row.args.includes('--top-chrome-webui');
  const pages = renderers.filter((row) => !isBrowserUi(row));
  const [pss, browserUiPss] = await Promise.all([
    Promise.all(pages.map((row) => proportionalBytes(row.pid))),
    Promise.all(renderers.filter(isBrowserUi).map((row) => proportionalBytes(row.pid))),
  ]);
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    rss: sum(pages.map((row) => row.rss)),
    pss: sum(pss),
    count: pages.length,
    browserUiPss: sum(browserUiPss),
  };
}

async function jsHeap(cdp: CDPSession): Promise<number> {
  return (await readPageMetrics(cdp))('JSHeapUsedSize');
}

interface MemorySample {
  label: string;
  mainRss: number;
  mainPss: number;
  mainHeap: number;
  uiHeap: number;
  mediaHeap: number;
  renderers: RendererMemory;
}

/** Page clock (performance.timeOrigin + now) minus the wall clock the bench stamps changes with. */
async function pageClockSkew(page: Page): Promise<number> {
  const before = Date.now();
  const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
  return pageNow - (before + Date.now()) / 2;
}

/** Signs in to "a Genesys server" (the simulator) and times it to the first rows and to the whole team. */
async function signIn(page: Page, gwsUrl: string): Promise<{ firstRowsMs: number; wholeTeamMs: number }> {
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(...): the page has
  // none. An init script gives every document one, the sign-in page the launch page replaces included.
  await page.addInitScript('globalThis.__name ??= (target) => target');
  await page.goto(uiUrl);
  await page.getByRole('tab', { name: /genesys server/i }).waitFor();
  await page.getByRole('tab', { name: /genesys server/i }).click();
  await page.getByLabel(/server address/i).fill(gwsUrl);
  await page.getByLabel(/user name/i).fill('supervisor');
  await page.getByLabel(/^password/i).fill('demo');
  const timing = page.evaluate(
    (expected) =>
      new Promise<{ firstRowsMs: number; wholeTeamMs: number }>((resolve) => {
        const started = performance.now();
        let firstRows: number | null = null;
        const check = () => {
          if (firstRows === null && document.querySelector('.agent-row')) firstRows = performance.now() - started;
          const summary = document.querySelector('[data-testid="team-summary"]')?.textContent;
          if (summary === `${expected} agents`) {
            resolve({ firstRowsMs: firstRows ?? Number.NaN, wholeTeamMs: performance.now() - started });
            return;
          }
          requestAnimationFrame(check);
        };
        (document.querySelector('button[type="submit"]') as HTMLButtonElement | null)?.click();
        requestAnimationFrame(check);
      }),
    agentCount,
  );
  return timing;
}

let uiUrl = '';

/**
 * Changes `updatesPerSecond` agents a second at fixed times: most get a Not Ready reason carrying a
 * tag (`Break u123`) the page probe spots on screen; some go Ready or to After Call Work; a few
 * trade an interaction for a new one elsewhere, so `interactions` stay live throughout.
 */
async function driveUpdates(
  control: Control,
  free: ControlAgent[],
  live: Array<{ id: string; agentId: string }>,
  total: number,
): Promise<{ tagged: Map<string, { at: number; agentId: string }>; failures: string[]; turnovers: number }> {
  const tagged = new Map<string, { at: number; agentId: string }>();
  const failures: string[] = [];
  const reasons = ['Break', 'Lunch', 'Training', 'Meeting', 'Coaching'];
  let turnovers = 0;
  const intervalMs = 1000 / updatesPerSecond;
  const startedAt = performance.now();
  const pending: Array<Promise<unknown>> = [];
  const note = (error: unknown) => failures.push(error instanceof Error ? error.message : String(error));
  for (let update = 0; update < total; update += 1) {
    await sleep(startedAt + update * intervalMs - performance.now());
    const agent = free[(update * 7919) % free.length]!;
    const roll = update % 10;
    if (roll === 9 && live.length > 0) {
      const ending = live[update % live.length]!;
      const next = free[(update * 104_729) % free.length]!;
      turnovers += 1;
      pending.push(
        control('DELETE', `/interactions/${ending.id}`)
          .then(() => control('POST', `/agents/${next.id}/interactions`, { kind: 'chat', script: false }))
          .then((started) => {
            ending.id = (started as { id: string }).id;
            ending.agentId = next.id;
          })
          .catch(note),
      );
    } else if (roll === 8) {
      pending.push(control('POST', `/agents/${agent.id}/state`, { state: 'Ready' }).catch(note));
    } else if (roll === 7) {
      pending.push(control('POST', `/agents/${agent.id}/state`, { state: 'AfterCallWork' }).catch(note));
    } else {
      const tag = `u${update}`;
      pending.push(
        control('POST', `/agents/${agent.id}/state`, {
          state: 'NotReady',
          reason: `${reasons[update % reasons.length]} ${tag}`,
        })
          .then(() => tagged.set(tag, { at: Date.now(), agentId: agent.id }))
          .catch(note),
      );
    }
    if (update % Math.max(1, Math.round(updatesPerSecond)) === 0)
      process.stdout.write(`update ${update + 1}/${total}\r`);
  }
  await Promise.all(pending);
  return { tagged, failures, turnovers };
}

/**
 * The page's main thread so far, in ms: its tasks' wall time (CDP TaskDuration) and the CPU time it
 * had (ThreadTime). A loaded machine stretches the first; the second is the work itself.
 */
async function pageWork(cdp: CDPSession): Promise<{ taskMs: number; cpuMs: number }> {
  const seconds = await readPageMetrics(cdp);
  return { taskMs: seconds('TaskDuration') * 1000, cpuMs: seconds('ThreadTime') * 1000 };
}

interface ActionTiming {
  action: string;
  toPaintMs: number;
  longestFrameMs: number;
  workMs: number;
  cpuMs: number;
  /** Every frame interval in the half second after the action. */
  frames: number[];
}

/**
 * Sorting and filtering as a supervisor does it: for each action, the time from the click or key
 * to the frame that shows its result, the frames in the half second after it (the longest
 * printed), and the page's main-thread work for it: its tasks' time and the CPU time they had, which
 * a loaded machine stretches least. The whole sequence runs `rounds` times.
 */
async function timeSortAndFilter(page: Page, cdp: CDPSession, rounds: number): Promise<ActionTiming[]> {
  const actions: Array<{ action: string; selector: string; kind: 'click' | 'type' | 'select'; value?: string }> = [
    { action: 'nothing (the clocks ticking)', selector: 'body', kind: 'click', value: 'none' },
    { action: 'sort by state', selector: '[data-testid="sort-state"]', kind: 'click' },
    { action: 'sort by time in state', selector: '[data-testid="sort-timeInState"]', kind: 'click' },
    { action: 'sort by calls, chats, SMS', selector: '[data-testid="sort-activity"]', kind: 'click' },
    { action: 'sort by name (descending)', selector: '[data-testid="sort-name"]', kind: 'click' },
    { action: 'sort by name (ascending)', selector: '[data-testid="sort-name"]', kind: 'click' },
    { action: 'filter "a"', selector: 'input[aria-label="Filter agents"]', kind: 'type', value: 'a' },
    { action: 'filter "an"', selector: 'input[aria-label="Filter agents"]', kind: 'type', value: 'an' },
    { action: 'filter "ana"', selector: 'input[aria-label="Filter agents"]', kind: 'type', value: 'ana' },
    { action: 'clear the filter', selector: 'input[aria-label="Filter agents"]', kind: 'type', value: '' },
    { action: 'Busy only', selector: '[data-testid="state-chip-Busy"]', kind: 'click' },
    { action: 'everyone', selector: '[data-testid="state-chip-all"]', kind: 'click' },
    { action: 'one agent group', selector: '[data-testid="group-filter"]', kind: 'select' },
    { action: 'all groups', selector: '[data-testid="group-filter"]', kind: 'select', value: '' },
    { action: 'scroll to the end', selector: '[data-testid="team-table-scroll"]', kind: 'click', value: 'end' },
    { action: 'scroll to the top', selector: '[data-testid="team-table-scroll"]', kind: 'click', value: 'top' },
  ];
  const results: ActionTiming[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const step of actions) {
      const before = await pageWork(cdp);
      const timing = await page.evaluate(async ({ selector, kind, value }) => {
        const element = document.querySelector(selector) as HTMLElement | null;
        if (element === null) return { toPaintMs: Number.NaN, longestFrameMs: Number.NaN, frames: [] };
        const frames: number[] = [];
        let last = performance.now();
        let watching = true;
        const watch = (time: number) => {
          frames.push(time - last);
          last = time;
          if (watching) requestAnimationFrame(watch);
        };
        await new Promise((resolve) => requestAnimationFrame(resolve));
        last = performance.now();
        requestAnimationFrame(watch);
        const started = performance.now();
        if (value === 'none') {
          // Nothing: what the page does meanwhile anyway.
        } else if (value === 'end' || value === 'top') {
          element.scrollTop = value === 'end' ? element.scrollHeight : 0;
        } else if (kind === 'click') {
          element.click();
        } else if (kind === 'type' && element instanceof HTMLInputElement) {
          // React listens for input events and reads the value through the native setter.
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(element, value);
          element.dispatchEvent(new Event('input', { bubbles: true }));
        } else if (kind === 'select' && element instanceof HTMLSelectElement) {
          element.value = value ?? element.options[1]?.value ?? '';
          element.dispatchEvent(new Event('change', { bubbles: true }));
        }
        // The frame after the one that rendered the change: it is on screen by then.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const toPaintMs = performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 500));
        watching = false;
        return { toPaintMs, longestFrameMs: Math.max(0, ...frames), frames };
      }, step);
      // The half second of watching frames is mostly idle; the page's clocks tick once in it.
      const after = await pageWork(cdp);
      results.push({
        action: step.action,
        ...timing,
        workMs: after.taskMs - before.taskMs,
        cpuMs: after.cpuMs - before.cpuMs,
      });
      await sleep(200);
    }
  }
  return results;
}

/** Which GWS read first brought each change: a read by name that named the agent, or the page holding them. */
function firstReadAfter(
  change: { at: number; agentId: string },
  userName: string,
  pageOffset: number,
  reads: Traffic['recent'],
): number | null {
  for (const read of reads) {
    if (read.at < change.at || read.route !== '/contacts') continue;
    const query = new URLSearchParams(read.query);
    const names = query.get('name');
    if (names !== null ? names.split(',').includes(userName) : Number(query.get('offset') ?? 0) === pageOffset) {
      return read.at;
    }
  }
  return null;
}

function printFrames(report: PageProbeReport): void {
  const deltas = report.frameDeltas;
  console.log(summarize('UI frame interval (requestAnimationFrame delta)', deltas));
  console.log(
    `${''.padEnd(58)} max ${`${Math.round(Math.max(0, ...deltas) * 10) / 10} ms`.padStart(10)}   over ${missedFrameMs} ms (missed a frame): ${deltas.filter((delta) => delta > missedFrameMs).length}, over 50 ms: ${deltas.filter((delta) => delta > 50).length} of ${deltas.length} frames`,
  );
  if (report.longFrames !== null) {
    const longest = Math.max(0, ...report.longFrames.map((frame) => frame.duration));
    console.log(
      `${'long animation frames (≥ 50 ms of work)'.padEnd(58)} count ${String(report.longFrames.length).padStart(4)}   longest ${Math.round(longest)} ms`,
    );
  }
}

function printMemory(samples: readonly MemorySample[]): void {
  console.log(
    '\nMemory. main = the browser host process (the UI services; the demo contact center runs apart); renderers = Chromium\n' +
      "renderer processes of the UI and media host pages. PSS counts shared pages once. Not counted: Chromium's browser\n" +
      'and GPU processes, and the renderer of its own browser UI (shown apart; no Electron window has one).',
  );
  console.log(
    `${'when'.padEnd(14)}${'main RSS'.padStart(11)}${'main PSS'.padStart(11)}${'main heap'.padStart(11)}${'UI heap'.padStart(10)}${'media heap'.padStart(12)}${'renderers RSS'.padStart(15)}${'renderers PSS'.padStart(15)}${'main + renderers PSS'.padStart(22)}`,
  );
  for (const sample of samples) {
    console.log(
      `${sample.label.padEnd(14)}${mebibytes(sample.mainRss).padStart(11)}${mebibytes(sample.mainPss).padStart(11)}${mebibytes(sample.mainHeap).padStart(11)}${mebibytes(sample.uiHeap).padStart(10)}${mebibytes(sample.mediaHeap).padStart(12)}${`${mebibytes(sample.renderers.rss)} (${sample.renderers.count})`.padStart(15)}${mebibytes(sample.renderers.pss).padStart(15)}${mebibytes(sample.mainPss + sample.renderers.pss).padStart(22)}`,
    );
  }
  const last = samples.at(-1);
  if (last !== undefined) {
    const total = last.mainPss + last.renderers.pss;
    console.log(
      `${''.padEnd(14)}at the end: main + UI + media host ${Math.round(total / 1e6)} MB (goal ≤ ${goals.memoryMB} MB); ` +
        `Chromium's browser-UI renderer beside them ${mebibytes(last.renderers.browserUiPss)} PSS`,
    );
  }
}

function printSortAndFilter(results: readonly ActionTiming[]): void {
  const ms = (value: number, width: number) => `${Math.round(value)} ms`.padStart(width);
  const median = (timings: readonly ActionTiming[], pick: (timing: ActionTiming) => number) =>
    percentile(timings.map(pick), 0.5);
  const rounds = results.length / new Set(results.map((result) => result.action)).size;
  console.log(`\nSorting, filtering and scrolling ${agentCount} agents: medians of ${rounds} rounds`);
  console.log(
    `  ${'action'.padEnd(34)}${'to paint'.padStart(10)}${'longest frame'.padStart(16)}${'page work'.padStart(12)}${'page CPU'.padStart(11)}`,
  );
  const row = (label: string, timings: readonly ActionTiming[]) =>
    console.log(
      `  ${label.padEnd(34)}${ms(
        median(timings, (timing) => timing.toPaintMs),
        10,
      )}${ms(
        median(timings, (timing) => timing.longestFrameMs),
        16,
      )}${ms(
        median(timings, (timing) => timing.workMs),
        12,
      )}${ms(
        median(timings, (timing) => timing.cpuMs),
        11,
      )}`,
    );
  for (const action of new Set(results.map((result) => result.action))) {
    row(
      action,
      results.filter((result) => result.action === action),
    );
  }
  row('median of every action', results);
  const longest = results.map((result) => result.longestFrameMs);
  const frames = results.flatMap((result) => result.frames);
  const missed = frames.filter((frame) => frame > missedFrameMs).length;
  console.log(
    `  longest frame after an action: median ${Math.round(percentile(longest, 0.5))} ms, p95 ${Math.round(percentile(longest, 0.95))} ms, max ${Math.round(Math.max(...longest))} ms ` +
      `(goal: none over ${goals.actionFrameMs.toFixed(1)} ms, one frame at 60 Hz)`,
  );
  console.log(
    `  frames in the half second after each action: ${missed} of ${frames.length} over ${missedFrameMs} ms (missed a frame), ${frames.filter((frame) => frame > 50).length} over 50 ms (goal: none over ${goals.actionFrameMs.toFixed(1)} ms)`,
  );
  console.log(
    "  page work = the UI main thread's task time from the action to the end of its half second; page CPU = the CPU time it had",
  );
}

function uiBuildKind(): string {
  const bundle = readFileSync('out/renderer/ui/app.js', 'utf8');
  return bundle.includes('react-dom-client.development.js')
    ? 'development UI build (React dev mode)'
    : 'production UI build';
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const hogs = Number(values['cpu-hog']);
  const hog = hogs > 0 ? startCpuHog(hogs, seconds * 3 + 300) : null;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'earshot-bench-'));
  let simulator: ChildProcess | null = null;
  let host: ChildProcess | null = null;
  let inspector: NodeInspector | null = null;
  let browser: Browser | null = null;
  try {
    const sim = await startProcess(['out/simulator/cli.js', '--agents', String(agentCount), '--still', '--quiet'], {
      gws: /GWS base URL : (\S+)/,
      token: /Authorization: Bearer ([^)\s]+)\)/,
    });
    simulator = sim.child;
    const gwsUrl = sim.found.gws;
    const control: Control = (method, path, body) => callControl(gwsUrl, method, path, body, sim.found.token);
    const started = await startProcess(
      ['out/browser-host/index.js', '--port', '0', '--no-demo', '--data-dir', dataDirectory],
      { ui: /running at (\S+)/, media: /media host\) page is (\S+)/ },
      { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--inspect=127.0.0.1:0'].filter(Boolean).join(' ') },
    );
    host = started.child;
    uiUrl = started.found.ui;
    await sleep(200);
    const inspectorUrl = findInspectorUrl(started.logs);
    if (inspectorUrl !== undefined) inspector = await connectNodeInspector(inspectorUrl);

    // No spare renderer process: the renderers counted are the UI's and the media host's.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: 30_000,
      args: chromiumArgs.map((arg) =>
        arg.startsWith('--disable-features=') ? `${arg},SpareRendererForSitePerProcess` : arg,
      ),
    });
    const context = await browser.newContext({ viewport });
    const media = await context.newPage();
    await media.goto(started.found.media);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const mediaCdp = await context.newCDPSession(media);
    await Promise.all([cdp.send('Performance.enable'), mediaCdp.send('Performance.enable')]);

    const load = await signIn(page, gwsUrl);
    const known = ((await control('GET', '/state')) as { agents: ControlAgent[] }).agents;
    const working = known.filter((agent) => agent.state === 'Ready');
    const live: Array<{ id: string; agentId: string }> = [];
    for (let index = 0; index < interactionCount && index < working.length; index += 1) {
      const agent = working[index]!;
      const kind = index % 10 < 5 ? 'call' : index % 10 < 8 ? 'chat' : 'sms';
      const answer = (
        kind === 'call'
          ? await control('POST', `/agents/${agent.id}/calls`, {})
          : await control('POST', `/agents/${agent.id}/interactions`, { kind, script: false })
      ) as { id: string };
      live.push({ id: answer.id, agentId: agent.id });
    }
    const busy = new Set(live.map((item) => item.agentId));
    const free = known.filter((agent) => agent.state !== 'LoggedOut' && !busy.has(agent.id));
    await sleep(5_000);

    const memory: MemorySample[] = [];
    const sample = async (label: string) => {
      await Promise.all([inspector?.collectGarbage(), cdp.send('HeapProfiler.collectGarbage')]);
      const hostPid = host?.pid ?? 0;
      const [mainRss, mainPss, mainHeap, uiHeap, mediaHeap, renderers] = await Promise.all([
        residentSetBytes(hostPid),
        proportionalBytes(hostPid),
        inspector?.heap().then((heap) => heap.heapUsed) ?? Number.NaN,
        jsHeap(cdp),
        jsHeap(mediaCdp),
        rendererMemory(),
      ]);
      memory.push({ label, mainRss, mainPss, mainHeap, uiHeap, mediaHeap, renderers });
    };
    await sample('start (GC)');
    await sleep(1_000);
    await control('DELETE', '/traffic');
    await installPageProbes(page, String.raw`\b(u\d+)\b`, '.agent-row .state__reason');
    const skewBefore = await pageClockSkew(page);
    const runStartedAt = Date.now();
    const total = Math.round(seconds * updatesPerSecond);
    const { tagged, failures, turnovers } = await driveUpdates(control, free, live, total);
    await sleep(3_000);
    const runMs = Date.now() - runStartedAt;
    const skew = (skewBefore + (await pageClockSkew(page))) / 2;
    const report = await collectPageProbes(page);
    const traffic = (await control('GET', '/traffic')) as Traffic;
    await sample('end (GC)');
    const profileFile = values['cpu-profile'];
    const profile = profileFile === undefined ? null : await startPageProfile(cdp);
    const trace = values.trace === undefined ? null : await startRendererTrace(browser, page);
    const sortAndFilter = await timeSortAndFilter(page, cdp, sortRounds);
    const hottest = profile === null ? null : await profile.stop(profileFile!);
    const timeline = trace === null ? null : await trace.stop(values.trace!);

    // Where each agent sits in the sorted team, so a page read can be told to have carried them.
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    const sorted = [...known].sort((a, b) => collator.compare(a.userName, b.userName) || a.id.localeCompare(b.id));
    const offsetOf = new Map(sorted.map((agent, index) => [agent.id, Math.floor(index / 100) * 100]));
    const userNameOf = new Map(known.map((agent) => [agent.id, agent.userName]));
    const reads = traffic.recent.filter((read) => read.userName === 'supervisor').sort((a, b) => a.at - b.at);
    const updateToScreen: number[] = [];
    const readToScreen: number[] = [];
    for (const sighting of report.sightings) {
      const change = tagged.get(sighting.tag);
      if (change === undefined || sighting.nextFrame === null) continue;
      const shownAt = sighting.nextFrame - skew;
      updateToScreen.push(shownAt - change.at);
      const readAt = firstReadAfter(
        change,
        userNameOf.get(change.agentId) ?? '',
        offsetOf.get(change.agentId) ?? 0,
        reads,
      );
      if (readAt !== null && readAt <= shownAt) readToScreen.push(shownAt - readAt);
    }
    const requests = traffic.users.supervisor ?? { total: 0, byRequest: {} };
    const trafficSeconds = (traffic.now - traffic.since) / 1000;

    console.log(
      `\nTeam benchmark: ${agentCount} agents, ${live.length} live calls, chats and SMS, ${updatesPerSecond} agent updates/s for ${seconds} s ` +
        `(${total} updates, ${tagged.size} tagged, ${turnovers} interaction turnovers, ${failures.length} refused), one supervisor; ` +
        `demo contact center in its own process on 127.0.0.1; Debian Chromium headless ${viewport.width}×${viewport.height}, ${uiBuildKind()}` +
        (hog ? `; WITH ${hogs} busy-loop process(es) (CPU hog) running beside it` : ''),
    );
    console.log(
      `machine: ${availableParallelism()} CPUs, 1-minute load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after (other work on the machine skews every figure); page clock skew ${skew.toFixed(1)} ms (corrected)`,
    );
    for (const failure of failures.slice(0, 5)) console.log(`  refused: ${failure}`);
    console.log(
      `\nsign in → first rows on screen ${Math.round(load.firstRowsMs)} ms; → whole team (${agentCount} agents) ${Math.round(load.wholeTeamMs)} ms`,
    );
    console.log('');
    printFrames(report);
    console.log(`${''.padEnd(58)} goal: p95 ≤ ${goals.frameP95Ms.toFixed(1)} ms (one frame at 60 Hz), none over 50 ms`);
    console.log(
      summarize('agent update → on screen (rendered rows; includes the wait for the next read)', updateToScreen),
    );
    console.log(`${''.padEnd(58)} max ${`${Math.round(percentile(updateToScreen, 1))} ms`.padStart(10)}`);
    console.log(summarize('GWS read that carried it → on screen (main + UI)', readToScreen));
    console.log(`${''.padEnd(58)} goal: update → on screen p95 ≤ ${goals.updateOnScreenP95Ms} ms`);
    console.log(
      `\nGWS requests by the client during the run: ${requests.total} in ${trafficSeconds.toFixed(1)} s = ${(requests.total / trafficSeconds).toFixed(2)}/s (budget ${goals.requestsPerSecond}/s)`,
    );
    for (const [request, count] of Object.entries(requests.byRequest).sort((a, b) => b[1] - a[1])) {
      console.log(`  ${request.padEnd(40)}${String(count).padStart(6)}   ${(count / trafficSeconds).toFixed(2)}/s`);
    }
    console.log(
      `  of GET /contacts, by name (rows on screen): ${reads.filter((read) => read.query.includes('name=')).length}`,
    );
    printMemory(memory);
    printSortAndFilter(sortAndFilter);
    if (hottest !== null) printHottest(hottest, profileFile!);
    if (timeline !== null) printTimeline(timeline, { count: sortAndFilter.length, unit: 'action' }, values.trace!);
    console.log(`run ${(runMs / 1000).toFixed(1)} s`);
  } finally {
    inspector?.close();
    await browser?.close();
    await stopProcess(host);
    await stopProcess(simulator);
    await hog?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
