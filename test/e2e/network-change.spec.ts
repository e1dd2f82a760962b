import { expectNoSeriousViolations } from './accessibility';
import { expect, screenshotPath, signInToDemo, test } from './browser-host-fixture';
import type { Page } from '@playwright/test';
import {
  armedAndWaiting,
  idleReadyAgent,
  micProbe,
  packetsReceived,
  probeMicrophone,
  probePeerConnections,
  type VoiceCall,
} from './voice-helpers';

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

/** Signs in with the audio page probed, and starts a live, silent monitored call with audio flowing. */
async function liveSilentCall(page: Page, media: Page, earshot: Parameters<typeof idleReadyAgent>[0]) {
  await media.addInitScript(probeMicrophone);
  await media.addInitScript(probePeerConnections);
  await media.goto(earshot.mediaUrl);
  await signInToDemo(page, earshot);
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', { timeout: 30_000 });
  await earshot.control('POST', '/floor', { running: false });
  const agent = await idleReadyAgent(earshot);
  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await armedAndWaiting(page);
  const customer = (await earshot.control('POST', `/agents/${agent.id}/calls`, {})) as { id: string };
  const card = page.locator('[data-testid^="call-card-"]');
  await expect(card).toHaveAttribute('data-state', 'established');
  await expect.poll(() => packetsReceived(media), { timeout: 15_000 }).toBeGreaterThan(50);
  return { agent, customer, card };
}

/** Cuts GWS and SIP until the demo's SIP server has seen the phone go. */
async function dropNetwork(page: Page, earshot: Parameters<typeof idleReadyAgent>[0], outOfServiceMs: number) {
  await earshot.control('POST', '/network', { gws: 'down', sip: 'down', outOfServiceMs });
  await expect(page.getByTestId('sip-status')).not.toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await expect
    .poll(async () => ((await earshot.control('GET', '/sip')) as { registrations: unknown[] }).registrations.length, {
      timeout: 30_000,
    })
    .toBe(0);
}

/** Polls until two reads in a row agree: what stands still. */
async function settled(read: () => Promise<number>): Promise<number> {
  let previous = -1;
  let current = 0;
  await expect
    .poll(
      async () => {
        current = await read();
        const still = current === previous;
        previous = current;
        return still;
      },
      { intervals: [500], timeout: 15_000 },
    )
    .toBe(true);
  return current;
}

test('a live monitored call moves to the network that came back: audio flows again, and nothing is sent', async ({
  page,
  context,
  earshot,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const media = await context.newPage();
  const { customer, card } = await liveSilentCall(page, media, earshot);

  // The demo's SIP server keeps the call a minute while the phone is away; its old path carries nothing.
  await dropNetwork(page, earshot, 60_000);
  const stalled = await settled(() => packetsReceived(media));
  // The phone may take a while to register again on a busy machine: the server keeps its minute, so
  // what this test sees is the move, never the server giving the call up meanwhile.
  await earshot.control('POST', '/network', { gws: 'up', sip: 'up' });

  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', { timeout: 30_000 });
  await expect.poll(() => packetsReceived(media), { timeout: 30_000 }).toBeGreaterThan(stalled + 50);
  await expect(card).toHaveAttribute('data-state', 'established');
  await expect(card).toHaveAttribute('data-audience', 'nobody');
  await expect(card).toHaveAttribute('data-microphone', 'closed');
  const atServer = (await earshot.control('GET', '/voice')) as { calls: VoiceCall[] };
  const call = atServer.calls.find((candidate) => candidate.monitoredCallId === customer.id);
  expect(call?.reoffersFromPhone).toEqual([{ direction: 'recvonly', iceRestart: true, status: 200 }]);
  expect(call?.rtpFromSupervisor.ListenIn.packets).toBe(0);
  expect((await micProbe(media)).calls).toBe(0);
  await expect(page.getByTestId('monitoring-resumed')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'a call that moved to the new network');

  await page.getByTestId('hang-up').click();
  await expect(card).toHaveCount(0);
  await earshot.control('DELETE', `/interactions/${customer.id}`);
});

test('a live monitored call the server ended while the network was down ends cleanly, and a notice says why', async ({
  page,
  context,
  earshot,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const media = await context.newPage();
  const { agent, customer, card } = await liveSilentCall(page, media, earshot);
  const { agents } = (await earshot.control('GET', '/state')) as { agents: Array<{ id: string; displayName: string }> };
  const agentName = agents.find((candidate) => candidate.id === agent.id)?.displayName ?? '';

  await dropNetwork(page, earshot, 500);
  await expect
    .poll(
      async () =>
        ((await earshot.control('GET', '/voice')) as { calls: VoiceCall[] }).calls.find(
          (candidate) => candidate.monitoredCallId === customer.id,
        )?.state,
      { timeout: 15_000 },
    )
    .toBe('Released');
  // Both come back at once: whether the phone's re-INVITE meets a 481 first or GWS's re-read tells the
  // call is gone first, the call could not be resumed, and the notice says so.
  await earshot.control('POST', '/network', { gws: 'up', sip: 'up', outOfServiceMs: 5_000 });

  const notice = page.getByTestId('monitoring-resumed');
  await expect(notice).toContainText(
    /Connection lost at .+: the call with .+ could not be resumed \(the server had ended it meanwhile\) and was ended\./,
    {
      timeout: 60_000,
    },
  );
  await expect(notice).toContainText(`the call with ${agentName}`);
  await expect(card).toHaveCount(0);
  expect((await micProbe(media)).calls).toBe(0);
  // The call's playout is gone with it on the audio page.
  await expect.poll(() => media.evaluate(() => document.querySelectorAll('audio[data-call-id]').length)).toBe(0);
  await page.screenshot({ path: screenshotPath('call-not-resumed.png') });
  await expectNoSeriousViolations(page, 'the notice that a call could not be resumed');

  await page.getByTestId('monitoring-resumed-dismiss').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', { timeout: 30_000 });
});
