import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MEDIA_SOCKET_PATH } from '../common/contract/media-host-contract';
import { MEDIA_SOCKET_POLICY_PARAMETER, MEDIA_SOCKET_RELOAD } from '../common/contract/socket-frames';
import type { Logger } from '../main/platform/logger';
import { guardMediaLink, MediaPagePolicy } from '../main/sip/media-page-policy';
import { mediaHostContentSecurityPolicy, readStaticFile } from '../main/platform/static-files';
import { MediaHostConnection, type MediaHostLink, type MediaHostPage } from '../main/sip/media-host-link';

export const MEDIA_PAGE_PATH = '/media/';
const MEDIA_PAGE_BRIDGE_FILE = 'media-page-bridge.js';
const MAX_EVENT_BYTES = 256 * 1024;

/** The bridge learns the policy its page was served with from its own script tag. */
function mediaPageBridgeTag(policyGeneration: number): string {
  return `<script src="${MEDIA_PAGE_PATH}${MEDIA_PAGE_BRIDGE_FILE}" data-policy="${policyGeneration}"></script>`;
}

export interface MediaHostServerOptions {
  readonly logger: Logger;
  /** Folder with the built media host page (out/renderer/media-host). */
  readonly mediaRoot: string;
  /** Folder with the built media page bridge (out/browser-host). */
  readonly bridgeRoot: string;
}

/**
 * The browser edition's media host: serves the page under /media/ (with the page bridge injected,
 * as the UI page gets its own) and carries the media host contract over one WebSocket. Its `link`
 * is what the SIP controller drives, exactly as it drives the hidden Electron window. The browser
 * host puts it on an origin of its own, behind the media page's key (browser-host.ts).
 */
export interface MediaHostServer {
  readonly link: MediaHostLink;
  /** The one SIP server the page may reach; its CSP follows it, and a change reloads the page. */
  readonly policy: MediaPagePolicy;
  /** Answers requests under /media/; false (and nothing written) for any other path. */
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /**
   * Takes the upgrade at MEDIA_SOCKET_PATH from a page of `allowedOrigin` (the browser host's own);
   * false for any other path. One media page at a time: another is refused until the first goes.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, allowedOrigin: string): boolean;
  close(): void;
}

export function createMediaHostServer(options: MediaHostServerOptions): MediaHostServer {
  const { logger } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_EVENT_BYTES });
  const connection = new MediaHostConnection(logger);
  const policy = new MediaPagePolicy();
  let pageSocket: WebSocket | null = null;
  const link = guardMediaLink(connection, policy, {
    logger,
    reloadPage: () => pageSocket?.close(MEDIA_SOCKET_RELOAD, 'the SIP server changed'),
  });

  const refuse = (socket: Duplex, status: number, reason: string): void => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  return {
    link,
    policy,
    async handleRequest(request, response) {
      const path = new URL(request.url ?? '/', 'http://host').pathname;
      if (path === '/media') {
        response.writeHead(308, { Location: MEDIA_PAGE_PATH }).end();
        return true;
      }
      if (!path.startsWith(MEDIA_PAGE_PATH)) return false;
      const inner = path.slice(MEDIA_PAGE_PATH.length - 1);
      // Its own bridge socket on the host it was opened as, and the SIP server of the sign-in; nothing else.
      const host = request.headers.host ?? '';
      const connect = /^[A-Za-z0-9.:[\]-]+$/.test(host) ? [`ws://${host}${MEDIA_SOCKET_PATH}`] : [];
      if (policy.sipServer !== null) connect.push(policy.sipServer);
      const generation = policy.generation;
      const file =
        inner === `/${MEDIA_PAGE_BRIDGE_FILE}`
          ? await readStaticFile(options.bridgeRoot, inner)
          : await readStaticFile(options.mediaRoot, inner, {
              contentSecurityPolicy: mediaHostContentSecurityPolicy(connect),
            });
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return true;
      }
      const body = file.contentType.startsWith('text/html')
        ? Buffer.from(file.body.toString('utf8').replace('<head>', `<head>${mediaPageBridgeTag(generation)}`))
        : file.body;
      response.writeHead(200, file.headers).end(request.method === 'HEAD' ? undefined : body);
      return true;
    },
    handleUpgrade(request, socket, head, allowedOrigin) {
      const path = new URL(request.url ?? '/', 'http://host').pathname;
      if (path !== MEDIA_SOCKET_PATH) return false;
      if (request.headers.origin !== allowedOrigin) {
        logger.warn('Refused a media host connection from a foreign origin', { origin: request.headers.origin });
        refuse(socket, 403, 'Forbidden');
        return true;
      }
      if (pageSocket !== null) {
        logger.debug('Refused a second media host page while one is connected');
        refuse(socket, 409, 'Conflict');
        return true;
      }
      const served = new URL(request.url ?? '/', 'http://host').searchParams.get(MEDIA_SOCKET_POLICY_PARAMETER);
      sockets.handleUpgrade(request, socket, head, (ws) => {
        if (served !== String(policy.generation)) {
          // Served before the SIP server changed: its CSP cannot reach the new one, so it reloads first.
          ws.close(MEDIA_SOCKET_RELOAD, 'the SIP server changed');
          return;
        }
        pageSocket = ws;
        ws.once('close', () => {
          if (pageSocket === ws) pageSocket = null;
        });
        attachSocket(connection, ws, logger);
      });
      return true;
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}

/**
 * One media page over its WebSocket: its frames go to the shared connection, which parses them. A
 * dropped socket does not prove the page's capture ended; a `goodbye` first does.
 */
function attachSocket(link: MediaHostConnection, socket: WebSocket, logger: Logger): void {
  const page: MediaHostPage = {
    deliver(command) {
      if (socket.readyState !== socket.OPEN) throw new Error('the media page socket is not open');
      socket.send(JSON.stringify(command));
    },
  };
  link.attach(page);
  socket.on('message', (data, isBinary) => {
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      json = undefined;
    }
    link.receive(page, json);
  });
  socket.on('close', () => link.detach('the audio page closed its connection', { documentGone: false }, page));
  socket.on('error', (error) => logger.warn('Media host socket error', { error }));
}
