import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCaCertificates, summarizeCaCertificates } from '../../../../../electron/main/trust/ca-certificates';
import { makeTestCa } from '../../../../support/test-ca';

const day = 24 * 60 * 60 * 1000;

describe('reading a server profile CA certificate', () => {
  const ca = makeTestCa('Example Root CA');
  const other = makeTestCa('Example Issuing CA');

  test('a CA certificate is read with its name and expiry', () => {
    const read = readCaCertificates(ca.caPem, Date.now());
    assert.ok(read.ok);
    assert.equal(read.value.certificates.length, 1);
    assert.equal(read.value.summary[0]?.subject, 'Example Root CA, Earshot Tests');
    assert.ok((read.value.summary[0]?.expiresAt ?? 0) > Date.now() + 29 * day);
  });

  test('a file with several CAs keeps them all, in order, without the text between them', () => {
    const read = readCaCertificates(`Bag Attributes\n${ca.caPem}\nsomething else\n${other.caPem}`, Date.now());
    assert.ok(read.ok);
    assert.deepEqual(
      read.value.summary.map((certificate) => certificate.subject),
      ['Example Root CA, Earshot Tests', 'Example Issuing CA, Earshot Tests'],
    );
    assert.doesNotMatch(read.value.pem, /Bag Attributes|something else/);
  });

  test("a server's own certificate is refused: it is not a CA", () => {
    const read = readCaCertificates(ca.serverCertPem, Date.now());
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.error.message : '', /localhost\) is not a CA certificate/);
  });

  test('an expired CA is refused with the day it expired; one not valid yet with the day it starts', () => {
    const expired = readCaCertificates(ca.caPem, Date.now() + 31 * day);
    assert.match(!expired.ok ? expired.error.message : '', /expired on \d{4}-\d{2}-\d{2}\./);
    const early = readCaCertificates(ca.caPem, Date.now() - 2 * day);
    assert.match(!early.ok ? early.error.message : '', /is not valid until \d{4}-\d{2}-\d{2}\./);
  });

  test('text that is not a PEM certificate, a damaged one, or a private key is refused in words', () => {
    const notPem = readCaCertificates('hello', Date.now());
    assert.match(!notPem.ok ? notPem.error.message : '', /no certificate in PEM form.*openssl x509 -inform der/);
    const damaged = readCaCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', Date.now());
    assert.match(!damaged.ok ? damaged.error.message : '', /could not be read: it is damaged/);
    const key = readCaCertificates(`${ca.caPem}${ca.serverKeyPem}`, Date.now());
    assert.match(!key.ok ? key.error.message : '', /holds a private key/);
  });

  test('the summary of a saved CA shows an expired one too, with its expiry', () => {
    const [summary] = summarizeCaCertificates(ca.caPem);
    assert.equal(summary?.subject, 'Example Root CA, Earshot Tests');
    assert.deepEqual(summarizeCaCertificates('nothing'), []);
  });
});
