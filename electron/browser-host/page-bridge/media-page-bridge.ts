import {
  MEDIA_BRIDGE_GLOBAL_NAME,
  MEDIA_SOCKET_PATH,
  type MediaCommand,
  type MediaEvent,
  type MediaHostBridge,
} from '../../common/contract/media-host-contract';
import { MEDIA_SOCKET_POLICY_PARAMETER, MEDIA_SOCKET_RELOAD } from '../../common/contract/socket-frames';

const RECONNECT_DELAY_MS = 1_000;
/** Events emitted before the socket opens (the page's "ready" above all) wait; a runaway page cannot grow this without bound. */
const OUTBOX_LIMIT = 200;

/**
 * The browser edition's media-host preload: installs `window.earshotMedia` with exactly the Electron
 * preload's API, carried over a WebSocket to the browser host. Each frame is one JSON command (from
 * the host) or one JSON event (to the host); the page parses commands, the host parses events.
 * The host serves one media page at a time: a second one keeps retrying quietly until the first
 * goes. A page that loses its connection ends its calls and microphone tracks at once (main can no
 * longer see or command them), and reloads when the connection is back, so it never keeps a
 * registration main forgot. It names the policy its page was served with; when main moves to
 * another SIP server the host closes the socket with MEDIA_SOCKET_RELOAD, and the page reloads at
 * once to get the new policy.
 */
function installMediaPageBridge(): void {
  const policy = document.currentScript?.dataset.policy ?? '0';
  const listeners = new Set<(command: MediaCommand) => void>();
  const lostListeners = new Set<() => void>();
  const backlog: unknown[] = [];
  const outbox: string[] = [];
  let socket: WebSocket | null = null;
  let everConnected = false;

  const deliver = (command: unknown): void => {
    if (listeners.size === 0) {
      backlog.push(command);
      return;
    }
    // The page parses every command against the contract before acting on it.
    for (const listener of listeners) listener(command as MediaCommand);
  };

  const connect = (): void => {
    const ws = new WebSocket(
      `ws://${location.host}${MEDIA_SOCKET_PATH}?${MEDIA_SOCKET_POLICY_PARAMETER}=${encodeURIComponent(policy)}`,
    );
    ws.addEventListener('open', () => {
      if (everConnected) {
        location.reload();
        return;
      }
      everConnected = true;
      socket = ws;
      for (const frame of outbox.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', (message) => {
      let command: unknown;
      try {
        command = JSON.parse(String(message.data));
      } catch {
        return;
      }
      deliver(command);
    });
    ws.addEventListener('close', (event) => {
      const wasConnected = socket === ws;
      if (wasConnected) socket = null;
      if (wasConnected) for (const listener of [...lostListeners]) listener();
      if (event.code === MEDIA_SOCKET_RELOAD) {
        location.reload();
        return;
      }
      setTimeout(connect, RECONNECT_DELAY_MS);
    });
  };

  const bridge: MediaHostBridge = {
    onCommand(listener) {
      listeners.add(listener);
      for (const command of backlog.splice(0)) deliver(command);
      return () => listeners.delete(listener);
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    emit(event: MediaEvent) {
      const frame = JSON.stringify(event);
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
      else if (outbox.length < OUTBOX_LIMIT) outbox.push(frame);
    },
    shown: true,
  };
  Object.defineProperty(window, MEDIA_BRIDGE_GLOBAL_NAME, {
    value: Object.freeze(bridge),
    writable: false,
    configurable: false,
  });
  connect();
}

installMediaPageBridge();
