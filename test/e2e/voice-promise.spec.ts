import type { Locator, Page } from '@playwright/test';
import { expect, signInToDemo, test, type EarshotHost } from './browser-host-fixture';
import { armedAndWaiting, type ControlAgent, idleReadyAgent, probeMicrophone, supervisorCall } from './voice-helpers';

/**
 * The one promise, end to end in Chromium: whatever the microphone, the server or the audio page
 * does, the call card, the agent's row and the header say the same thing about who can hear the
 * supervisor, and that thing is true on the wire.
 */

interface Indicators {
  card: Locator;
  row: Locator;
  header: Locator;
}

function indicators(page: Page): Indicators {
  return {
    card: page.locator('[data-testid^="call-card-"]'),
    row: page.getByTestId('monitoring-subscription'),
    header: page.getByTestId('header-audience'),
  };
}

async function expectEveryIndicator(page: Page, audience: 'nobody' | 'everyone'): Promise<void> {
  const { card, row, header } = indicators(page);
  await expect(card).toHaveAttribute('data-audience', audience);
  await expect(row).toHaveAttribute('data-audience', audience);
  await expect(header).toHaveAttribute('data-audience', audience);
}

async function monitorAndCall(page: Page, earshot: EarshotHost): Promise<ControlAgent> {
  await signInToDemo(page, earshot);
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await earshot.control('POST', '/floor', { running: false });
  const agent = await idleReadyAgent(earshot);
  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await armedAndWaiting(page);
  await earshot.control('POST', `/agents/${agent.id}/calls`, { customerNumber: '+15550100' });
  await expect(indicators(page).card).toHaveAttribute('data-state', 'established');
  return agent;
}

test('a microphone that will not open keeps every indicator silent and the server in ListenIn; once it opens, all agree', async ({
  page,
  context,
  earshot,
}) => {
  const media = await context.newPage();
  await media.addInitScript(probeMicrophone);
  await media.goto(earshot.mediaUrl);
  await monitorAndCall(page, earshot);
  await expectEveryIndicator(page, 'nobody');

  await media.evaluate(() => {
    (window as unknown as { __micProbe: { deny: boolean } }).__micProbe.deny = true;
  });
  await page.getByTestId('switch-barge').click();
  const { card, row } = indicators(page);
  await expect(page.getByTestId('audience-indicator')).toContainText(/microphone/i);
  await expect(card).toHaveAttribute('data-microphone', 'closed');
  await expectEveryIndicator(page, 'nobody');
  await expect(row.getByTestId('monitoring-status')).not.toContainText(/barg/i);
  // The server was never left in Barge in: it is (back) in ListenIn and heard nothing.
  await expect.poll(async () => (await supervisorCall(earshot))?.mode).toBe('ListenIn');
  const silent = (await supervisorCall(earshot))!.rtpFromSupervisor;
  expect(silent.BargeIn.packets + silent.Coach.packets + silent.ListenIn.packets).toBe(0);

  await media.evaluate(() => {
    (window as unknown as { __micProbe: { deny: boolean } }).__micProbe.deny = false;
  });
  await page.getByTestId('switch-barge').click();
  await expect(card).toHaveAttribute('data-microphone', 'open');
  await expectEveryIndicator(page, 'everyone');
  await expect(row.getByTestId('monitoring-status')).toContainText(/barg/i);
  await expect.poll(async () => (await supervisorCall(earshot))?.mode).toBe('BargeIn');

  await page.getByTestId('switch-listen').click();
  await expect(card).toHaveAttribute('data-microphone', 'closed');
  await expectEveryIndicator(page, 'nobody');
  await expect(row.getByTestId('monitoring-status')).not.toContainText(/barg/i);
  await expect.poll(async () => (await supervisorCall(earshot))?.mode).toBe('ListenIn');
});

test('closing the audio page is told at once, and Reopen brings monitoring back', async ({
  page,
  context,
  earshot,
}) => {
  const media = await context.newPage();
  await media.goto(earshot.mediaUrl);
  const agent = await monitorAndCall(page, earshot);
  const { card, header } = indicators(page);

  const closedAt = Date.now();
  await media.close();
  await expect(page.getByTestId('audio-engine-notice')).toBeVisible();
  console.log(`audio page closed → notice on screen: ${Date.now() - closedAt} ms`);
  await expect(card).toHaveCount(0);
  await expect(header).toHaveCount(0);
  await expect(page.getByTestId('sip-status')).not.toHaveAttribute('data-registration', 'registered');

  const opened = context.waitForEvent('page');
  await page.getByTestId('audio-engine-reopen').click();
  const reopened = await opened;
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('audio-engine-notice')).toHaveCount(0);

  // Monitoring is still armed, and the agent's next call is heard again.
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  const { agents } = (await earshot.control('GET', '/state')) as { agents: ControlAgent[] };
  for (const interaction of agents.find((candidate) => candidate.id === agent.id)?.interactions ?? [])
    await earshot.control('DELETE', `/interactions/${interaction.id}`);
  await armedAndWaiting(page);
  await earshot.control('POST', `/agents/${agent.id}/calls`, { customerNumber: '+15550101' });
  await expect(card).toHaveAttribute('data-state', 'established');
  await expect(card).toHaveAttribute('data-audience', 'nobody');
  await expect
    .poll(() =>
      reopened.evaluate(() =>
        [...document.querySelectorAll('audio')].some((element) => !element.paused && element.srcObject !== null),
      ),
    )
    .toBe(true);
});
