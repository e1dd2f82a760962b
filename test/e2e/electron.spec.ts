import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

test.describe('the Electron app', () => {
  test.skip(
    binary === null,
    'No Electron binary on this machine (it is downloaded from GitHub on first run, which is unreachable here); the browser-host specs cover the same UI and services.',
  );

  test('launches, signs in to the demo and shows the team', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['.'] });
    try {
      const window = await app.firstWindow();
      await window.getByRole('button', { name: /sign in/i }).click();
      await expect(window.getByTestId('team-table')).toBeVisible();
      await expect(window.locator('[data-testid^="agent-row-"]').first()).toBeVisible();
      await window.getByRole('button', { name: /sign out/i }).click();
      await expect(window.getByRole('button', { name: /sign in/i })).toBeVisible();
    } finally {
      await app.close();
    }
  });
});
