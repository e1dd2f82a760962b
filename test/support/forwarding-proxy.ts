import { request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** Sends one request on to `upstream` unchanged and pipes its answer back, as a reverse proxy does. */
export function forwardRequest(upstream: URL, req: IncomingMessage, res: ServerResponse): void {
  const forwarded = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on('error', () => res.destroy());
  req.pipe(forwarded);
}

/** Listens on a loopback port of the system's choosing; `close` drops open connections first. */
export async function listenOnLoopback(
  server: Server | TlsServer,
  scheme: 'http' | 'https',
): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
