import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from './logger';
import { ensurePrivateDirectory, PRIVATE_FILE_MODE } from './private-files';
import { syncDirectory } from './rotating-files';

/**
 * Remembered passwords. Only ciphertext from the operating system's keyring (Electron safeStorage)
 * is ever written; where that is missing the store says so and remembers nothing.
 */
export interface SecretStore {
  readonly available: boolean;
  /** Why passwords cannot be remembered, in words for the supervisor; null when they can. */
  readonly unavailableReason: string | null;
  save(key: string, secret: string): Promise<Result<null>>;
  /** Null when nothing is stored under the key. */
  load(key: string): Promise<Result<string | null>>;
  delete(key: string): Promise<Result<null>>;
  /** Whether something is stored, without decrypting it (a Mac may ask for the keychain on decrypt). */
  has(key: string): Promise<boolean>;
}

/** safeStorage's encryptString/decryptString, passed in by the Electron shell; tests pass a fake. */
export interface SecretCipher {
  encrypt(plainText: string): Uint8Array;
  decrypt(cipherText: Uint8Array): string;
}

export interface FileSecretStoreOptions {
  /** e.g. <userData>/secrets.json */
  readonly filePath: string;
  /** Null where encryption is unavailable; then `unavailableReason` says why. */
  readonly cipher: SecretCipher | null;
  readonly unavailableReason?: string;
  readonly logger: Logger;
}

const secretKeySchema = z.string().regex(/^[A-Za-z0-9:._-]{1,128}$/);

const secretsFileSchema = z.object({
  version: z.literal(1),
  /** Base64 ciphertext by key. */
  secrets: z.record(z.string(), z.string()),
});
type SecretsFile = z.infer<typeof secretsFileSchema>;

const unreadableMessage =
  'Earshot could not read the remembered password (the system keyring may have changed). Enter it again.';

export function createFileSecretStore(options: FileSecretStoreOptions): SecretStore {
  const { cipher, filePath, logger } = options;
  if (!cipher)
    return unavailableSecretStore(
      options.unavailableReason ?? 'This computer offers no safe place to store passwords.',
    );
  let queue: Promise<unknown> = Promise.resolve();
  // One operation at a time, so two saves never write the file from the same old copy.
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation, operation);
    queue = run.catch(() => undefined);
    return run;
  };

  const read = async (): Promise<SecretsFile> => {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        logger.warn('Could not read the remembered passwords', { reason: String(error) });
      return { version: 1, secrets: {} };
    }
    try {
      const parsed = secretsFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      logger.warn('The remembered-passwords file is damaged; it will be replaced', { reason: parsed.error.message });
    } catch (error) {
      logger.warn('The remembered-passwords file is damaged; it will be replaced', { reason: String(error) });
    }
    return { version: 1, secrets: {} };
  };

  const write = async (file: SecretsFile): Promise<void> => {
    ensurePrivateDirectory(dirname(filePath));
    const temporary = `${filePath}.tmp`;
    const handle = await open(temporary, 'w', PRIVATE_FILE_MODE);
    try {
      // A temporary file left by a crash keeps its old mode; this one must not.
      if (process.platform !== 'win32') await handle.chmod(PRIVATE_FILE_MODE);
      await handle.writeFile(`${JSON.stringify(file)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
    syncDirectory(dirname(filePath));
  };

  const invalidKey = (key: string): Result<never> | null =>
    secretKeySchema.safeParse(key).success
      ? null
      : err(
          'invalid-input',
          'Earshot asked for a password under a name it does not use.',
          `bad secret key ${JSON.stringify(key.slice(0, 40))}`,
        );

  return {
    available: true,
    unavailableReason: null,
    save: (key, secret) =>
      serial(async () => {
        const bad = invalidKey(key);
        if (bad) return bad;
        let cipherText: Uint8Array;
        try {
          cipherText = cipher.encrypt(secret);
        } catch (error) {
          return err('internal', 'Earshot could not encrypt the password, so it was not remembered.', String(error));
        }
        if (looksLikeClearText(cipherText, secret)) {
          return err('internal', 'The system keyring did not encrypt the password, so Earshot did not remember it.');
        }
        try {
          const file = await read();
          await write({ ...file, secrets: { ...file.secrets, [key]: Buffer.from(cipherText).toString('base64') } });
          return ok(null);
        } catch (error) {
          return err(
            'internal',
            'Earshot could not store the password. Check that the disk is not full.',
            String(error),
          );
        }
      }),
    load: (key) =>
      serial(async () => {
        const bad = invalidKey(key);
        if (bad) return bad;
        const stored = (await read()).secrets[key];
        if (stored === undefined) return ok(null);
        try {
          return ok(cipher.decrypt(Buffer.from(stored, 'base64')));
        } catch (error) {
          logger.warn('A remembered password could not be decrypted', { key, reason: String(error) });
          return err('unauthorized', unreadableMessage, String(error));
        }
      }),
    delete: (key) =>
      serial(async () => {
        const bad = invalidKey(key);
        if (bad) return bad;
        try {
          const file = await read();
          if (!(key in file.secrets)) return ok(null);
          const secrets = { ...file.secrets };
          delete secrets[key];
          await write({ ...file, secrets });
          return ok(null);
        } catch (error) {
          return err(
            'internal',
            'Earshot could not forget the password. Check that the disk is writable.',
            String(error),
          );
        }
      }),
    has: (key) => serial(async () => invalidKey(key) === null && (await read()).secrets[key] !== undefined),
  };
}

/** The browser edition, and Electron without a keyring: the option is offered disabled, with the reason. */
export function unavailableSecretStore(reason: string): SecretStore {
  const refused = async () => err<never>('invalid-input', reason);
  return {
    available: false,
    unavailableReason: reason,
    save: refused,
    load: async () => ok(null),
    delete: async () => ok(null),
    has: async () => false,
  };
}

/**
 * Whether Electron's safeStorage protects anything, from the facts the shell reads
 * (`isEncryptionAvailable()`, and on Linux `getSelectedStorageBackend()`). On Linux without a keyring
 * Chromium falls back to a fixed, public key ("basic_text"): that is clear text in all but name.
 */
export function safeStorageSupport(facts: { encryptionAvailable: boolean; platform: string; linuxBackend?: string }): {
  readonly available: boolean;
  readonly reason: string | null;
} {
  if (!facts.encryptionAvailable) {
    return {
      available: false,
      reason: 'This computer offers Earshot no encrypted storage for passwords, so it cannot remember them.',
    };
  }
  if (facts.platform === 'linux' && (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')) {
    return {
      available: false,
      reason:
        'No desktop keyring (GNOME Keyring or KWallet) is running, so Earshot cannot store passwords safely. Start one and restart Earshot to remember passwords.',
    };
  }
  return { available: true, reason: null };
}

/** A cipher that hands the text back unchanged (or wraps it) would put the password on disk as it is. */
function looksLikeClearText(cipherText: Uint8Array, secret: string): boolean {
  if (secret.length < 4) return false;
  return Buffer.from(cipherText).includes(Buffer.from(secret, 'utf8'));
}
