// SIP over WebSocket (RFC 7118): one SIP message per frame, subprotocol `sip`, 127.0.0.1 only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { parseSipMessage, serializeSipMessage, SipParseError } from './sip-message';
import type { SipMessage } from './sip-message';

const MAX_MESSAGE_BYTES = 64 * 1024;

export interface SipConnection {
  readonly id: number;
  readonly isOpen: boolean;
  send(message: SipMessage): void;
}

export interface SipTransportHandlers {
  onMessage(connection: SipConnection, message: SipMessage): void;
  /** Raw text that failed to parse; the handler decides whether a 400 can be built from it. */
  onMalformed(connection: SipConnection, text: string, error: SipParseError): void;
  onClose(connection: SipConnection): void;
}

export interface SipTransport {
  readonly url: string;
  /** Unreachable: every open connection is cut and new ones are refused, as when the network goes. */
  setReachable(reachable: boolean): void;
  close(): Promise<void>;
}

function describe(message: SipMessage): string {
  return message.kind === 'request' ? message.method : `${message.status} response`;
}

export async function startSipTransport(
  options: { host: string; port: number; log: (line: string) => void },
  handlers: SipTransportHandlers,
): Promise<SipTransport> {
  const httpServer = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain', upgrade: 'websocket' });
    response.end('This endpoint speaks SIP over WebSocket (subprotocol "sip").\n');
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
  });
  const sockets = new Set<WebSocket>();
  let nextId = 1;
  let reachable = true;
  httpServer.on('upgrade', (request, socket, head) => {
    if (!reachable) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (webSocket) => wss.emit('connection', webSocket, request));
  });

  wss.on('connection', (socket) => {
    if (socket.protocol !== 'sip') {
      socket.close(1002, 'the sip subprotocol is required');
      return;
    }
    sockets.add(socket);
    const connection: SipConnection = {
      id: nextId++,
      get isOpen() {
        return socket.readyState === socket.OPEN;
      },
      send(message) {
        if (socket.readyState === socket.OPEN) socket.send(serializeSipMessage(message));
      },
    };
    options.log(`sip: connection ${connection.id} opened`);
    socket.on('message', (data, isBinary) => {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data as ArrayBuffer).toString('utf8');
      // RFC 5626 keep-alive: a CRLFCRLF ping is answered with a CRLF pong.
      if (/^(\r\n)+$/.test(text)) {
        if (text === '\r\n\r\n') socket.send('\r\n', { binary: isBinary });
        return;
      }
      let message: SipMessage;
      try {
        message = parseSipMessage(text);
      } catch (error) {
        if (!(error instanceof SipParseError)) throw error;
        handlers.onMalformed(connection, text, error);
        return;
      }
      try {
        handlers.onMessage(connection, message);
      } catch (error) {
        options.log(`sip: connection ${connection.id}: handling ${describe(message)} failed: ${String(error)}`);
      }
    });
    socket.on('error', (error) => options.log(`sip: connection ${connection.id} error: ${error.message}`));
    socket.on('close', () => {
      sockets.delete(socket);
      options.log(`sip: connection ${connection.id} closed`);
      handlers.onClose(connection);
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `ws://${options.host}:${port}/`,
    setReachable(value) {
      reachable = value;
      if (value) return;
      for (const socket of sockets) socket.terminate();
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
