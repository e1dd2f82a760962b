import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ok } from '../../../../../electron/common/result';
import { AuditTrail } from '../../../../../electron/main/platform/audit-trail';
import { createLogFiles } from '../../../../../electron/main/platform/log-files';
import { createLogger, createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { createFileSecretStore } from '../../../../../electron/main/platform/secret-store';
import { openSettingsStore } from '../../../../../electron/main/platform/settings-store';

/**
 * Logs, the audit trail, settings and remembered passwords are the supervisor's alone: files 0600
 * and folders 0700 whatever the umask, and files an older version left readable are tightened.
 */
const posix = process.platform !== 'win32';
const folders: string[] = [];
let umaskBefore = 0;

before(() => {
  // The most permissive umask a desktop session has: anything not asked for explicitly is readable.
  umaskBefore = process.umask(0o000);
});
after(() => {
  process.umask(umaskBefore);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'earshot-modes-'));
  folders.push(path);
  return path;
}

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('files Earshot writes are readable by their owner only', { skip: !posix && 'no POSIX modes here' }, () => {
  test('log files and their folder', () => {
    const root = folder();
    const logFiles = createLogFiles({ filePath: join(root, 'logs', 'earshot.log') });
    createLogger({ sink: logFiles.sink }).info('one line');
    logFiles.close();
    assert.equal(mode(join(root, 'logs')), 0o700);
    assert.equal(mode(join(root, 'logs', 'earshot.log')), 0o600);
  });

  test('log files rotated keep the mode', () => {
    const root = folder();
    const logFiles = createLogFiles({ filePath: join(root, 'earshot.log'), maxBytes: 200, maxFiles: 3 });
    const logger = createLogger({ sink: logFiles.sink });
    for (let line = 0; line < 10; line += 1) logger.info(`line ${line} ${'x'.repeat(60)}`);
    logFiles.close();
    assert.equal(mode(join(root, 'earshot.log')), 0o600);
    assert.equal(mode(join(root, 'earshot.1.log')), 0o600);
  });

  test('the audit trail and its folder', () => {
    const root = folder();
    const trail = new AuditTrail({ filePath: join(root, 'audit', 'audit.jsonl') });
    const appended = trail.append({
      time: new Date(0).toISOString(),
      supervisor: 'sam',
      kind: 'monitor',
      channel: 'voice',
      agentId: 'a1',
      agentName: 'Ana Lopez',
      interactionId: 'c1',
      mode: 'ListenIn',
      text: null,
      detail: null,
      otherParty: null,
      ending: null,
      transferredTo: null,
    });
    trail.close();
    assert.deepEqual(appended, ok(null));
    assert.equal(mode(join(root, 'audit')), 0o700);
    assert.equal(mode(join(root, 'audit', 'audit.jsonl')), 0o600);
  });

  test('settings, and an unusable settings file moved aside', () => {
    const root = folder();
    writeFileSync(join(root, 'settings.json'), '{ not json', { mode: 0o644 });
    const settings = openSettingsStore({ directory: root, logger: createMemoryLogger() });
    assert.ok(settings.update((current) => ({ ...current, theme: 'dark' })).ok);
    assert.equal(mode(join(root, 'settings.json')), 0o600);
    const kept = settings.notice()?.keptAs;
    assert.ok(kept);
    assert.equal(mode(kept), 0o600);
  });

  test('remembered passwords', async () => {
    const root = folder();
    const filePath = join(root, 'secure', 'secrets.json');
    const store = createFileSecretStore({
      filePath,
      logger: createMemoryLogger(),
      cipher: {
        encrypt: (text) => Buffer.from(text, 'utf8').reverse(),
        decrypt: (data) => Buffer.from(data).reverse().toString('utf8'),
      },
    });
    assert.deepEqual(await store.save('profile.p1.gws', 'hunter2'), ok(null));
    assert.equal(mode(join(root, 'secure')), 0o700);
    assert.equal(mode(filePath), 0o600);
  });

  test('files and folders an older version left readable are tightened when opened again', () => {
    const root = folder();
    mkdirSync(join(root, 'logs'), { mode: 0o755 });
    writeFileSync(join(root, 'logs', 'earshot.log'), '', { mode: 0o644 });
    chmodSync(join(root, 'logs'), 0o755);
    const logFiles = createLogFiles({ filePath: join(root, 'logs', 'earshot.log') });
    createLogger({ sink: logFiles.sink }).info('after the upgrade');
    logFiles.close();
    assert.equal(mode(join(root, 'logs')), 0o700);
    assert.equal(mode(join(root, 'logs', 'earshot.log')), 0o600);
  });
});
