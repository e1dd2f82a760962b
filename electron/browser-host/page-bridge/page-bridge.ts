import { BRIDGE_GLOBAL_NAME, type EarshotBridge } from '../../common/contract/bridge-api';
import { UI_SOCKET_PATH, serverFrameSchema, type ClientFrame } from '../../common/contract/socket-frames';
import type { UiEventChannel, UiEventPayload } from '../../common/contract/ui-contract';
import type { Result } from '../../common/result';

/**
 * The browser edition's preload: installs `window.earshot` with exactly the preload's API, carried
 * over a WebSocket to the browser host. Invokes made before the socket opens wait for it; if the
 * host goes away, the page reloads once it is back, so it never shows a dead session.
 */
function installPageBridge(): void {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: ClientFrame[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let everConnected = false;

  const connect = () => {
    const ws = new WebSocket(`ws://${location.host}${UI_SOCKET_PATH}`);
    ws.addEventListener('open', () => {
      socket = ws;
      if (everConnected) {
        location.reload();
        return;
      }
      everConnected = true;
      for (const frame of queue.splice(0)) ws.send(JSON.stringify(frame));
    });
    ws.addEventListener('message', (event) => {
      let json: unknown;
      try {
        json = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const frame = serverFrameSchema.safeParse(json);
      if (!frame.success) return;
      if (frame.data.kind === 'result') {
        pending.get(frame.data.id)?.(frame.data.result as Result<unknown>);
        pending.delete(frame.data.id);
      } else {
        for (const listener of listeners.get(frame.data.channel) ?? []) listener(frame.data.payload);
      }
    });
    ws.addEventListener('close', () => {
      socket = null;
      for (const resolve of pending.values()) {
        resolve({
          ok: false,
          error: { code: 'unreachable', message: 'Lost the connection to Earshot. Reconnecting…' },
        });
      }
      pending.clear();
      setTimeout(connect, 1_000);
    });
  };

  const bridge: EarshotBridge = {
    invoke(channel, request) {
      const frame: ClientFrame = { kind: 'invoke', id: nextId++, channel, payload: request };
      return new Promise((resolve) => {
        pending.set(frame.id, resolve as (result: Result<unknown>) => void);
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
        else queue.push(frame);
      });
    },
    on<C extends UiEventChannel>(channel: C, listener: (payload: UiEventPayload<C>) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
  Object.defineProperty(window, BRIDGE_GLOBAL_NAME, {
    value: Object.freeze(bridge),
    writable: false,
    configurable: false,
  });
  connect();
}

installPageBridge();
