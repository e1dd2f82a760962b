import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserHostProcess, type BrowserHostProcess } from '../support/browser-host-process';

export type EarshotHost = BrowserHostProcess;

export const test = base.extend<{ earshot: EarshotHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  earshot: async ({}, use) => {
    const host = await startBrowserHostProcess();
    try {
      await use(host);
    } finally {
      await host.stop();
    }
  },
});

export { expect };

export async function signInToDemo(page: Page, earshot: EarshotHost): Promise<void> {
  await page.goto(earshot.url);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByTestId('team-table')).toBeVisible();
}

/** Screenshots go to test-results/ on every run, and to docs/ (committed) with EARSHOT_UPDATE_DOCS=1. */
export function screenshotPath(name: string): string {
  return process.env.EARSHOT_UPDATE_DOCS === '1' ? `docs/${name}` : `test-results/${name}`;
}
