import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS's CSPRNG, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export type AccessGrant = 'launch key' | 'one-time link';

export interface PageAccessOptions {
  /**
   * The cookie's name, with the page's port in it: browsers send a 127.0.0.1 cookie to every port
   * of 127.0.0.1, so the name is what keeps one origin's capability from counting at another.
   */
  readonly cookieName: string;
  readonly oneTimeLinkTtlMs?: number;
  readonly now?: () => number;
}

const defaultOneTimeLinkTtlMs = 5 * 60_000;
/** More unused links than any supervisor opens: older ones are dropped first. */
const maxOneTimeLinks = 32;

/**
 * Who may use one page origin of the browser edition, for this launch only:
 *
 * - the launch key, printed on stdout for the supervisor (and read by the test harnesses); an
 *   address with it works until Earshot stops;
 * - one-time links, for addresses handed over where others could read them (a command line is
 *   visible to every user of the machine): each works once, for a few minutes;
 * - the session secret, carried by an HttpOnly, SameSite=Strict cookie once a page exchanged a
 *   key or link for it. Every request and socket but the exchange itself must present it.
 */
export class PageAccess {
  readonly launchKey = newSecret();
  readonly cookieName: string;
  private readonly sessionSecret = newSecret();
  private readonly oneTimeLinks = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: PageAccessOptions) {
    this.cookieName = options.cookieName;
    this.ttlMs = options.oneTimeLinkTtlMs ?? defaultOneTimeLinkTtlMs;
    this.now = options.now ?? Date.now;
  }

  /** A token that opens the page once, within the time-to-live. */
  mintOneTimeToken(): string {
    this.forgetExpired();
    while (this.oneTimeLinks.size >= maxOneTimeLinks) {
      const oldest = this.oneTimeLinks.keys().next().value;
      if (oldest === undefined) break;
      this.oneTimeLinks.delete(oldest);
    }
    const token = newSecret();
    this.oneTimeLinks.set(token, this.now() + this.ttlMs);
    return token;
  }

  /** What the token was, or null for anything unknown, used or expired. A one-time link is spent here. */
  exchange(token: string): AccessGrant | null {
    if (token.length === 0 || token.length > 128) return null;
    if (sameSecret(token, this.launchKey)) return 'launch key';
    this.forgetExpired();
    // A map lookup by the token itself: its time leaks only whether some 256-bit token matched.
    if (!this.oneTimeLinks.delete(token)) return null;
    return 'one-time link';
  }

  /** The Set-Cookie value for a page that exchanged a key; a session cookie, gone with the browser. */
  setCookie(): string {
    return `${this.cookieName}=${this.sessionSecret}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Whether a request's Cookie header carries this origin's capability. */
  presentedBy(cookieHeader: string | undefined): boolean {
    if (!cookieHeader) return false;
    for (const part of cookieHeader.split(';')) {
      const separator = part.indexOf('=');
      if (separator < 0 || part.slice(0, separator).trim() !== this.cookieName) continue;
      if (sameSecret(part.slice(separator + 1).trim(), this.sessionSecret)) return true;
    }
    return false;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, expiresAt] of this.oneTimeLinks) if (expiresAt <= now) this.oneTimeLinks.delete(token);
  }
}
