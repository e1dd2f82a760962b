import type { Page } from '@playwright/test';
import { expect, screenshotPath, signInToDemo, test } from './browser-host-fixture';
import { armedAndWaiting, idleReadyAgent, micProbe, probeMicrophone, supervisorCall } from './voice-helpers';

test('a supervisor listens in silently, barges in, and goes back to silent', async ({ page, context, earshot }) => {
  const media = await context.newPage();
  await media.addInitScript(probeMicrophone);
  await media.goto(earshot.mediaUrl);

  await signInToDemo(page, earshot);
  // The audio page reloads first to get the CSP that lets it reach the demo's SIP server.
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await earshot.control('POST', '/floor', { running: false });
  const agent = await idleReadyAgent(earshot);

  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await armedAndWaiting(page);

  const started = (await earshot.control('POST', `/agents/${agent.id}/calls`, { customerNumber: '+15550100' })) as {
    id: string;
    establishedAt: number;
  };
  const card = page.locator('[data-testid^="call-card-"]');
  await expect(card).toHaveAttribute('data-state', 'established');
  await expect(card).toHaveAttribute('data-audience', 'nobody');
  await expect(page.getByTestId('audience-indicator')).toContainText(/nobody can hear you/i);

  const firstAudioAt = await firstAudioOf(page);
  console.log(
    `agent's call established → first audio packet at the supervisor: ${Math.round(firstAudioAt - started.establishedAt)} ms`,
  );

  // Audio arrives: the simulator's clip plays into the media host's <audio> element.
  await expect
    .poll(() =>
      media.evaluate(() =>
        [...document.querySelectorAll('audio')].some((element) => !element.paused && element.srcObject !== null),
      ),
    )
    .toBe(true);
  await expect
    .poll(async () => Number(await page.getByTestId('level-meter').getAttribute('aria-valuenow')), { timeout: 15_000 })
    .toBeGreaterThan(0);

  // Silent: not one packet from the supervisor, and the microphone was never asked for.
  await page.waitForTimeout(1_000);
  expect((await supervisorCall(earshot))?.rtpFromSupervisor.ListenIn.packets).toBe(0);
  expect((await micProbe(media)).calls).toBe(0);
  await page.screenshot({ path: screenshotPath('listen-in.png') });

  await page.getByTestId('switch-barge').click();
  await expect(card).toHaveAttribute('data-microphone', 'open');
  await expect(card).toHaveAttribute('data-audience', 'everyone');
  await expect
    .poll(async () => (await supervisorCall(earshot))?.rtpFromSupervisor.BargeIn.packetsWithEnergy ?? 0)
    .toBeGreaterThan(10);
  await page.screenshot({ path: screenshotPath('barge-in.png') });

  await page.getByTestId('switch-listen').click();
  await expect(card).toHaveAttribute('data-audience', 'nobody');
  await expect(card).toHaveAttribute('data-microphone', 'closed');
  const probe = await micProbe(media);
  expect(probe.calls).toBe(1);
  expect(probe.states.every((state) => state === 'ended')).toBe(true);
  // Packets already in flight at the switch may still land; once the count stands still, no more come.
  const total = async () => {
    const rtp = (await supervisorCall(earshot))!.rtpFromSupervisor;
    return rtp.ListenIn.packets + rtp.Coach.packets + rtp.BargeIn.packets;
  };
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = await total();
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [400], timeout: 10_000 },
    )
    .toBe(true);
  const settled = await total();
  await page.waitForTimeout(1_000);
  expect(await total()).toBe(settled);

  const callId = (await card.getAttribute('data-testid'))!.replace('call-card-', '');
  await page.getByTestId('hang-up').click();
  await expect(card).toHaveCount(0);
  const history = page.getByTestId('call-history');
  await history.locator('summary').click();
  const row = history.getByTestId(`history-${callId}`);
  await expect(row).toHaveAttribute('data-channel', 'voice');
  await expect(row.getByRole('cell').nth(2)).toHaveText('+15550100');
  await expect(row.getByTestId('history-you-did')).toHaveText(/^Listened \d+:\d\d · Barged in \d+:\d\d$/);
  await expect(row.getByTestId('history-ending')).toHaveText('You hung up');
});

test('the chosen output device is applied to the monitored call’s audio', async ({ page, context, earshot }) => {
  const media = await context.newPage();
  await media.goto(earshot.mediaUrl);
  await signInToDemo(page, earshot);
  // The audio page reloads first to get the CSP that lets it reach the demo's SIP server.
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await earshot.control('POST', '/floor', { running: false });
  const agent = await idleReadyAgent(earshot);

  await page.getByTestId('audio-devices-button').click();
  const select = page.getByTestId('output-device-select');
  const options = await select
    .locator('option')
    .evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
  const chosen = options.find((value) => value !== '' && value !== 'default') ?? options[options.length - 1]!;
  await select.selectOption(chosen);
  await page.keyboard.press('Escape');

  await page.getByTestId(`monitor-listen-${agent.id}`).click();
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-mode', 'ListenIn');
  await armedAndWaiting(page);
  await earshot.control('POST', `/agents/${agent.id}/calls`, {});
  await expect(page.locator('[data-testid^="call-card-"]')).toHaveAttribute('data-state', 'established');
  await expect
    .poll(() => media.evaluate(() => [...document.querySelectorAll('audio')].map((element) => element.sinkId)))
    .toContain(chosen === 'default' ? '' : chosen);
});

async function firstAudioOf(page: Page): Promise<number> {
  let at = 0;
  await expect
    .poll(async () => {
      at = await page.evaluate(async () => {
        const bridge = (
          window as unknown as {
            earshot: {
              invoke(
                channel: string,
                request: object,
              ): Promise<{
                ok: boolean;
                value?: { state: { voice: { calls: Array<{ audio: { firstAudioAt: number | null } }> } } };
              }>;
            };
          }
        ).earshot;
        const result = await bridge.invoke('state:get', {});
        return result.value?.state.voice.calls[0]?.audio.firstAudioAt ?? 0;
      });
      return at;
    })
    .toBeGreaterThan(0);
  return at;
}
