import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface TimelineShare {
  name: string;
  selfMs: number;
}

/**
 * Records Chromium's timeline (what DevTools' Performance panel shows) for the page; `stop` writes
 * the trace and returns the renderer main thread's self time by event (script, style, layout,
 * paint, commit, GC…), which the V8 profile cannot see.
 */
export async function startRendererTrace(
  browser: Browser,
  page: Page,
): Promise<{ stop(file: string): Promise<TimelineShare[]> }> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'],
  });
  return {
    async stop(file) {
      const buffer = await browser.stopTracing();
      writeFileSync(file, buffer);
      const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return mainThreadSelfTimes(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
    },
  };
}

/** Self time of each complete event on renderer main threads: its duration less its children's. */
export function mainThreadSelfTimes(events: readonly TraceEvent[]): TimelineShare[] {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(thread)) continue;
    const list = byThread.get(thread) ?? [];
    list.push(event);
    byThread.set(thread, list);
  }
  const selfByName = new Map<string, number>();
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const open: Array<{ event: TraceEvent; childrenUs: number }> = [];
    const close = (until: number) => {
      while (open.length > 0 && open.at(-1)!.event.ts + open.at(-1)!.event.dur! <= until) {
        const done = open.pop()!;
        const self = Math.max(0, done.event.dur! - done.childrenUs);
        selfByName.set(done.event.name, (selfByName.get(done.event.name) ?? 0) + self);
        if (open.length > 0) open.at(-1)!.childrenUs += done.event.dur!;
      }
    };
    for (const event of list) {
      close(event.ts);
      open.push({ event, childrenUs: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return [...selfByName.entries()]
    .map(([name, us]) => ({ name, selfMs: us / 1000 }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/** The heaviest timeline events, each as self time per `unit` (a line, an action) over `count` of them. */
export function printTimeline(
  timeline: readonly TimelineShare[],
  per: { count: number; unit: string; note?: string },
  file: string,
): void {
  console.log(
    `\nThe page's main thread by timeline event, self time per ${per.unit}${per.note === undefined ? '' : `, ${per.note}`} (trace in ${file})`,
  );
  for (const share of timeline.slice(0, 18)) {
    console.log(`  ${share.name.padEnd(40)}${`${(share.selfMs / Math.max(1, per.count)).toFixed(2)} ms`.padStart(10)}`);
  }
}
