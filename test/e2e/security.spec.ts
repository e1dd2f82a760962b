import { expect, test } from './browser-host-fixture';

test.describe('the sign-in screen warns before anything travels unencrypted', () => {
  test('http:// to another computer needs the supervisor to agree, and a profile remembers the choice', async ({
    page,
    earshot,
  }) => {
    // 0.0.0.0 reaches this computer's own demo on Linux, but Earshot cannot know that: to it, it is
    // another computer, so the warning shows and a real sign-in follows.
    const remoteLooking = earshot.gwsUrl.replace('127.0.0.1', '0.0.0.0');
    await page.goto(earshot.url);
    await page.getByRole('tab', { name: /genesys server/i }).click();
    const warning = page.getByTestId('unencrypted-warning');
    await page.getByLabel(/server address/i).fill('https://gws.example.com:8443');
    await expect(warning).toHaveCount(0);
    await page.getByLabel(/server address/i).fill(remoteLooking);
    await expect(warning).toContainText('http:// sends your password');
    await expect(warning).toContainText('unencrypted to 0.0.0.0');
    await page.getByLabel(/user name/i).fill('supervisor');
    await page.getByLabel(/^password/i).fill('demo');
    await page.getByTestId('server-profile-save-as').click();
    await page.getByLabel(/profile name/i).fill('Lab GWS');
    await page.screenshot({ path: 'test-results/unencrypted-warning.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/unencrypted-warning-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: /^sign in$/i }).click();
    await expect(warning).toContainText('Tick the box to sign in without encryption');
    await expect(page.getByTestId('accept-unencrypted')).toBeFocused();
    await expect(page.getByTestId('team-table')).toHaveCount(0);

    await page.getByTestId('accept-unencrypted').check();
    await page.getByRole('button', { name: /^sign in$/i }).click();
    await expect(page.getByTestId('team-table')).toBeVisible();

    await page.getByRole('button', { name: /sign out/i }).click();
    await page.getByRole('tab', { name: /genesys server/i }).click();
    await expect(page.getByLabel(/server address/i)).toHaveValue(remoteLooking);
    await expect(page.getByTestId('accept-unencrypted')).toBeChecked();
    await expect(warning).toContainText('Earshot remembers this choice for this server profile.');
  });
});
