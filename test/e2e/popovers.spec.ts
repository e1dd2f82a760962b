import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { expect, signInToDemo, test, type EarshotHost } from './browser-host-fixture';

const openPopover = '[popover]:popover-open';

async function signedInAgentId(earshot: EarshotHost): Promise<string> {
  const { agents } = (await earshot.control('GET', '/state')) as { agents: Array<{ id: string; state: string }> };
  return agents.find((agent) => agent.state !== 'LoggedOut')!.id;
}

async function closeDialog(page: Page, testId: string): Promise<void> {
  await page
    .getByTestId(testId)
    .getByRole('button', { name: /^Close/ })
    .first()
    .click();
  await expect(page.getByTestId(testId)).not.toBeVisible();
}

// Eighteen axe scans on a shared machine: generous, and never a pass/fail on time.
test.describe.configure({ timeout: 300_000 });

test('every popover and dialog: axe finds nothing serious, light and dark', async ({ page, earshot }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInToDemo(page, earshot);
  await earshot.control('POST', '/floor', { running: false });
  const agentId = await signedInAgentId(earshot);
  // One action, so the audit trail has a row to show.
  await page.getByTestId(`monitor-listen-${agentId}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await page.getByTestId('monitoring-cancel').click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveCount(0);
  // Copy diagnostics shows its text in a dialog when the clipboard refuses.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('refused for the test'));
  });

  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const popovers = [
      ['audio-devices-button', 'the audio devices'],
      ['monitor-options-button', 'the monitoring options'],
      [`messaging-menu-${agentId}`, 'the Chats & SMS menu'],
    ] as const;
    for (const [trigger, what] of popovers) {
      await page.getByTestId(trigger).click();
      await expect(page.locator(openPopover)).toBeVisible();
      await expectNoSeriousViolations(page, `${what}, ${scheme}`);
      await page.keyboard.press('Escape');
      await expect(page.locator(openPopover)).toHaveCount(0);
    }

    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-panel')).toBeVisible();
    await expectNoSeriousViolations(page, `the settings, ${scheme}`);
    await page.getByTestId('copy-diagnostics').click();
    await expect(page.getByTestId('copy-fallback')).toBeVisible();
    await expectNoSeriousViolations(page, `the diagnostics text, ${scheme}`);
    await page.getByTestId('copy-fallback').getByRole('button', { name: 'Close' }).click();
    await closeDialog(page, 'settings-panel');

    await page.getByTestId('audit-button').click();
    await expect(page.getByTestId('audit-view').getByTestId('audit-row').first()).toBeVisible();
    await expectNoSeriousViolations(page, `the audit trail, ${scheme}`);
    await closeDialog(page, 'audit-view');

    // A narrow window folds a row's actions into its Monitor menu.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId(`agent-menu-${agentId}`).click();
    await expect(page.getByTestId('agent-menu')).toBeVisible();
    await expectNoSeriousViolations(page, `a row's Monitor menu, ${scheme}`);
    await page.getByTestId('agent-menu').getByTestId('agent-menu-messaging').click();
    await expect(page.getByTestId('messaging-menu')).toBeVisible();
    await expectNoSeriousViolations(page, `the Chats & SMS menu from a row's Monitor menu, ${scheme}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator(openPopover)).toHaveCount(0);
  }
});
