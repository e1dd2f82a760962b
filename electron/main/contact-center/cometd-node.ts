import { adapt } from 'cometd-nodejs-client';
import { LongPollingTransport, type LongPollingExchange, type LongPollingPacket } from 'cometd';
import type { GwsFetch } from '../trust/session-trust';

/** What one GWS session's CometD requests need from that session: its trust and its cookies. */
export interface CometdSessionLink {
  readonly fetch: GwsFetch;
  /** `Cookie` header value for a Bayeux URL: the session cookie belongs to the REST transport. */
  cookieHeader(url: string): string;
}

let adapted = false;

/** The official CometD client needs browser globals (window, its timers); cometd-nodejs-client provides them once per process. */
export function ensureCometdNodeAdapter(): void {
  if (adapted) return;
  adapted = true;
  adapt();
}

/** XMLHttpRequest's readyState values, which CometD reads to know whether an abort was answered. */
const opened = 1;
const done = 4;

/**
 * Long-polling over the session's own fetch. cometd-nodejs-client's XMLHttpRequest sends through
 * one https.Agent for the whole process, so it cannot trust a server profile's CA for one session;
 * this sends each Bayeux POST as REST requests go, with the same trust and the session's
 * JSESSIONID (two sessions in one process stay apart). Cookies the Bayeux endpoint sets are
 * ignored: the session cookie is owned by the REST transport.
 */
export class SessionLongPollingTransport extends LongPollingTransport {
  constructor(private readonly session: CometdSessionLink) {
    super();
  }

  override xhrSend(packet: LongPollingPacket): LongPollingExchange {
    const abort = new AbortController();
    const exchange = { readyState: opened, status: 0, abort: () => abort.abort() };
    const headers: Record<string, string> = { ...packet.headers, 'Content-Type': 'application/json' };
    const cookies = this.session.cookieHeader(packet.url);
    if (cookies) headers.Cookie = cookies;
    this.session
      .fetch(packet.url, { method: 'POST', headers, body: packet.body, redirect: 'manual', signal: abort.signal })
      .then(async (response) => {
        exchange.status = response.status;
        const text = await response.text();
        exchange.readyState = done;
        if (response.status === 200) packet.onSuccess(text);
        else packet.onError(response.statusText || `HTTP ${response.status}`);
      })
      .catch((error: unknown) => {
        exchange.readyState = done;
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        packet.onError(cause instanceof Error ? cause.message : String(cause), error);
      });
    return exchange;
  }
}
