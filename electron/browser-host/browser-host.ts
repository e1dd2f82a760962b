import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { MEDIA_SOCKET_PATH } from '../common/contract/media-host-contract';
import { UI_SOCKET_PATH } from '../common/contract/socket-frames';
import type { MainServices } from '../main/main-services';
import type { Logger } from '../main/platform/logger';
import { readStaticFile, uiContentSecurityPolicy } from '../main/platform/static-files';
import { MEDIA_PAGE_PATH, type MediaHostServer } from './media-host-server';
import { PageAccess } from './page-access';
import { createPageGate, LAUNCH_PATH, type PageGate } from './page-gate';
import { createUiSocketServer } from './ui-socket-server';

export interface BrowserHostOptions {
  readonly services: MainServices;
  readonly logger: Logger;
  /** Folder with the built UI page (out/renderer/ui). */
  readonly uiRoot: string;
  /** Folder with the built page bridge (out/browser-host). */
  readonly bridgeRoot: string;
  /** Folder with the launch page (out/browser-host/pages). */
  readonly launchRoot: string;
  /** Default 0: any free port. The media page listens on a port of its own (mediaPort, default 0). */
  readonly port?: number;
  readonly mediaPort?: number;
  /** Serves the media host page at /media/ and its socket, on its own origin; closed with the host. */
  readonly mediaHost: MediaHostServer;
}

export interface RunningBrowserHost {
  /** The UI page's address with this launch's key: for the supervisor's own terminal only. */
  readonly url: string;
  /** The media page's address with its own key, likewise. */
  readonly mediaUrl: string;
  /** A UI address that opens the page once, within minutes: safe on a command line others can read. */
  mintUiPageUrl(): string;
  /** A media page address that opens it once, within minutes; for reopening the audio page on demand. */
  mintMediaPageUrl(): string;
  close(): Promise<void>;
}

const pageBridgeTags = '<link rel="stylesheet" href="/page-bridge.css"><script src="/page-bridge.js"></script>';
const bridgeFiles = new Set(['/page-bridge.js', '/page-bridge.css']);

/** One origin: its own port on 127.0.0.1, its own key. */
interface Origin {
  readonly server: Server;
  readonly access: PageAccess;
  readonly gate: PageGate;
  readonly port: number;
}

function launchUrl(port: number, token: string): string {
  return `http://127.0.0.1:${port}${LAUNCH_PATH}#key=${token}`;
}

/**
 * The browser edition's pages, each on an origin of its own so neither can script the other: the
 * UI on one port of 127.0.0.1, the media page on another. Each origin lets in only a browser that
 * exchanged this launch's key for its cookie (page-gate.ts); the UI page gets the page bridge
 * injected before the app's script, so it finds `window.earshot` as the Electron preload leaves it.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const { logger } = options;
  const uiSocket = createUiSocketServer({ services: options.services, logger: logger.child('ui-socket') });

  const serveUi = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = bridgeFiles.has(path)
      ? await readStaticFile(options.bridgeRoot, path)
      : await readStaticFile(options.uiRoot, path, {
          // The Host was checked by the gate: 127.0.0.1 or localhost, this port.
          contentSecurityPolicy: uiContentSecurityPolicy([`ws://${request.headers.host}${UI_SOCKET_PATH}`]),
        });
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const body = file.contentType.startsWith('text/html')
      ? Buffer.from(file.body.toString('utf8').replace('<head>', `<head>${pageBridgeTags}`))
      : file.body;
    response.writeHead(200, file.headers).end(request.method === 'HEAD' ? undefined : body);
  };

  const serveMedia = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!(await options.mediaHost.handleRequest(request, response))) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  };

  const ui = await openOrigin({
    name: 'UI',
    cookiePrefix: 'earshot-ui',
    port: options.port ?? 0,
    landingPath: '/',
    launchRoot: options.launchRoot,
    logger: logger.child('ui-page'),
    serve: serveUi,
    upgrade: (request, socket, head, gate) => {
      const path = new URL(request.url ?? '/', 'http://host').pathname;
      if (path !== UI_SOCKET_PATH) return socket.destroy();
      if (gate.admitUpgrade(request, socket, 'UI')) uiSocket.accept(request, socket, head);
    },
  });
  let media: Origin;
  try {
    media = await openOrigin({
      name: 'media page',
      cookiePrefix: 'earshot-media',
      port: options.mediaPort ?? 0,
      landingPath: MEDIA_PAGE_PATH,
      launchRoot: options.launchRoot,
      logger: logger.child('media-page'),
      serve: serveMedia,
      upgrade: (request, socket, head, gate) => {
        const path = new URL(request.url ?? '/', 'http://host').pathname;
        if (path !== MEDIA_SOCKET_PATH) return socket.destroy();
        // Only a page that presented the media key gets past here, so only it can ever receive the SIP credentials.
        if (!gate.admitUpgrade(request, socket, 'media page')) return;
        options.mediaHost.handleUpgrade(request, socket, head, `http://${request.headers.host}`);
      },
    });
  } catch (error) {
    await stopServer(ui.server);
    throw error;
  }

  return {
    url: launchUrl(ui.port, ui.access.launchKey),
    mediaUrl: launchUrl(media.port, media.access.launchKey),
    mintUiPageUrl: () => launchUrl(ui.port, ui.access.mintOneTimeToken()),
    mintMediaPageUrl: () => launchUrl(media.port, media.access.mintOneTimeToken()),
    async close() {
      options.mediaHost.close();
      uiSocket.close();
      await Promise.all([ui.server, media.server].map(stopServer));
    },
  };
}

/** Listens on 127.0.0.1, then names the key's cookie after the port it got and opens the door. */
async function openOrigin(options: {
  readonly name: string;
  readonly cookiePrefix: string;
  readonly port: number;
  readonly landingPath: string;
  readonly launchRoot: string;
  readonly logger: Logger;
  readonly serve: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  readonly upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer, gate: PageGate) => void;
}): Promise<Origin> {
  const { logger } = options;
  const server = createServer();
  server.on('clientError', (_error, socket) => socket.destroy());
  const port = await listen(server, options.port);
  const access = new PageAccess({ cookieName: `${options.cookiePrefix}-${port}` });
  const gate = createPageGate({
    name: options.name,
    access,
    logger,
    port: () => port,
    launchRoot: options.launchRoot,
    landingPath: options.landingPath,
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      if ((await gate.handleRequest(request, response)) === 'answered') return;
      await options.serve(request, response);
    })().catch((error: unknown) => {
      logger.error(`Failed to serve a request for the ${options.name}`, { error });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    options.upgrade(request, socket, head, gate);
  });
  return { server, access, gate, port };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
