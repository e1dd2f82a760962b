import { expect, screenshotPath, signInToDemo, test } from './browser-host-fixture';

interface ControlState {
  agents: Array<{ id: string; userName: string; state: string }>;
}

test.describe('a supervisor watches the team live', () => {
  test('signs in to the demo with its credentials shown, sees the team, and sees a state change live', async ({
    page,
    earshot,
  }) => {
    await page.goto(earshot.url);
    await expect(page.getByLabel(/user name/i)).toHaveValue('supervisor');
    await signInToDemo(page, earshot);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');

    await earshot.control('POST', '/floor', { running: false });
    const { agents } = (await earshot.control('GET', '/state')) as ControlState;
    expect(agents.length).toBeGreaterThanOrEqual(10);
    await expect(page.locator('[data-testid^="agent-row-"]')).toHaveCount(agents.length);

    const agent = agents.find((candidate) => candidate.state !== 'LoggedOut')!;
    await earshot.control('POST', `/agents/${agent.id}/state`, { state: 'NotReady', reason: 'Training' });
    const row = page.getByTestId(`agent-row-${agent.id}`);
    await expect(row).toHaveAttribute('data-state', 'NotReady');
    await expect(row).toContainText('Training');

    await earshot.control('POST', `/agents/${agent.id}/state`, { state: 'Ready' });
    await expect(row).toHaveAttribute('data-state', 'Ready');

    await page.screenshot({ path: screenshotPath('team-view.png') });
  });

  test('stays truthful through a contact-center restart and shows what changed meanwhile', async ({
    page,
    earshot,
  }) => {
    await signInToDemo(page, earshot);
    await earshot.control('POST', '/floor', { running: false });
    const { agents } = (await earshot.control('GET', '/state')) as ControlState;
    const agent = agents.find((candidate) => candidate.state !== 'LoggedOut')!;

    await earshot.control('POST', '/restart', { downMs: 4_000 });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', /reconnecting|offline/);
    await expect
      .poll(
        () =>
          earshot.control('POST', '/floor', { running: false }).then(
            () => true,
            () => false,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await earshot.control('POST', `/agents/${agent.id}/state`, { state: 'AfterCallWork' });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
      timeout: 20_000,
    });
    await expect(page.getByTestId(`agent-row-${agent.id}`)).toHaveAttribute('data-state', 'AfterCallWork');
  });

  test('says when only the live updates are down, and never Connected until they are back', async ({
    page,
    earshot,
  }) => {
    await signInToDemo(page, earshot);
    const status = page.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-status', 'connected');
    await earshot.control('POST', '/cometd/block', { blocked: true });
    await expect(status).toHaveAttribute('data-status', 'live-updates-down', { timeout: 20_000 });
    await expect(status).toContainText('Live updates down — retrying');
    await page.screenshot({
      path: 'test-results/live-updates-down.png',
      clip: { x: 0, y: 0, width: 1280, height: 120 },
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({
      path: 'test-results/live-updates-down-dark.png',
      clip: { x: 0, y: 0, width: 1280, height: 120 },
    });
    // The team keeps refreshing meanwhile (every 3 s); the header must not flip back to Connected.
    await page.waitForTimeout(4_000);
    await expect(status).toHaveAttribute('data-status', 'live-updates-down');
    await earshot.control('POST', '/cometd/block', { blocked: false });
    await expect(status).toHaveAttribute('data-status', 'connected', { timeout: 20_000 });
  });

  test('a wrong password gets a clear message and signing out returns to sign-in', async ({ page, earshot }) => {
    await page.goto(earshot.url);
    await page.getByRole('tab', { name: /genesys server/i }).click();
    await page.getByLabel(/server address/i).fill(earshot.gwsUrl);
    await page.getByLabel(/user name/i).fill('supervisor');
    await page.getByLabel(/^password/i).fill('not-the-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText(/wrong user name or password/i);

    await page.getByLabel(/^password/i).fill('demo');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByTestId('team-table')).toBeVisible();
    await page.getByRole('button', { name: /sign out/i }).click();
    await expect(page.getByRole('button', { name: /sign in/i })).toBeVisible();
    const state = (await earshot.control('GET', '/state')) as { httpSessions?: number };
    expect(state.httpSessions ?? 0).toBe(0);
  });

  test('an agent account is told it is not a supervisor', async ({ page, earshot }) => {
    const { agents } = (await earshot.control('GET', '/state')) as ControlState;
    await page.goto(earshot.url);
    await page.getByRole('tab', { name: /genesys server/i }).click();
    await page.getByLabel(/server address/i).fill(earshot.gwsUrl);
    await page.getByLabel(/user name/i).fill(agents[0]!.userName);
    await page.getByLabel(/^password/i).fill('agent');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText(/not a supervisor/i);
  });
});
