import { adapt } from 'cometd-nodejs-client';

/**
 * The official CometD client needs browser globals; cometd-nodejs-client provides them once per
 * process. Cookies are taken from the transport's `context` so that each GWS session's CometD
 * traffic carries that session's JSESSIONID (two sessions in one process stay apart).
 * Cookies the Bayeux endpoint sets are ignored: the session cookie is owned by the REST transport.
 */
export interface CometdTransportContext {
  cookieHeader(url: string): string;
}

let adapted = false;

export function ensureCometdNodeAdapter(): void {
  if (adapted) return;
  adapted = true;
  adapt({
    cookies: {
      storeCookie: (_uri, _header, callback) => callback(null, null),
      retrieveCookies: (context: Partial<CometdTransportContext> | undefined, uri: URL, callback) => {
        const header = context?.cookieHeader?.(uri.toString()) ?? '';
        callback(null, header ? [header] : []);
      },
    },
  });
}
