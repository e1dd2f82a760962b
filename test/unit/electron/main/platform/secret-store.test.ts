import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ok } from '../../../../../electron/common/result';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import {
  createFileSecretStore,
  safeStorageSupport,
  unavailableSecretStore,
  type SecretCipher,
} from '../../../../../electron/main/platform/secret-store';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function secretsPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-secrets-'));
  folders.push(folder);
  return join(folder, 'secrets.json');
}

/** Stands in for safeStorage: reversible, and nothing of the text survives as it was. */
const fakeCipher: SecretCipher = {
  encrypt: (plainText) => Buffer.from(`sealed:${Buffer.from(plainText, 'utf8').reverse().toString('hex')}`, 'utf8'),
  decrypt: (cipherText) => {
    const text = Buffer.from(cipherText).toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('not sealed by this keyring');
    return Buffer.from(text.slice('sealed:'.length), 'hex').reverse().toString('utf8');
  },
};

describe('file secret store', () => {
  test('saves, loads and deletes; the file never holds the password as typed', async () => {
    const filePath = secretsPath();
    const store = createFileSecretStore({ filePath, cipher: fakeCipher, logger: createMemoryLogger() });
    assert.equal(store.available, true);
    assert.equal(store.unavailableReason, null);
    assert.deepEqual(await store.save('profile.p1.gws', 'correct horse battery'), ok(null));
    assert.deepEqual(await store.save('profile.p1.sip', 'sip-secret-42'), ok(null));

    const onDisk = readFileSync(filePath, 'utf8');
    assert.equal(onDisk.includes('correct horse'), false);
    assert.equal(onDisk.includes('sip-secret'), false);
    if (process.platform !== 'win32') assert.equal(statSync(filePath).mode & 0o777, 0o600);

    assert.deepEqual(await store.load('profile.p1.gws'), ok('correct horse battery'));
    assert.equal(await store.has('profile.p1.sip'), true);
    assert.deepEqual(await store.delete('profile.p1.sip'), ok(null));
    assert.deepEqual(await store.load('profile.p1.sip'), ok(null));
    assert.equal(await store.has('profile.p1.sip'), false);

    const again = createFileSecretStore({ filePath, cipher: fakeCipher, logger: createMemoryLogger() });
    assert.deepEqual(await again.load('profile.p1.gws'), ok('correct horse battery'), 'kept across restarts');
  });

  test('saves made at once all land', async () => {
    const store = createFileSecretStore({ filePath: secretsPath(), cipher: fakeCipher, logger: createMemoryLogger() });
    await Promise.all(
      Array.from({ length: 8 }, (_, index) => store.save(`profile.p${index}.gws`, `password-${index}`)),
    );
    for (let index = 0; index < 8; index += 1)
      assert.deepEqual(await store.load(`profile.p${index}.gws`), ok(`password-${index}`));
  });

  test('a cipher that leaves the text readable is refused, and nothing is written', async () => {
    const filePath = secretsPath();
    const leaky: SecretCipher = {
      encrypt: (plainText) => Buffer.from(`v10${plainText}`),
      decrypt: (cipherText) => Buffer.from(cipherText).toString().slice(3),
    };
    const store = createFileSecretStore({ filePath, cipher: leaky, logger: createMemoryLogger() });
    const saved = await store.save('profile.p1.gws', 'hunter22');
    assert.equal(saved.ok, false);
    assert.throws(() => readFileSync(filePath));
  });

  test('an encryption failure is an error value; a password another keyring sealed reads as an error to act on', async () => {
    const filePath = secretsPath();
    const failing: SecretCipher = {
      encrypt: () => {
        throw new Error('keyring locked');
      },
      decrypt: () => '',
    };
    const refused = await createFileSecretStore({ filePath, cipher: failing, logger: createMemoryLogger() }).save(
      'profile.p1.gws',
      'hunter22',
    );
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.error.message, /could not encrypt/);

    writeFileSync(
      filePath,
      JSON.stringify({ version: 1, secrets: { 'profile.p1.gws': Buffer.from('other keyring').toString('base64') } }),
    );
    const loaded = await createFileSecretStore({ filePath, cipher: fakeCipher, logger: createMemoryLogger() }).load(
      'profile.p1.gws',
    );
    assert.equal(loaded.ok, false);
    assert.match(loaded.ok ? '' : loaded.error.message, /Enter it again/);
  });

  test('a damaged file reads as empty and is replaced on the next save', async () => {
    const filePath = secretsPath();
    writeFileSync(filePath, '{not json');
    const logger = createMemoryLogger();
    const store = createFileSecretStore({ filePath, cipher: fakeCipher, logger });
    assert.deepEqual(await store.load('profile.p1.gws'), ok(null));
    assert.deepEqual(await store.save('profile.p1.gws', 'hunter22'), ok(null));
    assert.deepEqual(await store.load('profile.p1.gws'), ok('hunter22'));
    assert.ok(logger.records.some((record) => record.message.includes('damaged')));
  });

  test('keys are names Earshot uses, never paths or free text', async () => {
    const store = createFileSecretStore({ filePath: secretsPath(), cipher: fakeCipher, logger: createMemoryLogger() });
    for (const key of ['', '../etc/passwd', 'a b', 'x'.repeat(200)])
      assert.equal((await store.save(key, 'hunter22')).ok, false, key);
  });

  test('without a cipher the store is unavailable with the reason, and stores nothing', async () => {
    const filePath = secretsPath();
    const store = createFileSecretStore({
      filePath,
      cipher: null,
      unavailableReason: 'No keyring.',
      logger: createMemoryLogger(),
    });
    assert.equal(store.available, false);
    assert.equal(store.unavailableReason, 'No keyring.');
    assert.equal((await store.save('profile.p1.gws', 'hunter22')).ok, false);
    assert.deepEqual(await store.load('profile.p1.gws'), ok(null));
    assert.throws(() => readFileSync(filePath));
    assert.equal(unavailableSecretStore('Browser edition.').unavailableReason, 'Browser edition.');
  });
});

describe('safeStorage support', () => {
  test('available with a real keyring; a Linux desktop without one is refused with a reason to act on', () => {
    assert.deepEqual(safeStorageSupport({ encryptionAvailable: true, platform: 'darwin' }), {
      available: true,
      reason: null,
    });
    assert.deepEqual(
      safeStorageSupport({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' }),
      { available: true, reason: null },
    );
    const basic = safeStorageSupport({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' });
    assert.equal(basic.available, false);
    assert.match(basic.reason ?? '', /GNOME Keyring or KWallet/);
    assert.equal(safeStorageSupport({ encryptionAvailable: false, platform: 'win32' }).available, false);
  });
});
