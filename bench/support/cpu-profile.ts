import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  selfMs: number;
  share: number;
}

/** Starts the V8 sampling profiler in the page; `stop` writes the .cpuprofile and returns the hottest functions. */
export async function startPageProfile(cdp: CDPSession): Promise<{ stop(file: string): Promise<HotFunction[]> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      return hottest(profile as Profile);
    },
  };
}

/** Self time by function (name, file and line), largest first, idle time left out. */
export function hottest(profile: Profile, count = 15): HotFunction[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByName = new Map<string, number>();
  let busyMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index += 1) {
    const frame = byNode.get(samples[index]!)?.callFrame;
    const ms = (deltas[index] ?? 0) / 1000;
    if (frame === undefined || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    selfByName.set(name, (selfByName.get(name) ?? 0) + ms);
    busyMs += ms;
  }
  return [...selfByName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, selfMs]) => ({ name, selfMs, share: busyMs === 0 ? 0 : selfMs / busyMs }));
}

export function printHottest(hot: readonly HotFunction[], file: string): void {
  console.log(`\nHottest functions in the page (self time, of the busy time; profile in ${file})`);
  for (const entry of hot) {
    console.log(
      `  ${`${Math.round(entry.selfMs)} ms`.padStart(9)} ${`${(100 * entry.share).toFixed(1)} %`.padStart(7)}  ${entry.name}`,
    );
  }
}
