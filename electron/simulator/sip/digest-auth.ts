// HTTP digest authentication as SIP uses it (RFC 3261 §22.4 on top of RFC 2617): MD5, qop=auth.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseParams } from './sip-address';
import { SipParseError } from './sip-message';

export interface DigestCredentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  readonly uri: string;
  readonly response: string;
  readonly algorithm?: string;
  readonly qop?: string;
  readonly nc?: string;
  readonly cnonce?: string;
  readonly opaque?: string;
}

export interface DigestInput {
  readonly username: string;
  readonly password: string;
  readonly realm: string;
  readonly method: string;
  readonly uri: string;
  readonly nonce: string;
  /** With qop=auth, nc and cnonce are required (RFC 2617 §3.2.2.1). */
  readonly qop?: 'auth';
  readonly nc?: string;
  readonly cnonce?: string;
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function computeDigestResponse(input: DigestInput): string {
  const ha1 = md5(`${input.username}:${input.realm}:${input.password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  if (input.qop === 'auth') {
    if (!input.nc || !input.cnonce) throw new Error('qop=auth needs nc and cnonce');
    return md5(`${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${ha2}`);
  }
  return md5(`${ha1}:${input.nonce}:${ha2}`);
}

/** Splits auth-params on commas outside quoted strings. */
function splitAuthParams(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted && char === '\\') {
      current += char + (text[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) throw new SipParseError('unterminated quoted string in credentials');
  parts.push(current);
  return parts;
}

export function parseDigestCredentials(value: string): DigestCredentials {
  const match = /^Digest\s+(.*)$/is.exec(value.trim());
  if (!match) throw new SipParseError('credentials are not Digest');
  const params = parseParams(splitAuthParams(match[1]!));
  const required = (name: string): string => {
    const found = params.get(name);
    if (found === undefined || found === '') throw new SipParseError(`credentials lack ${name}`);
    return found;
  };
  const optional = (name: string): { [key: string]: string } => {
    const found = params.get(name);
    return found === undefined ? {} : { [name]: found };
  };
  return {
    username: required('username'),
    realm: required('realm'),
    nonce: required('nonce'),
    uri: required('uri'),
    response: required('response'),
    ...optional('algorithm'),
    ...optional('qop'),
    ...optional('nc'),
    ...optional('cnonce'),
    ...optional('opaque'),
  };
}

export function formatDigestChallenge(challenge: {
  realm: string;
  nonce: string;
  opaque: string;
  stale?: boolean;
}): string {
  const stale = challenge.stale ? ', stale=TRUE' : '';
  return `Digest realm="${challenge.realm}", nonce="${challenge.nonce}", opaque="${challenge.opaque}", algorithm=MD5, qop="auth"${stale}`;
}

export type DigestVerdict = 'ok' | 'stale' | 'rejected';

/**
 * Issues nonces and checks digest credentials against them. A nonce lives for a limited time, and
 * its nonce-count must grow with every use, so a captured request cannot be replayed.
 */
export class DigestVerifier {
  private readonly nonces = new Map<string, { issuedAt: number; lastCount: number }>();
  readonly opaque = randomBytes(8).toString('hex');

  constructor(
    private readonly realm: string,
    private readonly nonceLifetimeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  challenge(stale = false): string {
    const cutoff = this.now() - this.nonceLifetimeMs;
    for (const [nonce, state] of this.nonces) if (state.issuedAt < cutoff) this.nonces.delete(nonce);
    const nonce = randomBytes(16).toString('hex');
    this.nonces.set(nonce, { issuedAt: this.now(), lastCount: 0 });
    return formatDigestChallenge({ realm: this.realm, nonce, opaque: this.opaque, stale });
  }

  verify(credentials: DigestCredentials, method: string, password: string): DigestVerdict {
    if (credentials.realm !== this.realm) return 'rejected';
    if (credentials.algorithm !== undefined && credentials.algorithm.toUpperCase() !== 'MD5') return 'rejected';
    if (credentials.qop !== 'auth' || !credentials.nc || !credentials.cnonce) return 'rejected';
    if (!/^[0-9a-fA-F]{8}$/.test(credentials.nc)) return 'rejected';
    const expected = computeDigestResponse({
      username: credentials.username,
      password,
      realm: this.realm,
      method,
      uri: credentials.uri,
      nonce: credentials.nonce,
      qop: 'auth',
      nc: credentials.nc,
      cnonce: credentials.cnonce,
    });
    const given = Buffer.from(credentials.response.toLowerCase(), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) return 'rejected';
    const state = this.nonces.get(credentials.nonce);
    if (!state || state.issuedAt < this.now() - this.nonceLifetimeMs) return 'stale';
    const count = parseInt(credentials.nc, 16);
    if (count <= state.lastCount) return 'stale';
    state.lastCount = count;
    return 'ok';
  }
}
