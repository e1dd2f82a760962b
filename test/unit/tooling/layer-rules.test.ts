import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

/**
 * Lints one-line probes as if they were files at the given paths, with the project's own
 * eslint.config.js, so an edit that quietly turns a layer rule off fails here.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: resolve(repoRoot, filePath) });
  assert.ok(result, `no lint result for ${filePath}`);
  return result.messages
    .map((message) => message.ruleId ?? `fatal: ${message.message}`)
    .filter((rule) => rule !== '@typescript-eslint/no-unused-vars');
}

async function assertRefused(filePath: string, code: string, rule: string): Promise<void> {
  const broken = await rulesBroken(filePath, code);
  assert.ok(broken.includes(rule), `${filePath}: expected ${rule} to refuse \`${code}\`, got [${broken.join(', ')}]`);
}

async function assertAllowed(filePath: string, code: string): Promise<void> {
  assert.deepEqual(await rulesBroken(filePath, code), [], `${filePath}: \`${code}\` should pass`);
}

const paths = 'import-x/no-restricted-paths';
const builtins = 'import-x/no-nodejs-modules';

describe('layer rules compare resolved paths', () => {
  test('a main-side service cannot reach the shell, whatever the relative path looks like', async () => {
    await assertRefused('electron/main/monitoring/probe.ts', "import '../shell/tray';", paths);
    await assertRefused('electron/main/monitoring/probe.ts', "import '../../main/shell/tray';", paths);
    await assertRefused('electron/main/probe.ts', "import './shell/security';", paths);
    await assertRefused('electron/browser-host/probe.ts', "import '../main/shell/security';", paths);
  });

  test('main-side services never import electron, the renderer or a preload', async () => {
    await assertRefused('electron/main/state/probe.ts', "import { app } from 'electron';", paths);
    await assertRefused('electron/main/state/probe.ts', "import type { App } from 'electron';", paths);
    await assertRefused('electron/browser-host/probe.ts', "import 'electron';", paths);
    await assertRefused('electron/main/state/probe.ts', "import '../../../renderer/ui/bridge';", paths);
    await assertRefused('electron/main/state/probe.ts', "import '../../preload/ui';", paths);
    await assertAllowed('electron/main/state/probe.ts', "import '../../common/result';");
    await assertAllowed('electron/main/shell/probe.ts', "import { app } from 'electron';");
    await assertAllowed('electron/main/shell/probe.ts', "import '../platform/logger';");
  });

  test('the shell does not reach into pages or the browser host', async () => {
    await assertRefused('electron/main/shell/probe.ts', "import '../../../renderer/ui/bridge';", paths);
    await assertRefused('electron/main/shell/probe.ts', "import '../../browser-host/browser-host';", paths);
  });

  test('electron/common imports nothing from above, no electron, no Node', async () => {
    await assertRefused('electron/common/models/probe.ts', "import '../../main/platform/logger';", paths);
    await assertRefused('electron/common/probe.ts', "import '../../renderer/ui/bridge';", paths);
    await assertRefused('electron/common/probe.ts', "import '../simulator/index';", paths);
    await assertRefused('electron/common/probe.ts', "import 'electron';", paths);
    await assertRefused('electron/common/probe.ts', "import 'node:fs';", builtins);
    await assertRefused('electron/common/probe.ts', "import 'path';", builtins);
    await assertAllowed('electron/common/models/probe.ts', "import '../result';");
  });

  test('a preload imports only electron and electron/common', async () => {
    await assertRefused('electron/preload/probe.ts', "import '../main/platform/logger';", paths);
    await assertRefused('electron/preload/probe.ts', "import 'zod';", paths);
    await assertRefused('electron/preload/probe.ts', "import 'node:path';", builtins);
    await assertAllowed('electron/preload/probe.ts', "import { contextBridge } from 'electron';");
    await assertAllowed('electron/preload/probe.ts', "import '../common/contract/ui-contract';");
  });

  test('the simulator imports nothing from the app', async () => {
    await assertRefused('electron/simulator/gws/probe.ts', "import '../../common/result';", paths);
    await assertRefused('electron/simulator/probe.ts', "import '../main/platform/logger';", paths);
    await assertRefused('electron/simulator/probe.ts', "import '../../test/support/wait-for';", paths);
    await assertRefused('electron/simulator/probe.ts', "import 'electron';", paths);
    await assertAllowed('electron/simulator/probe.ts', "import './result';\nimport 'ws';");
  });

  test('page code knows main only through electron/common', async () => {
    for (const file of ['renderer/ui/probe.ts', 'renderer/media-host/probe.ts']) {
      await assertRefused(file, "import '../../electron/main/platform/logger';", paths);
      await assertRefused(file, "import '../../electron/simulator/index';", paths);
      await assertRefused(file, "import '../../electron/browser-host/browser-host';", paths);
      await assertRefused(file, "import '../../electron/preload/ui';", paths);
      await assertRefused(file, "import 'electron';", paths);
      await assertRefused(file, "import 'node:path';", builtins);
      await assertRefused(file, "import 'fs';", builtins);
      await assertAllowed(file, "import '../../electron/common/result';");
    }
    await assertRefused('electron/browser-host/page-bridge/probe.ts', "import '../../main/platform/logger';", paths);
  });

  test('the UI window and the media host never import each other; only the media host imports jssip', async () => {
    await assertRefused('renderer/ui/features/probe.tsx', "import '../../media-host/media-host';", paths);
    await assertRefused('renderer/media-host/probe.ts', "import '../ui/bridge';", paths);
    await assertRefused('renderer/ui/probe.ts', "import { UA } from 'jssip';", paths);
    await assertRefused('electron/main/sip/probe.ts', "import { UA } from 'jssip';", paths);
    await assertAllowed('renderer/media-host/probe.ts', "import { UA } from 'jssip';");
  });

  test('an import the resolver cannot follow is an error, not a way round the zones', async () => {
    await assertRefused('electron/main/state/probe.ts', "import '../shell/no-such-file';", 'import-x/no-unresolved');
  });
});

describe('raw IPC stays inside the typed wrappers', () => {
  const shellFile = 'electron/main/shell/probe.ts';
  const wrapperFile = 'electron/main/shell/ipc/probe.ts';
  const bannedCalls: ReadonlyArray<readonly [code: string, rule: string]> = [
    ["import { ipcMain } from 'electron';", 'no-restricted-imports'],
    ["import * as electron from 'electron';\nelectron.ipcMain.handle('x', () => null);", 'no-restricted-properties'],
    [
      'declare const window: { webContents: { send(channel: string): void } };\nwindow.webContents.send("x");',
      'no-restricted-syntax',
    ],
    ['declare const contents: { send(channel: string): void };\ncontents.send("x");', 'no-restricted-syntax'],
    [
      'declare const webContents: { sendToFrame(frame: number, channel: string): void };\nwebContents.sendToFrame(1, "x");',
      'no-restricted-syntax',
    ],
    [
      'declare const webContents: { ipc: { handle(channel: string): void } };\nwebContents.ipc.handle("x");',
      'no-restricted-syntax',
    ],
  ];

  test('ipcMain, ipcRenderer and webContents.send are refused outside electron/main/shell/ipc and the preloads', async () => {
    for (const [code, rule] of bannedCalls) await assertRefused(shellFile, code, rule);
    await assertRefused('renderer/ui/probe.ts', "import { ipcRenderer } from 'electron';", 'no-restricted-imports');
    await assertRefused(
      'renderer/ui/probe.ts',
      'declare const electron: { ipcRenderer: unknown };\nexport const leak = electron.ipcRenderer;',
      'no-restricted-properties',
    );
  });

  test('the wrappers and the preloads may use them', async () => {
    for (const [code] of bannedCalls) await assertAllowed(wrapperFile, code);
    await assertAllowed('electron/preload/probe.ts', "import { ipcRenderer } from 'electron';\nipcRenderer.send('x');");
  });
});
