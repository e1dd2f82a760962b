import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCaCertificates } from '../../../../../../renderer/ui/features/sign-in/ca-certificate';

describe('describing a profile CA certificate', () => {
  const expiresAt = Date.UTC(2030, 0, 15, 12);

  test('names each certificate and says until when it is valid, or since when it is not', () => {
    const text = describeCaCertificates(
      [
        { subject: 'Contoso Root CA, Contoso', expiresAt },
        { subject: 'Contoso Issuing CA, Contoso', expiresAt: Date.UTC(2020, 0, 1) },
      ],
      Date.UTC(2026, 0, 1),
    );
    assert.match(
      text,
      /^Contoso Root CA, Contoso — valid until .*2030; Contoso Issuing CA, Contoso — expired on .*2020$/,
    );
  });
});
