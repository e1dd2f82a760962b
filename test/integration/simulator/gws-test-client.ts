import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';

export interface Credentials {
  readonly userName: string;
  readonly password: string;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

export interface RequestOptions {
  readonly basic?: Credentials;
  /** Send the session cookie (default true). */
  readonly cookie?: boolean;
  /** Send the X-CSRF-TOKEN header on POST/PUT/DELETE (default true). */
  readonly csrf?: boolean;
  readonly rawBody?: string;
}

export function basicHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.userName}:${credentials.password}`).toString('base64')}`;
}

/** A wire-level GWS client: fetch plus a one-cookie jar and the CSRF token, as a browser would keep them. */
export class GwsTestClient {
  sessionId: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return this.sessionId ? `JSESSIONID=${this.sessionId}` : '';
  }

  async signIn(credentials: Credentials): Promise<WireResponse> {
    return this.get('/api/v2/me', { basic: credentials });
  }

  get(path: string, options: RequestOptions = {}): Promise<WireResponse> {
    return this.request('GET', path, undefined, options);
  }

  post(path: string, body: unknown, options: RequestOptions = {}): Promise<WireResponse> {
    return this.request('POST', path, body, options);
  }

  async request(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<WireResponse> {
    const headers: Record<string, string> = {};
    if (options.basic) headers.Authorization = basicHeader(options.basic);
    if ((options.cookie ?? true) && this.sessionId) headers.Cookie = this.cookieHeader;
    if (method !== 'GET' && (options.csrf ?? true) && this.csrfToken) headers['X-CSRF-TOKEN'] = this.csrfToken;
    let payload: string | undefined = options.rawBody;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    const cookie = response.headers.get('set-cookie');
    const session = cookie ? /JSESSIONID=([^;]+)/.exec(cookie)?.[1] : undefined;
    if (session) this.sessionId = session;
    const token = response.headers.get('x-csrf-token');
    if (token) this.csrfToken = token;
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
}

export async function control(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/control${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export { waitFor } from '../../support/wait-for';

interface TransportContext {
  readonly cookies: readonly string[];
}

let adapted = false;

/**
 * The official CometD client in Node. Cookies come only from each transport's context, never from
 * a process-wide jar, so clients of different users in one test process stay apart.
 */
function ensureAdapted(): void {
  if (adapted) return;
  adapted = true;
  adapt({
    cookies: {
      storeCookie: (_uri, _header, callback) => callback(null, null),
      retrieveCookies: (context: Partial<TransportContext> | undefined, _uri, callback) =>
        callback(null, [...(context?.cookies ?? [])]),
    },
  });
}

export interface CometdClientOptions {
  readonly cookie?: string;
  readonly basic?: Credentials;
  /** Keep the client's default transports (WebSocket first), to check the fallback. */
  readonly defaultTransports?: boolean;
}

export function createCometd(baseUrl: string, options: CometdClientOptions = {}): CometD {
  ensureAdapted();
  const cometd = new CometD();
  if (!options.defaultTransports) {
    cometd.unregisterTransport('websocket');
    cometd.unregisterTransport('callback-polling');
  }
  cometd.configure({
    url: `${baseUrl}/api/v2/notifications`,
    logLevel: 'warn',
    requestHeaders: options.basic ? { Authorization: basicHeader(options.basic) } : {},
    backoffIncrement: 50,
    maxBackoff: 200,
  });
  for (const type of ['long-polling', 'websocket']) {
    const transport = cometd.findTransport(type) as unknown as { context: TransportContext } | null;
    if (transport) transport.context = { cookies: options.cookie ? [options.cookie] : [] };
  }
  return cometd;
}

export function handshake(cometd: CometD): Promise<Message> {
  return new Promise((resolve) => cometd.handshake((reply) => resolve(reply)));
}

export function subscribe(cometd: CometD, channel: string, onMessage: (message: Message) => void): Promise<Message> {
  return new Promise((resolve) => {
    cometd.subscribe(channel, onMessage, (reply) => resolve(reply));
  });
}

export function disconnect(cometd: CometD): Promise<void> {
  if (cometd.isDisconnected()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    cometd.disconnect(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
