import type { Page } from '@playwright/test';
import { expect, signInToDemo, test } from './browser-host-fixture';

async function pickerValues(page: Page, testId: string): Promise<{ values: string[]; disabled: boolean }> {
  const select = page.getByTestId(testId);
  return {
    values: await select
      .locator('option')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value)),
    disabled: await select.isDisabled(),
  };
}

test('the audio device pickers keep their devices and choice across sign-out, sign-in and an audio page reload', async ({
  page,
  context,
  earshot,
}) => {
  test.setTimeout(120_000);
  await signInToDemo(page, earshot);
  // Before the audio engine runs nothing is known: the pickers say so rather than give advice.
  await page.getByTestId('audio-devices-button').click();
  await expect(page.getByTestId('devices-waiting-note')).toBeVisible();
  await expect(page.getByTestId('output-default-note')).toHaveCount(0);
  await expect(page.getByTestId('output-device-select')).toBeDisabled();
  await expect(page.getByTestId('input-device-select')).toBeDisabled();
  await page.keyboard.press('Escape');

  const media = await context.newPage();
  await media.goto(earshot.mediaUrl);
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });

  await page.getByTestId('audio-devices-button').click();
  const output = page.getByTestId('output-device-select');
  await expect(output).toBeEnabled();
  await expect(page.getByTestId('devices-waiting-note')).toHaveCount(0);
  const before = {
    outputs: await pickerValues(page, 'output-device-select'),
    inputs: await pickerValues(page, 'input-device-select'),
  };
  expect(before.outputs.values.length, 'the fake devices are listed').toBeGreaterThan(1);
  const chosen = before.outputs.values.find((value) => value !== '')!;
  await output.selectOption(chosen);
  await expect(output).toHaveValue(chosen);
  await page.keyboard.press('Escape');

  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('button', { name: /^sign in$/i })).toBeVisible();
  await signInToDemo(page, earshot);
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await page.getByTestId('audio-devices-button').click();
  await expect(output).toBeEnabled();
  await expect(output).toHaveValue(chosen);
  expect(await pickerValues(page, 'output-device-select')).toEqual(before.outputs);
  expect(await pickerValues(page, 'input-device-select')).toEqual(before.inputs);
  await expect(page.getByTestId('output-default-note')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await media.reload();
  await expect(page.getByTestId('sip-status')).toHaveAttribute('data-registration', 'registered', {
    timeout: 30_000,
  });
  await page.getByTestId('audio-devices-button').click();
  await expect(output).toBeEnabled();
  await expect(output).toHaveValue(chosen);
  expect(await pickerValues(page, 'output-device-select')).toEqual(before.outputs);
  expect(await pickerValues(page, 'input-device-select')).toEqual(before.inputs);
});
