import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainServicesOptions } from '../../electron/main/main-services';
import { AuditTrail } from '../../electron/main/platform/audit-trail';
import type { Logger } from '../../electron/main/platform/logger';
import { unavailableSecretStore } from '../../electron/main/platform/secret-store';
import { openSettingsStore } from '../../electron/main/platform/settings-store';

/** Settings and an audit trail in a fresh temporary folder, for services under test. */
export function testPlatform(logger: Logger): { platform: MainServicesOptions['platform']; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'earshot-platform-'));
  return {
    platform: {
      settings: openSettingsStore({ directory, logger }),
      secrets: unavailableSecretStore('Tests do not remember passwords.'),
      audit: new AuditTrail({ filePath: join(directory, 'audit', 'audit.jsonl') }),
      logFiles: null,
      desktopFeaturesMissing: null,
      about: { appVersion: 'test', platform: process.platform, runtime: `Node ${process.versions.node}` },
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
