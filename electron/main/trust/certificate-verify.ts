import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { TrustedCas } from './ca-certificates';

/** What Chromium asks about one server certificate (Electron's `setCertificateVerifyProc` request, reduced). */
export interface CertificateCheck {
  readonly hostname: string;
  /** The chain the server sent, its own certificate first, as PEM. */
  readonly chain: readonly string[];
  /** Chromium's own verdict: 0 when it trusts the chain, a net error code when not. */
  readonly chromiumErrorCode: number;
}

/** The answers `setCertificateVerifyProc` takes: trust it, or keep Chromium's own verdict. */
export const acceptCertificate = 0;
export const useChromiumVerdict = -3;
type Verdict = typeof acceptCertificate | typeof useChromiumVerdict;

/** net::ERR_CERT_AUTHORITY_INVALID: the one failure a profile's CA can answer. */
const authorityInvalid = -202;
const serverAuth = '1.3.6.1.5.5.7.3.1';
const maxChainLength = 10;

/**
 * Accepts a server certificate that Chromium refused only because it does not know the issuing CA,
 * when it chains to the signed-in server profile's CA: every link signed by the next and valid now,
 * every issuer a CA, and the server's own certificate for this host name and for servers. Anything
 * else (no profile CA, another error, a chain that does not reach it) keeps Chromium's verdict.
 */
export function verifyWithProfileCa(check: CertificateCheck, privateCa: TrustedCas | null, now: number): Verdict {
  if (privateCa === null || check.chromiumErrorCode !== authorityInvalid) return useChromiumVerdict;
  const chain = parseChain(check.chain);
  const leaf = chain?.[0];
  if (!chain || !leaf || !validAt(leaf, now)) return useChromiumVerdict;
  const forHost = isIP(check.hostname) ? leaf.checkIP(check.hostname) : leaf.checkHost(check.hostname);
  if (forHost === undefined) return useChromiumVerdict;
  if (leaf.keyUsage !== undefined && !leaf.keyUsage.includes(serverAuth)) return useChromiumVerdict;

  let current = leaf;
  for (let depth = 0; depth < maxChainLength; depth += 1) {
    if (privateCa.certificates.some((ca) => signedBy(current, ca, now))) return acceptCertificate;
    const next = chain.find((candidate) => candidate !== current && signedBy(current, candidate, now));
    if (!next) return useChromiumVerdict;
    current = next;
  }
  return useChromiumVerdict;
}

function parseChain(pems: readonly string[]): X509Certificate[] | null {
  try {
    return pems.slice(0, maxChainLength).map((pem) => new X509Certificate(pem));
  } catch {
    return null;
  }
}

function signedBy(certificate: X509Certificate, issuer: X509Certificate, now: number): boolean {
  try {
    return issuer.ca && validAt(issuer, now) && certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    // A key node:crypto cannot check proves nothing.
    return false;
  }
}

function validAt(certificate: X509Certificate, now: number): boolean {
  return Date.parse(certificate.validFrom) <= now && now < Date.parse(certificate.validTo);
}
