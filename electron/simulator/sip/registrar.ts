// The registrar (RFC 3261 §10): digest-authenticated REGISTER, one binding per user, expiry.
// A binding is tied to the WebSocket that registered it: requests to a WebSocket UA can only travel
// back over that same connection (RFC 7118 §5.2), so a closed connection ends its registrations.
import { randomBytes } from 'node:crypto';
import { DigestVerifier, parseDigestCredentials } from './digest-auth';
import { formatNameAddress, parseNameAddress, parseSipUri, splitHeaderList } from './sip-address';
import type { NameAddress } from './sip-address';
import { createResponse, headerValue, headerValues, SipParseError } from './sip-message';
import type { SipRequest, SipResponse } from './sip-message';
import type { SipConnection } from './websocket-transport';

export interface Binding {
  readonly user: string;
  readonly contact: NameAddress;
  readonly connection: SipConnection;
  readonly expiresAt: number;
}

export interface RegistrarOptions {
  readonly domain: string;
  readonly accounts: ReadonlyArray<{ user: string; password: string }>;
  readonly log: (line: string) => void;
  readonly maxExpiresSeconds?: number;
}

const DEFAULT_EXPIRES_SECONDS = 600;

export class Registrar {
  private readonly bindings = new Map<string, { binding: Binding; timer: NodeJS.Timeout }>();
  private readonly listeners = new Set<(user: string, registered: boolean) => void>();
  private readonly digest: DigestVerifier;
  private readonly passwords: ReadonlyMap<string, string>;
  private readonly maxExpiresSeconds: number;

  constructor(private readonly options: RegistrarOptions) {
    this.digest = new DigestVerifier(options.domain);
    this.passwords = new Map(options.accounts.map((account) => [account.user, account.password]));
    this.maxExpiresSeconds = options.maxExpiresSeconds ?? 3600;
  }

  binding(user: string): Binding | undefined {
    return this.bindings.get(user)?.binding;
  }

  onChange(listener: (user: string, registered: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handleRegister(request: SipRequest, connection: SipConnection): SipResponse {
    const toTag = randomBytes(6).toString('hex');
    const reply = (status: number, reason: string, headers: Array<{ name: string; value: string }> = []): SipResponse =>
      createResponse(request, status, reason, { toTag, headers });

    let user: string;
    try {
      const aor = parseSipUri(parseNameAddress(headerValue(request, 'To')!).uri);
      if (aor.host !== this.options.domain.toLowerCase()) return reply(404, 'Not Found (unknown domain)');
      if (!aor.user) return reply(400, 'Bad Request (To has no user)');
      user = aor.user;
    } catch (error) {
      return reply(400, `Bad Request (${error instanceof Error ? error.message : 'malformed To'})`);
    }

    const authorization = headerValue(request, 'Authorization');
    if (!authorization)
      return reply(401, 'Unauthorized', [{ name: 'WWW-Authenticate', value: this.digest.challenge() }]);
    let verdict;
    try {
      const credentials = parseDigestCredentials(authorization);
      const password = this.passwords.get(credentials.username);
      if (credentials.username !== user || password === undefined) {
        this.options.log(`sip: REGISTER for ${user} refused: unknown user or credentials for someone else`);
        return reply(403, 'Forbidden');
      }
      verdict = this.digest.verify(credentials, request.method, password);
    } catch (error) {
      return reply(400, `Bad Request (${error instanceof Error ? error.message : 'malformed Authorization'})`);
    }
    if (verdict === 'stale') {
      return reply(401, 'Unauthorized', [{ name: 'WWW-Authenticate', value: this.digest.challenge(true) }]);
    }
    if (verdict === 'rejected') {
      this.options.log(`sip: REGISTER for ${user} refused: wrong password`);
      return reply(403, 'Forbidden');
    }

    const contacts = headerValues(request, 'Contact').flatMap(splitHeaderList);
    const expiresHeader = headerValue(request, 'Expires');
    if (expiresHeader !== undefined && !/^\d{1,10}$/.test(expiresHeader))
      return reply(400, 'Bad Request (malformed Expires)');

    if (contacts.length === 1 && contacts[0] === '*') {
      if (expiresHeader !== '0') return reply(400, 'Bad Request (Contact: * needs Expires: 0)');
      this.remove(user, 'unregistered');
      return reply(200, 'OK');
    }
    if (contacts.length > 1) return reply(400, 'Bad Request (one Contact per REGISTER)');

    if (contacts.length === 1) {
      let contact: NameAddress;
      let expires: number;
      try {
        contact = parseNameAddress(contacts[0]!);
        parseSipUri(contact.uri);
        const raw = contact.params.get('expires') ?? expiresHeader ?? String(DEFAULT_EXPIRES_SECONDS);
        if (!/^\d{1,10}$/.test(raw)) throw new SipParseError(`malformed expires ${raw}`);
        expires = Math.min(Number(raw), this.maxExpiresSeconds);
      } catch (error) {
        return reply(400, `Bad Request (${error instanceof Error ? error.message : 'malformed Contact'})`);
      }
      if (expires === 0) this.remove(user, 'unregistered');
      else this.bind({ user, contact, connection, expiresAt: Date.now() + expires * 1000 });
    }

    const current = this.bindings.get(user)?.binding;
    if (!current) return reply(200, 'OK');
    const remaining = Math.max(0, Math.round((current.expiresAt - Date.now()) / 1000));
    const params = new Map(current.contact.params);
    params.set('expires', String(remaining));
    return reply(200, 'OK', [
      { name: 'Contact', value: formatNameAddress({ uri: current.contact.uri, params }) },
      { name: 'Expires', value: String(remaining) },
      { name: 'Date', value: new Date().toUTCString() },
    ]);
  }

  dropConnection(connection: SipConnection): void {
    for (const [user, { binding }] of this.bindings) {
      if (binding.connection === connection) this.remove(user, 'its WebSocket closed');
    }
  }

  close(): void {
    for (const { timer } of this.bindings.values()) clearTimeout(timer);
    this.bindings.clear();
    this.listeners.clear();
  }

  private bind(binding: Binding): void {
    const previous = this.bindings.get(binding.user);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.remove(binding.user, 'registration expired'), binding.expiresAt - Date.now());
    timer.unref();
    this.bindings.set(binding.user, { binding, timer });
    if (!previous) {
      this.options.log(`sip: ${binding.user} registered at ${binding.contact.uri}`);
      this.notify(binding.user, true);
    }
  }

  private remove(user: string, why: string): void {
    const existing = this.bindings.get(user);
    if (!existing) return;
    clearTimeout(existing.timer);
    this.bindings.delete(user);
    this.options.log(`sip: ${user} no longer registered: ${why}`);
    this.notify(user, false);
  }

  private notify(user: string, registered: boolean): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(user, registered);
      } catch (error) {
        this.options.log(`sip: registration listener failed: ${String(error)}`);
      }
    }
  }
}
