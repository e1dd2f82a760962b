import { CookieJar } from 'tough-cookie';
import type { Response } from 'undici';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from '../platform/logger';
import type { TrustedCas } from '../trust/ca-certificates';
import { createSessionTrust, type SessionTrust } from '../trust/session-trust';
import { describeGwsStatus } from './gws-status';
import { statusBodySchema } from './wire/common';

export interface BasicCredentials {
  readonly userName: string;
  readonly password: string;
}

export interface GwsRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under the base URL, e.g. `/api/v2/me`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** Sent only where a new HTTP session must be created; later requests ride on the session cookie. */
  readonly basicAuth?: BasicCredentials;
  /** statusCodes besides 0 that still mean the request took effect (7 = partial success). */
  readonly acceptStatusCodes?: readonly number[];
}

export interface GwsResponse {
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
}

export interface HttpTransportOptions {
  readonly baseUrl: string;
  readonly logger: Logger;
  readonly timeoutMs?: number;
  /** The servers this session trusts; the system's CAs alone when absent. */
  readonly trust?: SessionTrust;
}

const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'EPIPE',
]);
const tlsErrorPattern = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/**
 * HTTP to one GWS server as a browser would do it: a cookie jar for JSESSIONID, the CSRF header pair
 * read from every GET and sent on every change (gws-api.md §2.2–2.3), JSON bodies with statusCode.
 * Every failure comes back as a Result whose message says what to do.
 */
export class HttpTransport {
  readonly baseUrl: string;
  readonly cookieJar = new CookieJar();
  private csrf: { header: string; token: string } | null = null;
  /**
   * Every GWS body carries a statusCode, so once one has arrived a body without one comes from
   * something in front of GWS (a proxy's 502 page) or a transient fault, not from a wrong address.
   */
  private gwsHasAnswered = false;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  readonly trust: SessionTrust;

  constructor(options: HttpTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.logger = options.logger;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.trust = options.trust ?? createSessionTrust(null);
  }

  /** `Cookie` header value for requests that do not go through this transport (CometD). */
  cookieHeaderFor(url: string): string {
    return this.cookieJar.getCookieStringSync(url);
  }

  csrfHeaders(): Record<string, string> {
    return this.csrf ? { [this.csrf.header]: this.csrf.token } : {};
  }

  forgetSession(): void {
    this.cookieJar.removeAllCookiesSync();
    this.csrf = null;
  }

  async request(request: GwsRequest): Promise<Result<GwsResponse>> {
    const url = this.urlFor(request);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.basicAuth) {
      const token = Buffer.from(`${request.basicAuth.userName}:${request.basicAuth.password}`, 'utf8').toString(
        'base64',
      );
      headers.Authorization = `Basic ${token}`;
    }
    const cookies = await this.cookieJar.getCookieString(url);
    if (cookies) headers.Cookie = cookies;
    if (request.method !== 'GET') Object.assign(headers, this.csrfHeaders());
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await this.trust.fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return this.describeFetchFailure(url, error);
    }

    for (const setCookie of response.headers.getSetCookie()) {
      await this.cookieJar.setCookie(setCookie, url, { ignoreError: true });
    }
    const csrfHeader = response.headers.get('X-CSRF-HEADER');
    const csrfToken = response.headers.get('X-CSRF-TOKEN');
    if (csrfHeader && csrfToken) this.csrf = { header: csrfHeader, token: csrfToken };

    const text = await response.text().catch(() => '');
    return this.interpretResponse(request, url, response, text);
  }

  private urlFor(request: GwsRequest): string {
    const url = new URL(this.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private interpretResponse(request: GwsRequest, url: string, response: Response, text: string): Result<GwsResponse> {
    const where = `${request.method} ${request.path}`;
    if (response.status === 401) {
      return err(
        'unauthorized',
        'The contact center did not accept your user name and password.',
        `${where} → 401 ${text.slice(0, 200)}`,
      );
    }
    if (response.status === 403 && /csrf/i.test(text)) {
      return err(
        'unauthorized',
        'The contact center rejected the request as not coming from your session. Sign in again.',
        `${where} → 403 ${text.slice(0, 200)}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (this.gwsHasAnswered) return this.notAGwsAnswer(where, response, 'body not JSON');
      return err(
        'not-gws',
        `${new URL(url).origin} answered, but not as a Genesys Web Services server. Check the address (it is usually http(s)://host:port, without /api/v2).`,
        `${where} → HTTP ${response.status}, ${response.headers.get('content-type') ?? 'no content type'}, body not JSON`,
      );
    }
    const status = statusBodySchema.safeParse(json);
    if (!status.success) {
      if (this.gwsHasAnswered) return this.notAGwsAnswer(where, response, 'no statusCode');
      return err(
        'not-gws',
        `${new URL(url).origin} answered with JSON that is not from Genesys Web Services. Check the address.`,
        `${where} → HTTP ${response.status}, no statusCode`,
      );
    }
    this.gwsHasAnswered = true;
    const { statusCode, statusMessage } = status.data;
    if (statusCode === 20) {
      return err(
        'unauthorized',
        'The contact center did not accept your user name and password.',
        `${where} → statusCode 20`,
      );
    }
    if (statusCode !== 0 && !request.acceptStatusCodes?.includes(statusCode)) {
      this.logger.warn('GWS refused a request', {
        request: where,
        httpStatus: response.status,
        statusCode,
        statusMessage,
      });
      return err(
        'gws-refused',
        describeGwsStatus(statusCode, statusMessage),
        `${where} → HTTP ${response.status}, statusCode ${statusCode}`,
      );
    }
    return ok({ httpStatus: response.status, body: status.data });
  }

  private notAGwsAnswer(where: string, response: Response, what: string): Result<GwsResponse> {
    const httpStatus = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const contentType = response.headers.get('content-type') ?? 'no content type';
    this.logger.warn('A GWS request was answered, but not by GWS', { request: where, httpStatus, contentType, what });
    return err(
      'gws-unavailable',
      `The contact center's server (GWS or a proxy in front of it) answered ${httpStatus} instead of a Genesys answer.`,
      `${where} → ${httpStatus}, ${contentType}, ${what}`,
    );
  }

  private describeFetchFailure(url: string, error: unknown): Result<GwsResponse> {
    const origin = new URL(url).origin;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const text = cause instanceof Error ? cause.message : String(cause);
    const detail = `${code} ${text}`.trim();
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return err(
        'timeout',
        `${origin} did not answer within ${Math.round(this.timeoutMs / 1000)} s. It may be overloaded or unreachable from this network.`,
        detail,
      );
    }
    if (tlsErrorPattern.test(code) || tlsErrorPattern.test(text)) {
      return err('tls', describeTlsFailure(origin, code, text, this.trust.privateCa), detail);
    }
    if (networkErrorCodes.has(code) || code === '') {
      return err(
        'unreachable',
        `Can't reach ${origin}. Check the address and that this computer can reach the contact center's network.`,
        detail,
      );
    }
    return err('unreachable', `Can't reach ${origin} (${code}).`, detail);
  }
}

function describeTlsFailure(origin: string, code: string, text: string, privateCa: TrustedCas | null): string {
  if (/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    if (privateCa === null) {
      return `The server's certificate is not trusted: no CA this computer trusts signed the certificate of ${origin}. Add your organisation's CA certificate to this server profile; your administrator has it.`;
    }
    const names = privateCa.summary.map((certificate) => certificate.subject).join('; ');
    return `The server's certificate is not trusted: neither this server profile's CA certificate (${names}) nor a CA this computer trusts signed the certificate of ${origin}. Ask your administrator which CA signed it.`;
  }
  const failed = `The secure connection to ${origin} failed:`;
  if (/CERT_HAS_EXPIRED/.test(code)) return `${failed} the server's certificate has expired.`;
  if (/ERR_TLS_CERT_ALTNAME_INVALID/.test(code))
    return `${failed} the server's certificate is for a different host name.`;
  if (/wrong version number|EPROTO|packet length too long/i.test(`${code} ${text}`)) {
    return `${failed} the server does not speak HTTPS on that port. Try http:// or the HTTPS port.`;
  }
  return `${failed} ${text}`;
}
