import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { startBrowserHostProcess, type BrowserHostProcess } from '../support/browser-host-process';

export type EarshotHost = BrowserHostProcess;

export const test = base.extend<{ earshot: EarshotHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  earshot: async ({}, use, testInfo) => {
    const host = await startBrowserHostProcess();
    try {
      await use(host);
    } finally {
      // A failure on a busy CI machine is often seen once: keep what the host said about it.
      if (testInfo.status !== testInfo.expectedStatus) await attachHostLogs(host, testInfo);
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

async function attachHostLogs(host: EarshotHost, testInfo: TestInfo): Promise<void> {
  const logFile = host.readLogFile();
  await testInfo.attach('browser host log', { body: logFile, contentType: 'text/plain' });
  await testInfo.attach('browser host stdout and stderr', { body: host.logs.join('\n'), contentType: 'text/plain' });
  const lastLines = logFile.trimEnd().split('\n').slice(-40).join('\n');
  console.log(`--- the browser host's last log lines for "${testInfo.title}":\n${lastLines}\n---`);
}
