import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTestCa } from '../support/test-ca';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './browser-host-fixture';

test.describe.configure({ timeout: 120_000 });

test('sign-in: an error belongs to the server choice it came from; axe light and dark', async ({ page, earshot }) => {
  await page.goto(earshot.url);
  await expect(page.getByRole('button', { name: /^sign in$/i })).toBeVisible();
  await expectNoSeriousViolations(page, 'the sign-in screen, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'the sign-in screen, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('tab', { name: /genesys server/i }).click();
  await expect(page.getByLabel(/server address/i)).toHaveAttribute('placeholder', 'https://gws.example.com:8443');
  await page.getByLabel(/server address/i).fill(earshot.gwsUrl);
  await page.getByLabel(/user name/i).fill('supervisor');
  await page.getByLabel(/^password/i).fill('not-the-password');
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText(/wrong user name or password/i);
  await expectNoSeriousViolations(page, 'the sign-in error');

  await page.getByRole('tab', { name: /demo contact center/i }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveCount(0);
  await page.getByRole('tab', { name: /genesys server/i }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveCount(0);
});

test('sign-in: Cancel while a server takes its time brings the form back, with no error', async ({ page, earshot }) => {
  // A "server" that holds every request until the test ends.
  const held: Array<() => void> = [];
  const slow = createServer((_request, response) => held.push(() => response.destroy()));
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(earshot.url);
    await page.getByRole('tab', { name: /genesys server/i }).click();
    await page.getByLabel(/server address/i).fill(`http://127.0.0.1:${(slow.address() as AddressInfo).port}`);
    await page.getByLabel(/user name/i).fill('supervisor');
    await page.getByLabel(/^password/i).fill('demo');
    await page.getByRole('button', { name: /^sign in$/i }).click();
    await expect(page.getByRole('button', { name: /signing in/i })).toBeVisible();
    await expectNoSeriousViolations(page, 'signing in');

    await page.getByTestId('sign-in-cancel').click();
    await expect(page.getByRole('button', { name: /^sign in$/i })).toBeEnabled();
    await expect(page.getByTestId('sign-in-cancel')).toHaveCount(0);
    await expect(page.getByTestId('sign-in-error')).toHaveCount(0);
  } finally {
    for (const release of held) release();
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  }
});

test('sign-in: a CA certificate file is read and shown with its expiry, a wrong one refused in words', async ({
  page,
  earshot,
}) => {
  const ca = makeTestCa('Contoso Root CA');
  const pemFile = (name: string, text: string) => ({
    name,
    mimeType: 'application/x-pem-file',
    buffer: Buffer.from(text),
  });
  await page.goto(earshot.url);
  await page.getByRole('tab', { name: /genesys server/i }).click();
  await page.getByLabel(/server address/i).fill('https://gws.contoso.example:8443');
  await page.getByLabel(/user name/i).fill('supervisor');
  const field = page.getByLabel(/organisation ca certificate/i);

  await field.setInputFiles(pemFile('server.pem', ca.serverCertPem));
  await expect(page.getByRole('alert')).toContainText(
    /server\.pem: The certificate \(localhost\) is not a CA certificate/,
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.setInputFiles(pemFile('contoso-ca.pem', ca.caPem));
  await expect(page.getByTestId('ca-certificate-summary')).toContainText(
    /Contoso Root CA, Earshot Tests — valid until/,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The browser edition: the browser itself checks the SIP server.
  await expect(page.getByTestId('ca-certificate')).toContainText(/trust store of this computer or of the browser/);
  await expectNoSeriousViolations(page, 'a CA certificate chosen');

  await page.getByTestId('server-profile-save-as').click();
  await page.getByTestId('server-profile-save').click();
  await expect(page.getByText(/^Saved “/)).toBeVisible();
  await expect(page.getByTestId('ca-certificate-summary')).toContainText(/Contoso Root CA/);

  await page.getByRole('button', { name: /^remove$/i }).click();
  await expect(page.getByTestId('ca-certificate-summary')).toHaveCount(0);
  await expect(page.getByTestId('server-profile-changes')).toBeVisible();
});
