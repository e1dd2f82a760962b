import { safeStorage } from 'electron';
import type { Logger } from '../platform/logger';
import { createFileSecretStore, safeStorageSupport, type SecretStore } from '../platform/secret-store';

/**
 * Remembered passwords, encrypted with the OS keyring through Electron's safeStorage (Keychain on
 * macOS, DPAPI on Windows, libsecret or KWallet on Linux). Where safeStorage protects nothing, the
 * store is unavailable and says why. Call after the app is ready: before that, Linux reports no keyring.
 */
export function openSafeStorageSecretStore(options: { filePath: string; logger: Logger }): SecretStore {
  const support = safeStorageSupport({
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    platform: process.platform,
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (!support.available) options.logger.info('Passwords cannot be remembered here', { reason: support.reason });
  return createFileSecretStore({
    filePath: options.filePath,
    logger: options.logger,
    cipher: support.available
      ? {
          encrypt: (plainText) => safeStorage.encryptString(plainText),
          decrypt: (cipherText) => safeStorage.decryptString(Buffer.from(cipherText)),
        }
      : null,
    unavailableReason: support.reason ?? undefined,
  });
}
