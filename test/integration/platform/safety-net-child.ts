import { createLogger, formatLogRecord } from '../../../electron/main/platform/logger';
import { installProcessSafetyNet } from '../../../electron/main/platform/process-safety';

/**
 * A process with the safety net and a bug of each kind: a rejection nobody handles and an exception
 * thrown from a timer. Without the net, Node ends it at the first; with it, it says "still running".
 * `budget` uncaught exceptions are tolerated; the test sets it to see the stop as well.
 */
const budget = Number(process.argv[2] ?? '5');
installProcessSafetyNet({
  logger: createLogger({ sink: (record) => process.stderr.write(`${formatLogRecord(record)}\n`) }),
  processName: 'safety net child',
  exceptionBudget: budget,
  onFatal: (reason) => {
    process.stdout.write(`fatal: ${reason}\n`);
    process.exit(3);
  },
});

void Promise.reject(new Error('a background read failed'));
setTimeout(() => {
  throw new Error('a handler had a bug');
}, 10);
setTimeout(() => {
  throw new Error('the same bug again');
}, 20);
setTimeout(() => {
  process.stdout.write('still running\n');
  process.exit(0);
}, 200);
