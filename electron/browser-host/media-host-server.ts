import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  MEDIA_SOCKET_PATH,
  mediaEventSchema,
  type MediaCommand,
  type MediaEvent,
} from '../common/contract/media-host-contract';
import { MEDIA_SOCKET_POLICY_PARAMETER, MEDIA_SOCKET_RELOAD } from '../common/contract/socket-frames';
import type { Logger } from '../main/platform/logger';
import { guardMediaLink, MediaPagePolicy } from '../main/sip/media-page-policy';
import { mediaHostContentSecurityPolicy, readStaticFile } from '../main/platform/static-files';
import type { MediaHostLink } from '../main/sip/media-host-link';

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
  const socketLink = new SocketMediaHostLink(logger);
  const policy = new MediaPagePolicy();
  let pageSocket: WebSocket | null = null;
  const link = guardMediaLink(socketLink, policy, {
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
      if (socketLink.busy) {
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
        socketLink.attach(ws);
      });
      return true;
    },
    close() {
      socketLink.detachAll();
      sockets.close();
    },
  };
}

/**
 * A MediaHostLink over the media page's WebSocket. "Connected" means the page said `ready`, so it
 * listens for commands; commands sent before that are answered with a commandFailed event instead
 * of vanishing, and main re-sends what it needs on `onConnected`.
 */
class SocketMediaHostLink implements MediaHostLink {
  private socket: WebSocket | null = null;
  private ready = false;
  private readonly eventListeners = new Set<(event: MediaEvent) => void>();
  private readonly connectedListeners = new Set<() => void>();
  private readonly disconnectedListeners = new Set<() => void>();

  constructor(private readonly logger: Logger) {}

  get connected(): boolean {
    return this.ready;
  }

  get busy(): boolean {
    return this.socket !== null;
  }

  send(command: MediaCommand): void {
    const socket = this.socket;
    if (!this.ready || !socket || socket.readyState !== socket.OPEN) {
      queueMicrotask(() =>
        this.dispatch({
          type: 'commandFailed',
          command: command.type,
          reason: 'The audio engine is not running right now.',
        }),
      );
      return;
    }
    socket.send(JSON.stringify(command));
  }

  onEvent(listener: (event: MediaEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  onDisconnected(listener: () => void): () => void {
    this.disconnectedListeners.add(listener);
    return () => this.disconnectedListeners.delete(listener);
  }

  attach(socket: WebSocket): void {
    this.socket = socket;
    socket.on('message', (data, isBinary) => {
      if (this.socket !== socket) return;
      this.receive(isBinary ? null : data.toString());
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.markGone();
    });
    socket.on('error', (error) => this.logger.warn('Media host socket error', { error }));
  }

  detachAll(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
    this.markGone();
  }

  private receive(text: string | null): void {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = mediaEventSchema.safeParse(json);
    if (!parsed.success) {
      this.logger.warn('Dropped a malformed media host event', { reason: parsed.error.message.slice(0, 500) });
      return;
    }
    const event = parsed.data;
    if (event.type === 'ready' && !this.ready) {
      this.ready = true;
      this.dispatch(event);
      for (const listener of [...this.connectedListeners]) this.safely(listener);
      return;
    }
    this.dispatch(event);
  }

  private markGone(): void {
    if (!this.ready) return;
    this.ready = false;
    for (const listener of [...this.disconnectedListeners]) this.safely(listener);
  }

  private dispatch(event: MediaEvent): void {
    for (const listener of [...this.eventListeners]) this.safely(() => listener(event));
  }

  private safely(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.logger.error('A media host listener threw', { error });
    }
  }
}
