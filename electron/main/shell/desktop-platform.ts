import { app } from 'electron';
import { join } from 'node:path';
import { AuditTrail } from '../platform/audit-trail';
import { combineSinks, createLogFiles, type LogFiles } from '../platform/log-files';
import { createLogger, formatLogRecord, type Logger } from '../platform/logger';
import { ensurePrivateDirectory } from '../platform/private-files';
import type { SecretStore } from '../platform/secret-store';
import { openSettingsStore, type SettingsStore } from '../platform/settings-store';
import { openSafeStorageSecretStore } from './safe-storage';

/**
 * Where the desktop app keeps its files, from Electron's per-OS folders:
 * userData is ~/Library/Application Support/Earshot (macOS), %APPDATA%\Earshot (Windows),
 * $XDG_CONFIG_HOME/Earshot or ~/.config/Earshot (Linux); logs is ~/Library/Logs/Earshot on macOS
 * and userData/logs elsewhere.
 */
export interface DesktopPaths {
  readonly userData: string;
  readonly settingsDirectory: string;
  readonly secretsFile: string;
  readonly logFile: string;
  readonly auditFile: string;
}

export function desktopPaths(): DesktopPaths {
  const userData = app.getPath('userData');
  return {
    userData,
    settingsDirectory: userData,
    secretsFile: join(userData, 'secrets.json'),
    logFile: join(app.getPath('logs'), 'earshot.log'),
    auditFile: join(userData, 'audit', 'audit.jsonl'),
  };
}

/** The log goes to stderr and to rotated files from the first line on, so start-up problems are on disk too. */
export function createDesktopLogger(paths: DesktopPaths): { logger: Logger; logFiles: LogFiles } {
  // Electron creates userData with the umask's mode; everything Earshot keeps there is private.
  ensurePrivateDirectory(paths.userData);
  const logFiles = createLogFiles({
    filePath: paths.logFile,
    reportFailure: (message) => process.stderr.write(`${message}\n`),
  });
  const stderr = (record: Parameters<LogFiles['sink']>[0]) => process.stderr.write(`${formatLogRecord(record)}\n`);
  return { logger: createLogger({ sink: combineSinks(stderr, logFiles.sink) }), logFiles };
}

export interface DesktopPlatform {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly audit: AuditTrail;
}

/** The platform services on this computer's folders. Call after the app is ready (the keyring needs it). */
export function openDesktopPlatform(paths: DesktopPaths, logger: Logger): DesktopPlatform {
  return {
    settings: openSettingsStore({ directory: paths.settingsDirectory, logger: logger.child('settings') }),
    secrets: openSafeStorageSecretStore({ filePath: paths.secretsFile, logger: logger.child('secrets') }),
    audit: new AuditTrail({ filePath: paths.auditFile }),
  };
}
