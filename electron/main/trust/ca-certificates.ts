import { X509Certificate } from 'node:crypto';
import type { CaCertificateSummary } from '../../common/models/settings';
import { err, ok, type Result } from '../../common/result';

/** A server profile's CA certificates, parsed and checked: what main trusts for that server. */
export interface TrustedCas {
  readonly pem: string;
  readonly certificates: readonly X509Certificate[];
  readonly summary: readonly CaCertificateSummary[];
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** A root and its intermediates; more than this is a whole trust store, not an organisation's CA. */
const maxCertificates = 10;

/**
 * Reads the CA certificate(s) a supervisor or IT chose for a server profile. Each must parse, be a
 * CA and be valid now; the failure says which and why in words. Never throws.
 */
export function readCaCertificates(pem: string, now: number): Result<TrustedCas> {
  if (/PRIVATE KEY-----/.test(pem)) {
    return err(
      'invalid-input',
      'This file holds a private key. Earshot needs only the CA certificate: choose the file without the key, and keep the key secret.',
    );
  }
  const blocks = pem.match(pemBlock) ?? [];
  if (blocks.length === 0) {
    return err(
      'invalid-input',
      'This file holds no certificate in PEM form (text that begins with -----BEGIN CERTIFICATE-----). A binary .cer or .der file can be converted with: openssl x509 -inform der -in ca.cer -out ca.pem',
    );
  }
  if (blocks.length > maxCertificates) {
    return err(
      'invalid-input',
      `This file holds ${blocks.length} certificates. Choose the file with only your organisation's CA (at most ${maxCertificates} certificates).`,
    );
  }
  const certificates: X509Certificate[] = [];
  for (const [index, block] of blocks.entries()) {
    const which = blocks.length === 1 ? 'The certificate' : `Certificate ${index + 1} of ${blocks.length}`;
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(block);
    } catch (error) {
      return err(
        'invalid-input',
        `${which} in this file could not be read: it is damaged or not a certificate.`,
        String(error),
      );
    }
    const name = describeSubject(certificate.subject);
    if (!certificate.ca) {
      return err(
        'invalid-input',
        `${which} (${name}) is not a CA certificate: it is a server's own certificate. Ask your administrator for the CA certificate that signed it.`,
      );
    }
    const validFrom = Date.parse(certificate.validFrom);
    const validTo = Date.parse(certificate.validTo);
    if (validTo <= now) return err('invalid-input', `${which} (${name}) expired on ${day(validTo)}.`);
    if (validFrom > now) return err('invalid-input', `${which} (${name}) is not valid until ${day(validFrom)}.`);
    certificates.push(certificate);
  }
  return ok({
    pem: blocks.join('\n'),
    certificates,
    summary: certificates.map((certificate) => ({
      subject: describeSubject(certificate.subject),
      expiresAt: Date.parse(certificate.validTo),
    })),
  });
}

/** What the sign-in screen shows of a saved profile's CA certificates, expired ones included: no checks. */
export function summarizeCaCertificates(pem: string): CaCertificateSummary[] {
  return (pem.match(pemBlock) ?? []).flatMap((block) => {
    try {
      const certificate = new X509Certificate(block);
      return [{ subject: describeSubject(certificate.subject), expiresAt: Date.parse(certificate.validTo) }];
    } catch {
      return [];
    }
  });
}

/** "O=Example\nCN=Example Root CA" → "Example Root CA, Example": the name first, as people call a CA. */
function describeSubject(subject: string): string {
  const fields = new Map<string, string>();
  for (const line of subject.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0 && !fields.has(line.slice(0, equals))) fields.set(line.slice(0, equals), line.slice(equals + 1));
  }
  const parts = [fields.get('CN'), fields.get('O'), fields.get('OU')].filter((part) => part !== undefined);
  return parts.length > 0 ? [...new Set(parts)].join(', ') : subject.replace(/\n/g, ', ');
}

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
