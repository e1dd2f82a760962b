import type { Logger } from './logger';

/** The part of `process` the safety net listens on; tests hand in an EventEmitter. */
export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
}

export interface ProcessSafetyOptions {
  readonly logger: Logger;
  /** Which edition is running, so a log line says where the error happened. */
  readonly processName: string;
  /**
   * Called once when uncaught exceptions come faster than `exceptionBudget` allows: the process is
   * no longer trusted to hold a call, and the caller shuts it down after the log is written.
   */
  readonly onFatal: (reason: string) => void;
  readonly events?: ProcessEvents;
  readonly now?: () => number;
  /** Uncaught exceptions tolerated within `budgetWindowMs` before giving up. */
  readonly exceptionBudget?: number;
  readonly budgetWindowMs?: number;
}

const defaultExceptionBudget = 5;
const defaultBudgetWindowMs = 60_000;

function describe(value: unknown): Record<string, unknown> {
  if (value instanceof Error) {
    return { error: `${value.name}: ${value.message}`, stack: value.stack?.split('\n').slice(1, 12).join('\n') };
  }
  return { error: typeof value === 'string' ? value : String(value) };
}

/**
 * The last line of defence of a composition root. A rejected promise nobody awaited is logged and
 * the process carries on: it settled, so it left nothing half-done on the stack. An uncaught
 * exception is logged and tolerated too, since a monitored call must not drop because one handler
 * had a bug, but a stream of them means the state can no longer be trusted, so after
 * `exceptionBudget` within `budgetWindowMs` the caller is asked to stop. Every bug found this way is
 * fixed where it starts; this only keeps the supervisor's call up meanwhile.
 * Returns a function that removes the handlers.
 */
export function installProcessSafetyNet(options: ProcessSafetyOptions): () => void {
  const events = options.events ?? (process as unknown as ProcessEvents);
  const now = options.now ?? Date.now;
  const budget = options.exceptionBudget ?? defaultExceptionBudget;
  const windowMs = options.budgetWindowMs ?? defaultBudgetWindowMs;
  const logger = options.logger;
  const recent: number[] = [];
  let fatal = false;

  const onRejection = (reason: unknown): void => {
    logger.error('A promise was rejected and nobody handled it; carrying on', {
      process: options.processName,
      ...describe(reason),
    });
  };

  const onException = (error: Error, origin: string): void => {
    const at = now();
    recent.push(at);
    while (recent.length > 0 && (recent[0] ?? at) <= at - windowMs) recent.shift();
    const withinBudget = recent.length <= budget;
    logger.error(
      withinBudget ? 'An uncaught exception; carrying on' : 'Too many uncaught exceptions; stopping Earshot',
      { process: options.processName, origin, recentExceptions: recent.length, ...describe(error) },
    );
    if (!withinBudget && !fatal) {
      fatal = true;
      options.onFatal(`${recent.length} uncaught exceptions within ${Math.round(windowMs / 1000)} s`);
    }
  };

  events.on('unhandledRejection', onRejection);
  events.on('uncaughtException', onException);
  return () => {
    events.off('unhandledRejection', onRejection);
    events.off('uncaughtException', onException);
  };
}
