import { test as base } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHostProcess } from '../support/browser-host-process';
import { expect, signInToDemo, test } from './browser-host-fixture';

base('a corrupt settings file is reported and reset, kept beside; choices survive a restart', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-settings-e2e-'));
  try {
    writeFileSync(join(folder, 'settings.json'), '{ "version": 1, "theme": ');
    let host = await startBrowserHostProcess([], { dataDirectory: folder });
    try {
      await signInToDemo(page, host);
      await expect(page.getByTestId('settings-notice')).toBeVisible();
      expect(readdirSync(folder).some((name) => name.startsWith('settings.json.broken-'))).toBe(true);

      await page.getByTestId('settings-button').click();
      const panel = page.getByTestId('settings-panel');
      // The browser edition says what it lacks instead of offering settings that could never act.
      await expect(panel.getByTestId('settings-desktop-only')).toContainText(/global hotkeys/i);
      await expect(panel.getByTestId('settings-desktop-only')).toContainText(/tray/i);
      await expect(panel.getByTestId('settings-desktop-only')).toContainText(/notifications/i);
      await expect(panel.locator('[data-testid^="hotkey-input-"]')).toHaveCount(0);
      await expect(panel.locator('[data-testid^="settings-notify-"]')).toHaveCount(0);
      await panel.getByRole('radio', { name: /^Dark/ }).check();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    } finally {
      await host.stop();
    }
    expect(JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8')).theme).toBe('dark');

    host = await startBrowserHostProcess([], { dataDirectory: folder });
    try {
      await page.goto(host.url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.getByRole('button', { name: /sign in/i }).click();
      await expect(page.getByTestId('settings-notice')).toHaveCount(0);
    } finally {
      await host.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the audit trail lists what the supervisor did and exports it as CSV', async ({ page, earshot }) => {
  await signInToDemo(page, earshot);
  await earshot.control('POST', '/floor', { running: false });
  const { agents } = (await earshot.control('GET', '/state')) as { agents: Array<{ id: string; state: string }> };
  const agent = agents.find((candidate) => candidate.state !== 'LoggedOut')!;
  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await page.getByTestId('monitoring-cancel').click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveCount(0);

  await page.getByTestId('audit-button').click();
  const view = page.getByTestId('audit-view');
  await expect(view.locator('[data-testid="audit-row"][data-kind="monitor"]')).toHaveCount(1);
  await expect(view.locator('[data-testid="audit-row"][data-kind="cancel"]')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await view.getByTestId('audit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^earshot-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain('monitor');
  expect(csv).toContain('cancel');
  expect(csv).toContain('supervisor');
});
