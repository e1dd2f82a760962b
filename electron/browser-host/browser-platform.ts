import { join, resolve } from 'node:path';
import { AuditTrail } from '../main/platform/audit-trail';
import { combineSinks, createLogFiles, type LogFiles } from '../main/platform/log-files';
import { createLogger, formatLogRecord, type Logger, type LogLevel } from '../main/platform/logger';
import { ensurePrivateDirectory } from '../main/platform/private-files';
import { unavailableSecretStore, type SecretStore } from '../main/platform/secret-store';
import { openSettingsStore, type SettingsStore } from '../main/platform/settings-store';

export interface BrowserPlatform {
  readonly dataDirectory: string;
  readonly logger: Logger;
  readonly logFiles: LogFiles;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly audit: AuditTrail;
  /** Why a page in a browser has no global hotkeys, tray icon or system notifications. */
  readonly desktopFeaturesMissing: string;
}

/**
 * The browser edition keeps settings, logs and the audit trail in one folder of its own (default
 * .earshot-dev/ where it is started), readable by the supervisor's account only. It has no OS
 * keyring, so it never remembers passwords, and a browser tab cannot hear keys pressed in other
 * applications, sit in the tray or raise system notifications.
 */
export function openBrowserPlatform(dataDirectory: string, minLevel: LogLevel): BrowserPlatform {
  const directory = resolve(dataDirectory);
  ensurePrivateDirectory(directory);
  const logFiles = createLogFiles({
    filePath: join(directory, 'logs', 'earshot.log'),
    reportFailure: (message) => process.stderr.write(`${message}\n`),
  });
  const stderr = (record: Parameters<LogFiles['sink']>[0]) => process.stderr.write(`${formatLogRecord(record)}\n`);
  const logger = createLogger({ minLevel, sink: combineSinks(stderr, logFiles.sink) });
  return {
    dataDirectory: directory,
    logger,
    logFiles,
    settings: openSettingsStore({ directory, logger: logger.child('settings') }),
    secrets: unavailableSecretStore(
      'The browser edition does not remember passwords; the desktop app stores them in the OS keyring.',
    ),
    audit: new AuditTrail({ filePath: join(directory, 'audit', 'audit.jsonl') }),
    desktopFeaturesMissing:
      'Global hotkeys, the tray icon and desktop notifications come with the desktop app; a browser tab cannot have them.',
  };
}
