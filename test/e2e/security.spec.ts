import { expect, signInToDemo, test } from './browser-host-fixture';

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

test.describe('the browser edition opens only with the key it printed', () => {
  test('the printed address lets the browser in and leaves no key in the address bar', async ({ page, earshot }) => {
    await page.goto(earshot.url);
    await expect(page.getByLabel(/user name/i)).toBeVisible();
    expect(page.url()).toBe(`${earshot.uiOrigin}/`);
    const address = await page.evaluate(() => location.href);
    expect(address).not.toContain('key=');
    const cookies = await page.context().cookies(earshot.uiOrigin);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  test('without the key, or with a wrong one, the page says what to open instead', async ({ page, earshot }) => {
    await page.goto(`${earshot.uiOrigin}/`);
    await expect(page.getByRole('status')).toContainText('needs the address Earshot printed');
    expect(page.url()).toBe(`${earshot.uiOrigin}/launch`);
    // A new document: a change of fragment alone would not run the launch page again.
    await page.goto('about:blank');
    await page.goto(`${earshot.uiOrigin}/launch#key=not-the-key`);
    await expect(page.getByRole('status')).toContainText('has been used already, has expired');
    expect(page.url()).toBe(`${earshot.uiOrigin}/launch`);
    await page.screenshot({ path: 'test-results/launch-refused.png' });
  });

  test('a second tab is told Earshot is open in another tab, and takes over only when asked', async ({
    page,
    context,
    earshot,
  }) => {
    // Two pages of the development bundle and a sign-in: slow on a loaded machine, so more time than most.
    test.setTimeout(150_000);
    await signInToDemo(page, earshot);
    const second = await context.newPage();
    await second.goto(earshot.url);
    const waiting = second.getByRole('alertdialog', { name: 'Earshot is open in another tab' });
    await expect(waiting).toBeVisible({ timeout: 45_000 });
    await expect(waiting.getByRole('button', { name: 'Use here' })).toBeFocused();
    await second.screenshot({ path: 'test-results/open-in-another-tab.png' });
    await second.emulateMedia({ colorScheme: 'dark' });
    await second.screenshot({ path: 'test-results/open-in-another-tab-dark.png' });
    await expect(page.getByTestId('team-table')).toBeVisible();

    await waiting.getByRole('button', { name: 'Use here' }).click();
    await expect(second.getByTestId('team-table')).toBeVisible({ timeout: 45_000 });
    await expect(waiting).toHaveCount(0);
    const takenOver = page.getByRole('alertdialog', { name: 'Earshot is now open in another tab' });
    await expect(takenOver).toBeVisible({ timeout: 45_000 });
    await page.screenshot({ path: 'test-results/taken-over.png' });

    await takenOver.getByRole('button', { name: 'Use here' }).click();
    await expect(page.getByTestId('team-table')).toBeVisible({ timeout: 45_000 });
    await expect(second.getByRole('alertdialog', { name: 'Earshot is now open in another tab' })).toBeVisible();
  });
});
