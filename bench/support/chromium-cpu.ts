import type { Browser } from 'playwright-core';

/** CPU time (ms) each kind of Chromium process has used since it started, e.g. { renderer, browser, GPU }. */
export type CpuByProcessType = Record<string, number>;

/** Reads Chromium's per-process CPU time through the browser-level DevTools session. */
export async function chromiumCpuReader(browser: Browser): Promise<() => Promise<CpuByProcessType>> {
  const session = await browser.newBrowserCDPSession();
  return async () => {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    const byType: CpuByProcessType = {};
    for (const process of processInfo) byType[process.type] = (byType[process.type] ?? 0) + process.cpuTime * 1000;
    return byType;
  };
}

/** What each kind of process used between two readings; processes that ended are left out. */
export function cpuBetween(before: CpuByProcessType, after: CpuByProcessType): CpuByProcessType {
  return Object.fromEntries(Object.entries(after).map(([type, ms]) => [type, Math.max(0, ms - (before[type] ?? 0))]));
}
