/** Epoch milliseconds with sub-millisecond precision, comparable across the page's events. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
