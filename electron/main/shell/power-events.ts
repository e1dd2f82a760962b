import type { NetworkChangeCause } from '../main-services';

/**
 * The power monitor's events after which the network may have changed under the app (a laptop that
 * slept may wake on another network, with its sockets dead), and what main is told for each.
 */
const networkChangeByPowerEvent = {
  resume: 'resume',
  'unlock-screen': 'unlock',
} as const satisfies Record<string, NetworkChangeCause>;

type PowerEvent = keyof typeof networkChangeByPowerEvent;

/** The part of Electron's powerMonitor this needs, so the decision is tested without Electron. */
export interface PowerEventSource {
  on(event: PowerEvent, listener: () => void): unknown;
  off(event: PowerEvent, listener: () => void): unknown;
}

/** Tells main about every power event that may mean a new network; answers how to stop. */
export function forwardPowerEvents(
  source: PowerEventSource,
  networkChanged: (cause: NetworkChangeCause) => void,
): () => void {
  const listeners = (Object.keys(networkChangeByPowerEvent) as PowerEvent[]).map((event) => {
    const listener = (): void => networkChanged(networkChangeByPowerEvent[event]);
    source.on(event, listener);
    return () => source.off(event, listener);
  });
  return () => {
    for (const stop of listeners) stop();
  };
}
