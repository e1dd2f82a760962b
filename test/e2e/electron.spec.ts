import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function electronBinary(): string | null {
  try {
    const packageDir = join(createRequire(import.meta.url).resolve('electron/package.json'), '..');
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
/** Chromium refuses to run as root with its sandbox on (CI containers often run as root). */
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

test.describe('the Electron app', () => {
  test.skip(
    binary === null,
    'No Electron binary on this machine (it is downloaded from GitHub on first run, which is unreachable here); the browser-host specs cover the same UI and services.',
  );

  // Each test gets its own profile: settings, secrets, audit trail, logs and the single-instance lock.
  let userData = '';
  const appArgs = () => ['.', `--user-data-dir=${userData}`, ...rootArgs];
  const launch = () => electron.launch({ executablePath: binary!, args: appArgs() });

  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'earshot-electron-'));
  });
  test.afterEach(() => {
    rmSync(userData, { recursive: true, force: true });
  });

  test('launches, signs in to the demo, shows the team and signs out', async () => {
    const app = await launch();
    try {
      const window = await uiWindow(app);
      await signInToDemo(window);
      await expect(window.locator('[data-testid^="agent-row-"]').first()).toBeVisible();
      await window.getByRole('button', { name: /sign out/i }).click();
      await expect(window.getByRole('button', { name: /sign in/i })).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('the UI window sees nothing of Node', async () => {
    const app = await launch();
    try {
      const window = await uiWindow(app);
      const globals = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });

  test('closing the window keeps Earshot running signed in, and a second launch brings it back', async () => {
    const app = await launch();
    let exited = false;
    app.process().once('exit', () => {
      exited = true;
    });
    try {
      const window = await uiWindow(app);
      await signInToDemo(window);

      await app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows()
          .find((candidate) => candidate.webContents.getURL().startsWith('app://ui/'))
          ?.close();
      });
      await expect.poll(() => uiWindowVisible(app)).toBe(false);
      expect(exited).toBe(false);

      const second = spawn(binary!, appArgs(), { stdio: 'ignore' });
      const secondExit = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => {
          second.kill();
          reject(new Error('the second launch did not hand over to the first within 30 s'));
        }, 30_000);
        second.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      expect(secondExit).toBe(0);
      await expect.poll(() => uiWindowVisible(app)).toBe(true);
      await expect(window.getByTestId('team-table')).toBeVisible();
    } finally {
      await app.close();
    }
  });
});

/** The UI window; the hidden media host window opens first. */
async function uiWindow(app: ElectronApplication): Promise<Page> {
  const find = () => app.windows().find((page) => page.url().startsWith('app://ui/'));
  await expect.poll(() => find() !== undefined).toBe(true);
  return find()!;
}

async function signInToDemo(window: Page): Promise<void> {
  await window.getByRole('button', { name: /sign in/i }).click();
  await expect(window.getByTestId('team-table')).toBeVisible();
}

function uiWindowVisible(app: ElectronApplication): Promise<boolean> {
  return app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().some(
      (window) => window.webContents.getURL().startsWith('app://ui/') && window.isVisible(),
    ),
  );
}
