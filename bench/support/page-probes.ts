import type { Page } from 'playwright-core';

/** When a tagged transcript line reached the page (epoch ms, by the page's clock). */
export interface LineSighting {
  tag: string;
  /** The MutationObserver saw the line's element added to the document. */
  inDom: number;
  /** The next animation frame began after that: the frame that paints it. */
  nextFrame: number | null;
}

export interface PageProbeReport {
  sightings: LineSighting[];
  /** requestAnimationFrame deltas in ms while the probes ran. */
  frameDeltas: number[];
  /** Long animation frames (Chromium's LoAF entries, ≥ 50 ms); null where unsupported. */
  longFrames: LongFrame[] | null;
  /** Long tasks (≥ 50 ms), durations in ms. */
  longTasks: number[];
}

export interface LongFrame {
  /** Epoch ms, by the page's clock. */
  startedAt: number;
  duration: number;
  /** All script in it (event handlers, timers, promise jobs). */
  scriptMs: number;
  /** From the start of style and layout to the end of the frame (layout, paint on the main thread). */
  styleAndLayoutMs: number;
  /** The script that took longest in it, as Chromium names it (e.g. "Window.requestAnimationFrame"). */
  longestScript: { invoker: string; sourceFunctionName: string; duration: number } | null;
}

interface ProbeState {
  sightings: Map<string, LineSighting>;
  frameDeltas: number[];
  longFrames: LongFrame[] | null;
  longTasks: number[];
  stop(): void;
}

type ProbeWindow = Window & { __earshotBenchProbe?: ProbeState };

/** The part of Chromium's PerformanceScriptTiming read here (not in TypeScript's DOM types yet). */
interface ScriptTiming {
  invoker: string;
  sourceFunctionName: string;
  duration: number;
}

/**
 * Installs, in the page, a MutationObserver that notes when an element matching `selector` (a
 * transcript line by default) whose text carries `tagPattern` (a regex source with one capture
 * group, the tag) is added or has its text changed, and a requestAnimationFrame loop recording frame
 * deltas, plus long-frame and long-task observers.
 */
export async function installPageProbes(
  page: Page,
  tagPattern: string,
  selector = 'li[data-testid="transcript-line"]',
): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(...); the page
  // has no such helper, so it gets one that changes nothing.
  await page.evaluate('globalThis.__name ??= (target) => target');
  await page.evaluate(
    ({ pattern, lineSelector }) => {
      const probeWindow = window as ProbeWindow;
      probeWindow.__earshotBenchProbe?.stop();
      const tag = new RegExp(pattern);
      const clock = () => performance.timeOrigin + performance.now();
      const state: ProbeState = {
        sightings: new Map(),
        frameDeltas: [],
        longFrames: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? [] : null,
        longTasks: [],
        stop: () => undefined,
      };

      const mutations = new MutationObserver((records) => {
        const at = clock();
        const fresh: LineSighting[] = [];
        const note = (line: Element) => {
          const found = tag.exec(line.textContent ?? '')?.[1];
          if (found === undefined || state.sightings.has(found)) return;
          const sighting: LineSighting = { tag: found, inDom: at, nextFrame: null };
          state.sightings.set(found, sighting);
          fresh.push(sighting);
        };
        for (const record of records) {
          if (record.type === 'characterData') {
            const line = record.target.parentElement?.closest(lineSelector);
            if (line) note(line);
            continue;
          }
          const parent = record.target instanceof Element ? record.target.closest(lineSelector) : null;
          if (parent && record.addedNodes.length > 0) note(parent);
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            const lines = node.matches(lineSelector) ? [node] : Array.from(node.querySelectorAll(lineSelector));
            for (const line of lines) note(line);
          }
        }
        if (fresh.length > 0) {
          requestAnimationFrame(() => {
            const frameAt = clock();
            for (const sighting of fresh) sighting.nextFrame = frameAt;
          });
        }
      });
      mutations.observe(document.body, { childList: true, subtree: true, characterData: true });

      let running = true;
      let previous: number | null = null;
      const onFrame = (time: number) => {
        if (!running) return;
        if (previous !== null) state.frameDeltas.push(time - previous);
        previous = time;
        requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);

      const observers = [mutations as { disconnect(): void }];
      if (state.longFrames !== null) {
        const longFrames = state.longFrames;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const frame = entry as PerformanceEntry & { scripts?: ScriptTiming[]; styleAndLayoutStart?: number };
            const scripts = frame.scripts ?? [];
            const end = entry.startTime + entry.duration;
            const longest = scripts.reduce<ScriptTiming | null>(
              (found, script) => (found === null || script.duration > found.duration ? script : found),
              null,
            );
            longFrames.push({
              startedAt: performance.timeOrigin + entry.startTime,
              duration: entry.duration,
              scriptMs: scripts.reduce((sum, script) => sum + script.duration, 0),
              styleAndLayoutMs: frame.styleAndLayoutStart ? end - frame.styleAndLayoutStart : 0,
              longestScript:
                longest === null
                  ? null
                  : {
                      invoker: longest.invoker,
                      sourceFunctionName: longest.sourceFunctionName,
                      duration: longest.duration,
                    },
            });
          }
        });
        observer.observe({ type: 'long-animation-frame' });
        observers.push(observer);
      }
      const longTasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
      });
      longTasks.observe({ type: 'longtask' });
      observers.push(longTasks);

      state.stop = () => {
        running = false;
        for (const observer of observers) observer.disconnect();
      };
      probeWindow.__earshotBenchProbe = state;
    },
    { pattern: tagPattern, lineSelector: selector },
  );
}

/** Tags seen so far, without stopping the probes. */
export async function countSightings(page: Page): Promise<number> {
  return page.evaluate(() => (window as ProbeWindow).__earshotBenchProbe?.sightings.size ?? 0);
}

/** Stops the probes and returns what they recorded. */
export async function collectPageProbes(page: Page): Promise<PageProbeReport> {
  return page.evaluate(() => {
    const state = (window as ProbeWindow).__earshotBenchProbe;
    if (state === undefined) throw new Error('the page probes are not installed');
    state.stop();
    return {
      sightings: [...state.sightings.values()],
      frameDeltas: state.frameDeltas,
      longFrames: state.longFrames,
      longTasks: state.longTasks,
    };
  });
}
