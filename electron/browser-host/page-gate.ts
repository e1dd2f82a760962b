import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../main/platform/logger';
import { launchPageContentSecurityPolicy, readStaticFile } from '../main/platform/static-files';
import type { PageAccess } from './page-access';

/** Where a page exchanges its launch key; also the address printed and opened. */
export const LAUNCH_PATH = '/launch';
const LAUNCH_ASSETS = new Set(['/launch/launch.js', '/launch/launch.css']);
const MAX_TOKEN_BYTES = 512;

export interface PageGateOptions {
  /** What this origin serves, for the log: "UI" or "media page". */
  readonly name: string;
  readonly access: PageAccess;
  readonly logger: Logger;
  /** The port this origin listens on, known once it does. */
  readonly port: () => number;
  /** Folder with launch.html, launch.css and launch.js (out/browser-host/pages). */
  readonly launchRoot: string;
  /** Where a page goes once it holds the cookie: "/" or "/media/". */
  readonly landingPath: string;
}

export type GateOutcome = 'answered' | 'authorized';

/** The Host a browser sends for this origin: 127.0.0.1 or localhost, this port, nothing else. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The Origin a page of this origin sends, whichever of the two host names it was opened on. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return hostAllowed(host, port) && request.headers.origin === `http://${host}`;
}

/**
 * The door of one page origin of the browser edition. A request whose Host is not this origin's
 * own (DNS rebinding, a proxy) is refused first. The launch page and the key exchange are the only
 * things served without the capability cookie; everything else, sockets included, needs it, and
 * sockets need the page's own Origin too. Refusals and grants are logged, never the secrets.
 */
export function createPageGate(options: PageGateOptions) {
  const { access, logger, name } = options;

  const refuse = (response: ServerResponse, status: number, message: string): GateOutcome => {
    response
      .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(message);
    return 'answered';
  };

  const exchange = async (request: IncomingMessage, response: ServerResponse): Promise<GateOutcome> => {
    if (!originAllowed(request, options.port())) {
      logger.warn(`Refused a launch key for the ${name} from another origin`, { origin: request.headers.origin });
      return refuse(response, 403, 'Forbidden');
    }
    const token = await readSmallBody(request);
    const grant = token === null ? null : access.exchange(token.trim());
    if (grant === null) {
      logger.warn(`Refused an unknown, used or expired launch key for the ${name}`, {
        remotePort: request.socket.remotePort,
      });
      response
        .writeHead(403, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ error: 'expired' }));
      return 'answered';
    }
    logger.info(`A browser opened the ${name}`, { with: grant, remotePort: request.socket.remotePort });
    response
      .writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        'Set-Cookie': access.setCookie(),
      })
      .end(JSON.stringify({ next: options.landingPath }));
    return 'answered';
  };

  return {
    /** Answers what needs no capability (and every refusal); 'authorized' lets the caller serve the rest. */
    async handleRequest(request: IncomingMessage, response: ServerResponse): Promise<GateOutcome> {
      const port = options.port();
      if (!hostAllowed(request.headers.host, port)) {
        logger.warn(`Refused a request to the ${name} for another host`, { host: request.headers.host });
        return refuse(response, 421, 'Misdirected request');
      }
      const path = new URL(request.url ?? '/', 'http://host').pathname;
      const method = request.method ?? 'GET';
      if (path === LAUNCH_PATH && method === 'POST') return exchange(request, response);
      if (method !== 'GET' && method !== 'HEAD') return refuse(response, 405, 'Method not allowed');
      if (path === LAUNCH_PATH || LAUNCH_ASSETS.has(path)) {
        const file = await readStaticFile(
          options.launchRoot,
          path === LAUNCH_PATH ? '/launch.html' : path.slice(LAUNCH_PATH.length),
          { contentSecurityPolicy: launchPageContentSecurityPolicy },
        );
        if (!file) return refuse(response, 404, 'Not found');
        response.writeHead(200, file.headers).end(method === 'HEAD' ? undefined : file.body);
        return 'answered';
      }
      if (access.presentedBy(request.headers.cookie)) return 'authorized';
      if (path === options.landingPath || path === `${options.landingPath}index.html`) {
        // Without the capability the page would only fail; the launch page says what to open.
        response.writeHead(303, { Location: LAUNCH_PATH, 'Cache-Control': 'no-store' }).end();
        return 'answered';
      }
      logger.warn(`Refused a request to the ${name} without its key`, { path: path.slice(0, 200) });
      return refuse(response, 403, 'Open the address Earshot printed when it started.');
    },

    /**
     * Whether a WebSocket upgrade may go on: this origin's Host, its own page's Origin and the
     * capability cookie. A refusal is answered and logged here.
     */
    admitUpgrade(request: IncomingMessage, socket: Duplex, what: string): boolean {
      const port = options.port();
      const fields = {
        origin: request.headers.origin,
        host: request.headers.host,
        remotePort: request.socket.remotePort,
      };
      let refusal: { status: number; text: string; why: string } | null = null;
      if (!hostAllowed(request.headers.host, port)) {
        refusal = { status: 421, text: 'Misdirected Request', why: 'for another host' };
      } else if (!originAllowed(request, port)) {
        refusal = { status: 403, text: 'Forbidden', why: 'from another origin' };
      } else if (!access.presentedBy(request.headers.cookie)) {
        refusal = { status: 401, text: 'Unauthorized', why: 'without its key' };
      }
      if (refusal) {
        logger.warn(`Refused a ${what} connection ${refusal.why}`, fields);
        socket.end(`HTTP/1.1 ${refusal.status} ${refusal.text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return false;
      }
      logger.info(`Accepted a ${what} connection`, fields);
      return true;
    },
  };
}

export type PageGate = ReturnType<typeof createPageGate>;

/** The body of a key exchange: a few hundred bytes of text at most, or null. */
function readSmallBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_TOKEN_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}
