import type { AppState } from '../common/models/app-state';
import { err, ok } from '../common/result';
import { SupervisorSession } from './contact-center/supervisor-session';
import type { Logger } from './platform/logger';
import { createAppStore, type AppStore } from './state/app-store';
import { createStateBroadcast } from './state/broadcast';
import { createUiInvoke, type UiInvoke } from './ui-commands';

/** The built-in demo contact center as main needs it: started on first use, known only by URL. */
export interface DemoContactCenter {
  start(): Promise<{ readonly baseUrl: string; readonly userName: string; readonly password: string }>;
  stop(): Promise<void>;
}

export interface MainServicesOptions {
  readonly logger: Logger;
  /** Absent where the demo must not be offered. */
  readonly demo?: DemoContactCenter;
  readonly teamPollIntervalMs?: number;
}

export interface MainServices {
  readonly store: AppStore;
  readonly invoke: UiInvoke;
  onState(listener: (state: AppState) => void): () => void;
  dispose(): Promise<void>;
}

/**
 * Builds every main-side service and wires them together. Both composition roots (the Electron shell
 * and the browser host) call this, so the two editions run the very same services.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const { logger, demo } = options;
  const store = createAppStore();
  const broadcast = createStateBroadcast(store);
  const session = new SupervisorSession({
    store,
    logger: logger.child('session'),
    teamPollIntervalMs: options.teamPollIntervalMs,
  });

  const invoke = createUiInvoke(
    {
      'session:getSignInDefaults': async () => {
        const running = demo ? await demo.start() : null;
        return ok({
          demo: running
            ? { available: true, userName: running.userName, password: running.password }
            : { available: false, userName: '', password: '' },
          lastServer: null,
        });
      },
      'session:signIn': async (request) => {
        if (request.server.kind === 'demo') {
          if (!demo) return err('invalid-input', 'This edition of Earshot has no demo contact center.');
          const running = await demo.start();
          return session.signIn({
            baseUrl: running.baseUrl,
            isDemo: true,
            credentials: { userName: request.userName, password: request.password },
          });
        }
        return session.signIn({
          baseUrl: request.server.baseUrl,
          isDemo: false,
          credentials: { userName: request.userName, password: request.password },
        });
      },
      'session:signOut': () => session.signOut(),
      'state:get': async () => ok(store.getState()),
    },
    logger.child('ui'),
  );

  return {
    store,
    invoke,
    onState: (listener) => broadcast.subscribe(listener),
    async dispose(): Promise<void> {
      await session.dispose();
      broadcast.dispose();
      await demo?.stop();
    },
  };
}

