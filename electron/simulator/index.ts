import { demoSupervisor } from './directory/roster';
import { SimulatorHost } from './simulator-host';

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** PRNG seed for the live floor; default 1. */
  seed?: number;
  /** Agents change state by themselves; default true. Tests pass false. */
  liveFloor?: boolean;
  /** Expose /control/*; default true. The packaged app passes false. */
  controlApi?: boolean;
  /** Default: silent. */
  log?: (line: string) => void;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:43121 (GWS lives under /api/v2). */
  readonly baseUrl: string;
  /** The supervisor's demo credentials. */
  readonly demo: { userName: string; password: string };
  /** Forgets all HTTP sessions and Bayeux clients, stops listening for downMs, listens again on the same port. */
  restart(downMs?: number): Promise<void>;
  /** Closes everything (sockets, timers); idempotent. */
  stop(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = new SimulatorHost({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    seed: options.seed ?? 1,
    liveFloor: options.liveFloor ?? true,
    controlApi: options.controlApi ?? true,
    log: options.log ?? (() => undefined),
  });
  await host.start();
  return {
    baseUrl: host.baseUrl,
    demo: { userName: demoSupervisor.userName, password: demoSupervisor.password },
    restart: (downMs) => host.restart(downMs),
    stop: () => host.stop(),
  };
}
