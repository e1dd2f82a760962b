import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { installProcessSafetyNet, type ProcessEvents } from '../../../../../electron/main/platform/process-safety';

function setUp(options: { exceptionBudget?: number; budgetWindowMs?: number } = {}) {
  const events = new EventEmitter();
  const logger = createMemoryLogger();
  const fatal: string[] = [];
  let clock = 0;
  const remove = installProcessSafetyNet({
    logger,
    processName: 'test edition',
    onFatal: (reason) => fatal.push(reason),
    events: events as unknown as ProcessEvents,
    now: () => clock,
    ...options,
  });
  return { events, logger, fatal, remove, advance: (ms: number) => (clock += ms) };
}

describe('the process safety net', () => {
  test('an unhandled rejection is logged with its reason, the process named, and nothing stops', () => {
    const { events, logger, fatal } = setUp();
    events.emit('unhandledRejection', new TypeError('boom in a background read'));
    assert.equal(fatal.length, 0);
    const record = logger.records.find((entry) => entry.level === 'error');
    assert.match(record?.message ?? '', /rejected and nobody handled it/);
    assert.equal(record?.fields?.process, 'test edition');
    assert.equal(record?.fields?.error, 'TypeError: boom in a background read');
    assert.match(String(record?.fields?.stack), /process-safety\.test\.ts/);
  });

  test('a rejection with something other than an Error still says what it was', () => {
    const { events, logger } = setUp();
    events.emit('unhandledRejection', 'plain text');
    assert.equal(logger.records[0]?.fields?.error, 'plain text');
  });

  test('a few uncaught exceptions are tolerated; a stream of them asks the caller to stop, once', () => {
    const { events, logger, fatal } = setUp({ exceptionBudget: 2, budgetWindowMs: 1_000 });
    events.emit('uncaughtException', new Error('one'), 'uncaughtException');
    events.emit('uncaughtException', new Error('two'), 'uncaughtException');
    assert.equal(fatal.length, 0);
    events.emit('uncaughtException', new Error('three'), 'uncaughtException');
    events.emit('uncaughtException', new Error('four'), 'uncaughtException');
    assert.deepEqual(fatal, ['3 uncaught exceptions within 1 s']);
    assert.match(logger.records.at(-1)?.message ?? '', /Too many uncaught exceptions/);
    assert.equal(logger.records.at(-1)?.fields?.origin, 'uncaughtException');
  });

  test('exceptions spread out over time never add up to a stop', () => {
    const { events, fatal, advance } = setUp({ exceptionBudget: 1, budgetWindowMs: 1_000 });
    for (let count = 0; count < 10; count += 1) {
      events.emit('uncaughtException', new Error(`number ${count}`), 'uncaughtException');
      advance(1_500);
    }
    assert.deepEqual(fatal, []);
  });

  test('removing the net takes its handlers off', () => {
    const { events, remove } = setUp();
    assert.equal(events.listenerCount('unhandledRejection'), 1);
    remove();
    assert.equal(events.listenerCount('unhandledRejection'), 0);
    assert.equal(events.listenerCount('uncaughtException'), 0);
  });
});
