import { demoCredentials, startSimulator, type RunningSimulator } from '../simulator/index';
import type { DemoContactCenter } from './main-services';
import type { Logger } from './platform/logger';

/**
 * The built-in demo contact center, started in this process on first use. Earshot talks to it only
 * over HTTP and CometD on 127.0.0.1, exactly as to a real GWS server. Its control API is for tests
 * of the browser edition only; the Electron app never turns it on.
 */
export function createInProcessDemo(
  logger: Logger,
  options: {
    controlApi?: boolean;
    controlToken?: string;
    clipsDirectory: string;
    /** Agents on the demo floor (default 12, up to 2,000). */
    agents?: number;
    /** The most contacts one page of `GET /api/v2/contacts` holds (default 100). */
    contactsPageSize?: number;
  },
): DemoContactCenter {
  let running: Promise<RunningSimulator> | null = null;
  const start = () => {
    running ??= startSimulator({
      controlApi: options.controlApi ?? false,
      controlToken: options.controlToken,
      liveFloor: true,
      clipsDirectory: options.clipsDirectory,
      agents: options.agents,
      contactsPageSize: options.contactsPageSize,
      log: (line: string) => logger.debug(line),
    }).catch((error: unknown) => {
      running = null;
      throw error;
    });
    return running;
  };
  return {
    credentials: demoCredentials,
    async start() {
      const simulator = await start();
      return {
        baseUrl: simulator.baseUrl,
        userName: simulator.demo.userName,
        password: simulator.demo.password,
        sip: simulator.demo.sip,
      };
    },
    async stop() {
      const current = running;
      running = null;
      if (current) await (await current).stop();
    },
  };
}
