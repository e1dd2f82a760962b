import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UI_SOCKET_PATH } from '../common/contract/socket-frames';
import type { MainServices } from '../main/main-services';
import type { Logger } from '../main/platform/logger';
import { readStaticFile } from '../main/platform/static-files';
import type { MediaHostServer } from './media-host-server';
import { createUiSocketServer } from './ui-socket-server';

export interface BrowserHostOptions {
  readonly services: MainServices;
  readonly logger: Logger;
  /** Folder with the built UI page (out/renderer/ui). */
  readonly uiRoot: string;
  /** Folder with the built page bridge (out/browser-host). */
  readonly bridgeRoot: string;
  readonly host?: string;
  readonly port?: number;
  /** Serves the media host page at /media/ and its socket; closed with the host. */
  readonly mediaHost: MediaHostServer;
}

export interface RunningBrowserHost {
  readonly url: string;
  close(): Promise<void>;
}

const pageBridgeTag = '<script src="/page-bridge.js"></script>';

/**
 * Serves the UI page on 127.0.0.1 with the page bridge injected before the app's script, so the page
 * finds `window.earshot` exactly as the Electron preload would leave it.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const uiSocket = createUiSocketServer({
    services: options.services,
    logger: options.logger,
    allowedOrigin: () => origin,
  });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://host').pathname;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      if (await options.mediaHost.handleRequest(request, response)) return;
      const file =
        path === '/page-bridge.js'
          ? await readStaticFile(options.bridgeRoot, path)
          : await readStaticFile(options.uiRoot, path);
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      const body = file.contentType.startsWith('text/html')
        ? Buffer.from(file.body.toString('utf8').replace('<head>', `<head>${pageBridgeTag}`))
        : file.body;
      response.writeHead(200, file.headers).end(request.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      options.logger.error('Browser host failed to serve a request', { error });
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  server.on('upgrade', (request, socket, head) => {
    if (options.mediaHost.handleUpgrade(request, socket, head, origin)) return;
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (path !== UI_SOCKET_PATH) {
      socket.destroy();
      return;
    }
    uiSocket.handleUpgrade(request, socket, head, (ws) => uiSocket.emit('connection', ws, request));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}/`,
    async close() {
      options.mediaHost.close();
      for (const client of uiSocket.clients) client.terminate();
      uiSocket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
