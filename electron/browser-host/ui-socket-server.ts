import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  UI_SOCKET_TAB_PARAMETER,
  UI_SOCKET_TAKEN_OVER,
  clientFrameSchema,
  type ServerFrame,
  type UiPresence,
} from '../common/contract/socket-frames';
import type { MainServices } from '../main/main-services';
import type { Logger } from '../main/platform/logger';

interface UiClient {
  readonly socket: WebSocket;
  /** The tab's own id: the same across its reloads, so a reload is not "another tab". */
  readonly tab: string | null;
  readonly remotePort: number | undefined;
  stopEvents: (() => void) | null;
}

export interface UiSocketServer {
  /** Takes an upgrade the page gate admitted (Host, Origin and the key checked). */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/**
 * The browser edition's stand-in for Electron IPC: the same contract over a WebSocket, for pages the
 * gate admitted, and only well-formed frames; the payload is checked against the contract by
 * services.invoke. One tab at a time is in use: it alone gets events and may invoke. Another tab is
 * told so and waits until the supervisor chooses "Use here" there, which stops the first one.
 */
export function createUiSocketServer(options: { services: MainServices; logger: Logger }): UiSocketServer {
  const { services, logger } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let inUse: UiClient | null = null;

  const send = (client: UiClient, frame: ServerFrame): void => {
    if (client.socket.readyState !== client.socket.OPEN) return;
    try {
      client.socket.send(JSON.stringify(frame));
    } catch (error) {
      logger.error('Could not send a frame to the UI', { kind: frame.kind, error });
    }
  };
  const tell = (client: UiClient, presence: UiPresence) => send(client, { kind: 'presence', presence });

  const use = (client: UiClient): void => {
    const previous = inUse;
    inUse = client;
    if (previous && previous !== client) {
      previous.stopEvents?.();
      previous.stopEvents = null;
      // The same tab reloading just goes away; another tab is told it was taken over from.
      if (previous.tab !== null && previous.tab === client.tab) previous.socket.close(1000, 'reloaded');
      else previous.socket.close(UI_SOCKET_TAKEN_OVER, 'in use in another tab');
    }
    client.stopEvents = services.onUiEvent((channel, payload) => send(client, { kind: 'event', channel, payload }));
    tell(client, 'in-use');
    logger.info('A UI tab is the one in use', { remotePort: client.remotePort, tookOver: previous !== null });
  };

  const receive = (client: UiClient, data: string): void => {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      logger.warn('Dropped a UI frame that is not JSON');
      return;
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) {
      logger.warn('Dropped a malformed UI frame', { reason: frame.error.message });
      return;
    }
    if (frame.data.kind === 'takeOver') {
      if (inUse !== client) use(client);
      return;
    }
    const { id, channel, payload } = frame.data;
    if (inUse !== client) {
      send(client, {
        kind: 'result',
        id,
        result: {
          ok: false,
          error: { code: 'busy', message: 'Earshot is open in another tab. Choose “Use here” to use it in this one.' },
        },
      });
      return;
    }
    services
      .invoke(channel, payload)
      .then((result) => send(client, { kind: 'result', id, result }))
      .catch((error: unknown) => logger.error('A UI command failed unexpectedly', { channel, error }));
  };

  sockets.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const tab = new URL(request.url ?? '/', 'http://host').searchParams.get(UI_SOCKET_TAB_PARAMETER);
    const client: UiClient = {
      socket,
      tab: tab !== null && /^[A-Za-z0-9_-]{1,64}$/.test(tab) ? tab : null,
      remotePort: request.socket.remotePort,
      stopEvents: null,
    };
    socket.on('message', (data) => receive(client, data.toString()));
    socket.on('close', () => {
      client.stopEvents?.();
      client.stopEvents = null;
      if (inUse === client) inUse = null;
    });
    socket.on('error', (error) => logger.warn('UI socket error', { error }));
    if (inUse === null || inUse.socket.readyState !== inUse.socket.OPEN || (client.tab && inUse.tab === client.tab)) {
      use(client);
    } else {
      tell(client, 'in-use-elsewhere');
      logger.info('Another UI tab opened while one is in use; it waits for "Use here"', {
        remotePort: client.remotePort,
      });
    }
  });

  return {
    accept(request, socket, head) {
      sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
