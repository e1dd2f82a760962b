import type { MonitoredCall } from './voice';

/**
 * The call a key acts on, a global hotkey in main or a shortcut in the UI window alike: the newest
 * connected call, else the newest one still being set up. With one subscription at a time there is
 * rarely more than one.
 */
export function keyTargetCall(calls: ReadonlyArray<MonitoredCall>): MonitoredCall | null {
  let best: MonitoredCall | null = null;
  for (const call of calls) {
    const established = call.state === 'established';
    const bestEstablished = best?.state === 'established';
    if (
      best === null ||
      (established && !bestEstablished) ||
      (established === bestEstablished && call.startedAt > best.startedAt)
    )
      best = call;
  }
  return best;
}
