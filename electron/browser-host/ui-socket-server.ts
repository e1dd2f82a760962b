import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientFrameSchema, type ServerFrame } from '../common/contract/socket-frames';
import type { MainServices } from '../main/main-services';
import type { Logger } from '../main/platform/logger';

/**
 * The browser edition's stand-in for Electron IPC: the same contract over a WebSocket. Like the IPC
 * wrappers, it accepts only its own page (same origin) and only well-formed frames; the payload is
 * checked against the contract by services.invoke.
 */
export function createUiSocketServer(options: {
  services: MainServices;
  logger: Logger;
  allowedOrigin: () => string;
}): WebSocketServer {
  const { services, logger } = options;
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    verifyClient: (info: { origin: string; req: IncomingMessage }) => {
      const allowed = info.origin === options.allowedOrigin();
      if (!allowed) logger.warn('Refused a UI connection from a foreign origin', { origin: info.origin });
      return allowed;
    },
  });

  server.on('connection', (socket: WebSocket) => {
    const send = (frame: ServerFrame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const unsubscribe = services.onUiEvent((channel, payload) => send({ kind: 'event', channel, payload }));
    socket.on('message', (data) => {
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        logger.warn('Dropped a UI frame that is not JSON');
        return;
      }
      const frame = clientFrameSchema.safeParse(json);
      if (!frame.success) {
        logger.warn('Dropped a malformed UI frame', { reason: frame.error.message });
        return;
      }
      void services
        .invoke(frame.data.channel, frame.data.payload)
        .then((result) => send({ kind: 'result', id: frame.data.id, result }));
    });
    socket.on('close', unsubscribe);
    socket.on('error', (error) => logger.warn('UI socket error', { error }));
  });
  return server;
}
