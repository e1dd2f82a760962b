import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { AppState } from '../../../../../electron/common/models/app-state';
import { combineSinks, createLogFiles, diagnosticsText } from '../../../../../electron/main/platform/log-files';
import { createLogger, type LogRecord } from '../../../../../electron/main/platform/logger';
import { initialAppState, signedIn } from '../../../../../electron/main/state/app-state-reducers';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function logPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-logs-'));
  folders.push(folder);
  return join(folder, 'logs', 'earshot.log');
}

describe('log files', () => {
  test('one JSON line per record, with its level and scope, and secrets redacted on the way in', () => {
    const filePath = logPath();
    const files = createLogFiles({ filePath });
    const logger = createLogger({ sink: files.sink, minLevel: 'debug' });
    logger.child('session').info('Signed in', {
      userName: 'sam',
      password: 'hunter2',
      request: { headers: { Authorization: 'Basic c2FtOmh1bnRlcjI=' } },
    });
    logger
      .child('sip')
      .warn('Registration failed', { reason: 'timeout', sipPassword: 'sip-secret', credentials: { user: 'sam' } });
    files.close();

    const text = readFileSync(filePath, 'utf8');
    for (const secret of ['hunter2', 'c2FtOmh1bnRlcjI', 'sip-secret'])
      assert.equal(text.includes(secret), false, secret);
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LogRecord);
    assert.deepEqual(
      records.map((record) => [record.level, record.scope, record.message]),
      [
        ['info', 'earshot:session', 'Signed in'],
        ['warn', 'earshot:sip', 'Registration failed'],
      ],
    );
    assert.deepEqual(records[0]?.fields, {
      userName: 'sam',
      password: '[redacted]',
      request: { headers: { Authorization: '[redacted]' } },
    });
    assert.deepEqual(records[1]?.fields, { reason: 'timeout', sipPassword: '[redacted]', credentials: '[redacted]' });
  });

  test('rotates by size, keeping the newest files; recent lines read across the rotation, oldest first', () => {
    const filePath = logPath();
    const files = createLogFiles({ filePath, maxBytes: 1_000, maxFiles: 3 });
    const logger = createLogger({ sink: files.sink });
    for (let index = 0; index < 60; index += 1) logger.info(`line ${index}`, { index });

    assert.deepEqual(readdirSync(join(filePath, '..')).sort(), ['earshot.1.log', 'earshot.2.log', 'earshot.log']);
    const recent = files.recentLines(12);
    assert.equal(recent.length, 12);
    assert.match(recent[0] ?? '', /INFO {2}\[earshot\] line 48 \{"index":48\}$/);
    assert.match(recent[11] ?? '', /line 59/);
    assert.deepEqual(
      files.recentLines(1).map((line) => line.replace(/^\S+ /, '')),
      ['INFO  [earshot] line 59 {"index":59}'],
    );
  });

  test('recent lines skip what is not a record and redact what an older file holds', () => {
    const filePath = logPath();
    const files = createLogFiles({ filePath });
    files.sink({ time: '2025-01-01T00:00:00.000Z', level: 'info', scope: 'earshot', message: 'first' });
    appendFileSync(filePath, 'not json\n{"level":"loud"}\n');
    appendFileSync(
      filePath,
      `${JSON.stringify({ time: '2025-01-01T00:00:01.000Z', level: 'error', scope: 'earshot', message: 'old', fields: { token: 'abc' } })}\n`,
    );
    assert.deepEqual(files.recentLines(10), [
      '2025-01-01T00:00:00.000Z INFO  [earshot] first',
      '2025-01-01T00:00:01.000Z ERROR [earshot] old {"token":"[redacted]"}',
    ]);
  });

  test('a log that cannot be written says so once and never throws into the caller', () => {
    const folder = mkdtempSync(join(tmpdir(), 'earshot-logs-'));
    folders.push(folder);
    writeFileSync(join(folder, 'blocker'), '');
    const failures: string[] = [];
    const files = createLogFiles({
      filePath: join(folder, 'blocker', 'earshot.log'),
      reportFailure: (message) => failures.push(message),
    });
    const logger = createLogger({ sink: files.sink });
    logger.info('one');
    logger.info('two');
    assert.equal(failures.length, 1);
    assert.match(failures[0] ?? '', /stopped writing its log file/);
    assert.deepEqual(files.recentLines(5), []);
  });

  test('combined sinks: one that throws does not stop the others', () => {
    const seen: string[] = [];
    const sink = combineSinks(
      () => {
        throw new Error('disk gone');
      },
      (record) => seen.push(record.message),
    );
    createLogger({ sink }).info('still here');
    assert.deepEqual(seen, ['still here']);
  });
});

describe('diagnostics', () => {
  function state(): AppState {
    const base = signedIn(
      initialAppState(Date.UTC(2025, 0, 1)),
      {
        supervisor: { id: 'u1', userName: 'sam', displayName: 'Sam Lee' },
        server: { baseUrl: 'https://sam:hunter2@gws.example.com:8443/', isDemo: false },
      },
      Date.UTC(2025, 0, 1, 8),
    );
    return {
      ...base,
      voice: {
        ...base.voice,
        sip: { registration: 'failed', reason: 'Wrong SIP password', address: 'sip:5005@example.com' },
      },
    };
  }

  test('says what support needs (version, platform, connection, SIP, recent log) and nothing secret', () => {
    const text = diagnosticsText({
      appVersion: '0.1.0',
      platform: 'linux 6.8.0 x64',
      runtime: 'Electron 45.4.1',
      state: state(),
      logLines: ['2025-01-01T08:00:00.000Z INFO  [earshot:session] Signed in {"password":"[redacted]"}'],
      extraLines: ['Remember password: available'],
      now: Date.UTC(2025, 0, 1, 9),
    });
    assert.match(text, /^Earshot 0\.1\.0 diagnostics, 2025-01-01T09:00:00\.000Z\n/);
    assert.match(text, /Platform: linux 6\.8\.0 x64/);
    assert.match(text, /Connection: connected since 2025-01-01T08:00:00\.000Z/);
    assert.match(text, /Server: https:\/\/gws\.example\.com:8443\n/);
    assert.match(text, /SIP registration: failed \(Wrong SIP password\), as sip:5005@example\.com/);
    assert.match(text, /Remember password: available/);
    assert.match(text, /Last 1 log lines:\n.*Signed in/);
    assert.equal(text.includes('hunter2'), false);
  });
});
