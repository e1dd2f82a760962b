/** Summary figures for a benchmark series: medians and 95th percentiles, never means of noisy samples. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarize(name: string, values: readonly number[], unit = 'ms'): string {
  const format = (value: number) => (Number.isNaN(value) ? 'n/a' : `${Math.round(value * 10) / 10} ${unit}`);
  return `${name.padEnd(58)} median ${format(percentile(values, 0.5)).padStart(10)}   p95 ${format(percentile(values, 0.95)).padStart(10)}   (n=${values.length})`;
}
