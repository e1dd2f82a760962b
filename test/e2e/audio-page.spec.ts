import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { expect, screenshotPath, signInToDemo, test } from './browser-host-fixture';
import { armedAndWaiting, idleReadyAgent } from './voice-helpers';

/** The size `npm start` opens the audio window at (media-host-app-window.ts). */
const AUDIO_WINDOW = { width: 460, height: 520 };

/** The meter follows the incoming audio: the demo's clip is speech, so between its pauses it is off zero. */
async function expectLevelAboveZero(media: Page): Promise<void> {
  await expect
    .poll(async () => Number(await media.getByTestId('audio-level').getAttribute('data-level')), { timeout: 15_000 })
    .toBeGreaterThan(0);
}

async function expectAccessibleInBothSchemes(media: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await media.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(media, `the audio page, ${where}, ${colorScheme}`);
  }
  await media.emulateMedia({ colorScheme: 'light' });
}

test('the audio page shows the phone line, the call that plays with its level, and the microphone as it is', async ({
  page,
  context,
  earshot,
}) => {
  // A monitored call, and axe over the page in two states and two schemes, on a shared machine.
  test.setTimeout(120_000);
  const media = await context.newPage();
  await media.setViewportSize(AUDIO_WINDOW);
  await media.goto(earshot.mediaUrl);
  const line = media.getByTestId('audio-line');
  const microphone = media.getByTestId('audio-microphone');
  const calls = media.getByTestId('audio-call');
  await expect(line).toContainText('Phone line not registered yet');
  await expect(microphone).toHaveText('Microphone closed — nobody hears you');
  await expect(media.getByText('No call right now.')).toBeVisible();

  await signInToDemo(page, earshot);
  // The audio page reloads first to get the CSP that lets it reach the demo's SIP server.
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await expect(line).toHaveAttribute('data-tone', 'good');
  await expect(line).toHaveText('Phone line registered');

  await earshot.control('POST', '/floor', { running: false });
  const agent = await idleReadyAgent(earshot);
  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await armedAndWaiting(page);
  await earshot.control('POST', `/agents/${agent.id}/calls`, { customerNumber: '+15550100' });
  const card = page.locator('[data-testid^="call-card-"]');
  await expect(card).toHaveAttribute('data-state', 'established');

  await expect(calls).toHaveCount(1);
  await expect(calls).toContainText('with +15550100');
  await expect(calls.locator('.call__status')).toHaveText('Playing', { timeout: 15_000 });
  await expect(calls.locator('.call__duration')).toHaveText(/^\d+:\d\d$/);
  await expectLevelAboveZero(media);
  // The meter only listens: the call still plays through its element, and its playout (the UI's
  // meter, from the receiver's statistics) still has a level.
  expect(
    await media.evaluate(() =>
      [...document.querySelectorAll('audio')].some((element) => !element.paused && element.srcObject !== null),
    ),
  ).toBe(true);
  await expect
    .poll(async () => Number(await page.getByTestId('level-meter').getAttribute('aria-valuenow')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(microphone).toHaveAttribute('data-state', 'closed');
  await expect(microphone).toHaveText('Microphone closed — nobody hears you');
  await expect(media.getByRole('status')).toContainText('Microphone closed — nobody hears you');
  await expect(media.getByText('Keep this window open while you monitor.')).toBeVisible();
  await expectAccessibleInBothSchemes(media, 'listening');
  // Taken while the meter shows a level, so the picture shows one.
  await expectLevelAboveZero(media);
  await media.screenshot({ path: screenshotPath('audio-page.png') });
  await media.emulateMedia({ colorScheme: 'dark' });
  await expectLevelAboveZero(media);
  await media.screenshot({ path: screenshotPath('audio-page-dark.png') });
  await media.emulateMedia({ colorScheme: 'light' });

  await page.getByTestId('switch-barge').click();
  await expect(card).toHaveAttribute('data-audience', 'everyone');
  await expect(microphone).toHaveAttribute('data-state', 'open');
  await expect(microphone).toHaveText('Microphone OPEN — the call can hear you');
  await expect(calls).toHaveAttribute('data-microphone', 'sending');
  await expect(calls.locator('.call__microphone')).toHaveText('Your microphone is on this call');
  await expectAccessibleInBothSchemes(media, 'barged in');

  await page.getByTestId('switch-listen').click();
  await expect(card).toHaveAttribute('data-audience', 'nobody');
  await expect(microphone).toHaveAttribute('data-state', 'closed');
  await expect(microphone).toHaveText('Microphone closed — nobody hears you');
  await expect(calls).toHaveAttribute('data-microphone', 'closed');

  await page.getByTestId('hang-up').click();
  await expect(calls).toHaveCount(0);
  await expect(media.getByText('No call right now.')).toBeVisible();
  await expect(line).toHaveText('Phone line registered');
});
