import { z } from 'zod';

/**
 * GWS over http:// sends the supervisor's password (Basic auth on the first request) and everything
 * Earshot shows in clear; SIP over ws:// sends the SIP sign-in and call setup in clear. On this
 * computer (loopback) nobody else can read it; anywhere else Earshot warns and signs in only when
 * the supervisor agreed, and remembers that per server profile.
 */
export const unencryptedLinkSchema = z.enum(['gws', 'sip']);
export type UnencryptedLink = z.infer<typeof unencryptedLinkSchema>;

export interface UnencryptedTransport {
  readonly link: UnencryptedLink;
  /** The address as the supervisor gave it; what a profile remembers the choice for. */
  readonly url: string;
  readonly host: string;
}

/** scheme://[userinfo@]host — enough to read the scheme and host of an address the schemas accepted. */
const addressPattern = /^([a-z][a-z0-9+.-]*):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i;

function schemeAndHost(url: string): { scheme: string; host: string } | null {
  const match = addressPattern.exec(url.trim());
  if (!match?.[1] || match[2] === undefined) return null;
  return { scheme: match[1].toLowerCase(), host: match[2].toLowerCase() };
}

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves this computer. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '[::1]' || name === '::1') return true;
  return /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(name);
}

/** The links of a sign-in that would travel unencrypted across a network; empty when none would. */
export function unencryptedTransports(target: {
  readonly gwsUrl: string | null;
  readonly sipWebSocketUrl: string | null;
}): UnencryptedTransport[] {
  const found: UnencryptedTransport[] = [];
  const check = (link: UnencryptedLink, url: string | null, plainScheme: string) => {
    if (url === null) return;
    const address = schemeAndHost(url);
    if (address && address.scheme === plainScheme && !isLoopbackHost(address.host)) {
      found.push({ link, url: url.trim(), host: address.host });
    }
  };
  check('gws', target.gwsUrl, 'http');
  check('sip', target.sipWebSocketUrl, 'ws');
  return found;
}

/** Whether a profile's remembered choice covers every unencrypted link of this sign-in. */
export function unencryptedAccepted(
  transports: readonly UnencryptedTransport[],
  acceptedUrls: readonly string[],
): boolean {
  return transports.every((transport) => acceptedUrls.includes(transport.url));
}

/** The warning, in words for the supervisor. */
export function describeUnencrypted(transports: readonly UnencryptedTransport[]): string {
  const parts = transports.map((transport) =>
    transport.link === 'gws'
      ? `http:// sends your password and everything Earshot shows, chat transcripts included, unencrypted to ${transport.host}`
      : `ws:// sends the SIP sign-in and call setup unencrypted to ${transport.host}`,
  );
  const advice = transports.some((transport) => transport.link === 'gws')
    ? 'Use https:// (and wss:// for SIP) if the server offers it.'
    : 'Use wss:// if the SIP server offers it.';
  return `${parts.join('; ')}. Anyone on the network between you and the server can read it. ${advice}`;
}
