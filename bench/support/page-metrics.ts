import type { CDPSession } from 'playwright-core';

/**
 * One reading of the page's Performance.getMetrics (the domain must be enabled), looked up by
 * name: durations in seconds, sizes in bytes, counts as counts; NaN for one Chromium did not report.
 */
export async function readPageMetrics(cdp: CDPSession): Promise<(name: string) => number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const byName = new Map(metrics.map((entry) => [entry.name, entry.value]));
  return (name) => byName.get(name) ?? Number.NaN;
}
