import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCaCertificates, type TrustedCas } from '../../../../../electron/main/trust/ca-certificates';
import {
  acceptCertificate,
  useChromiumVerdict,
  verifyWithProfileCa,
} from '../../../../../electron/main/trust/certificate-verify';
import { makeTestCa } from '../../../../support/test-ca';

const authorityInvalid = -202;
const commonNameInvalid = -200;
const day = 24 * 60 * 60 * 1000;

function trusted(pem: string): TrustedCas {
  const read = readCaCertificates(pem, Date.now());
  assert.ok(read.ok);
  return read.value;
}

describe("the media window's certificate check with a server profile's CA", () => {
  const ca = makeTestCa();
  const stranger = makeTestCa('Someone Else CA');
  const profileCa = trusted(ca.caPem);
  const now = Date.now();
  const check = (overrides: { hostname?: string; chain?: string[]; chromiumErrorCode?: number } = {}) => ({
    hostname: '127.0.0.1',
    chain: [ca.serverCertPem],
    chromiumErrorCode: authorityInvalid,
    ...overrides,
  });

  test('a server certificate the profile CA signed, for this address, is accepted', () => {
    assert.equal(verifyWithProfileCa(check(), profileCa, now), acceptCertificate);
    assert.equal(verifyWithProfileCa(check({ hostname: 'localhost' }), profileCa, now), acceptCertificate);
    assert.equal(
      verifyWithProfileCa(check({ chain: [ca.serverCertPem, ca.caPem] }), profileCa, now),
      acceptCertificate,
    );
  });

  test("without a profile CA, or for any error but an unknown CA, Chromium's verdict stands", () => {
    assert.equal(verifyWithProfileCa(check(), null, now), useChromiumVerdict);
    assert.equal(verifyWithProfileCa(check({ chromiumErrorCode: 0 }), profileCa, now), useChromiumVerdict);
    assert.equal(
      verifyWithProfileCa(check({ chromiumErrorCode: commonNameInvalid }), profileCa, now),
      useChromiumVerdict,
    );
  });

  test('a certificate for another host, from another CA, or out of its validity is not accepted', () => {
    assert.equal(verifyWithProfileCa(check({ hostname: 'sip.example.com' }), profileCa, now), useChromiumVerdict);
    assert.equal(verifyWithProfileCa(check({ hostname: '10.0.0.1' }), profileCa, now), useChromiumVerdict);
    assert.equal(verifyWithProfileCa(check({ chain: [stranger.serverCertPem] }), profileCa, now), useChromiumVerdict);
    assert.equal(verifyWithProfileCa(check(), trusted(stranger.caPem), now), useChromiumVerdict);
    assert.equal(verifyWithProfileCa(check(), profileCa, now + 31 * day), useChromiumVerdict);
  });

  test('a certificate from a CA that only shares the profile CA’s name is not accepted', () => {
    // The same subject as the profile CA, another key: only the signature tells them apart.
    const impostor = makeTestCa();
    assert.equal(verifyWithProfileCa(check({ chain: [impostor.serverCertPem] }), profileCa, now), useChromiumVerdict);
    const chain = [impostor.serverCertPem, impostor.caPem];
    assert.equal(verifyWithProfileCa(check({ chain }), profileCa, now), useChromiumVerdict);
  });

  test('a chain that cannot be read keeps Chromium’s verdict', () => {
    assert.equal(verifyWithProfileCa(check({ chain: ['garbage'] }), profileCa, now), useChromiumVerdict);
    assert.equal(verifyWithProfileCa(check({ chain: [] }), profileCa, now), useChromiumVerdict);
  });
});
