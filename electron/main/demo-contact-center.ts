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
  options: { controlApi?: boolean; controlToken?: string; clipsDirectory: string },
): DemoContactCenter {
  let running: Promise<RunningSimulator> | null = null;
  const start = () => {
    running ??= startSimulator({
      controlApi: options.controlApi ?? false,
      controlToken: options.controlToken,
      liveFloor: true,
      clipsDirectory: options.clipsDirectory,
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
