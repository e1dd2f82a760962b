import { expectNoSeriousViolations } from './accessibility';
import { expect, screenshotPath, signInToDemo, test } from './browser-host-fixture';
import { idleReadyAgent } from './voice-helpers';

test('an armed monitor the server ended while the network was down is started again, and a notice says so', async ({
  page,
  context,
  earshot,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const media = await context.newPage();
  await media.goto(earshot.mediaUrl);
  await signInToDemo(page, earshot);
  const sipStatus = page.getByTestId('sip-status');
  await expect(sipStatus).toHaveAttribute('data-registration', 'registered', { timeout: 30_000 });
  await earshot.control('POST', '/floor', { running: false });
  const agent = await idleReadyAgent(earshot);
  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  const subscription = page.getByTestId('monitoring-subscription');
  await expect(subscription).toHaveAttribute('data-mode', 'ListenIn');

  await earshot.control('POST', '/network', { gws: 'down', sip: 'down' });
  await expect(sipStatus).not.toHaveAttribute('data-registration', 'registered', { timeout: 30_000 });
  await expect
    .poll(async () => ((await earshot.control('GET', '/sip')) as { registrations: unknown[] }).registrations.length, {
      timeout: 30_000,
    })
    .toBe(0);
  // The demo's SIP Server ends the monitoring of a phone out of service for 5 s.
  await page.waitForTimeout(6_500);
  await earshot.control('POST', '/network', { gws: 'up', sip: 'up' });

  const notice = page.getByTestId('monitoring-resumed');
  await expect(notice).toContainText(/the server had stopped your monitoring of .+; Earshot started it again/, {
    timeout: 60_000,
  });
  await expect(subscription).toHaveAttribute('data-mode', 'ListenIn');
  await expect(page.getByTestId(`agent-row-${agent.id}`)).toHaveAttribute('data-monitored', 'true');
  await expect(sipStatus).toHaveAttribute('data-registration', 'registered', { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('monitoring-resumed.png') });
  await expectNoSeriousViolations(page, 'the notice that monitoring resumed');

  await page.getByTestId('monitoring-resumed-dismiss').click();
  await expect(notice).toHaveCount(0);
  await page.getByTestId('monitoring-cancel').click();
  await expect(subscription).toHaveCount(0);
});
