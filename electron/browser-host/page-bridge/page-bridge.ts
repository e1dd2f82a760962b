import { BRIDGE_GLOBAL_NAME, type EarshotBridge } from '../../common/contract/bridge-api';
import {
  UI_SOCKET_PATH,
  UI_SOCKET_TAB_PARAMETER,
  UI_SOCKET_TAKEN_OVER,
  serverFrameSchema,
  type ClientFrame,
} from '../../common/contract/socket-frames';
import type { UiEventChannel, UiEventPayload } from '../../common/contract/ui-contract';
import type { Result } from '../../common/result';
import { showElsewhereNotice, hideElsewhereNotice } from './elsewhere-notice';

const TAB_ID_KEY = 'earshot-tab';
const TAKE_OVER_KEY = 'earshot-take-over';
const QUEUE_LIMIT = 200;

/** The same id across reloads of one tab, another in every other tab. */
function tabId(): string {
  const known = sessionStorage.getItem(TAB_ID_KEY);
  if (known && /^[A-Za-z0-9_-]{1,64}$/.test(known)) return known;
  const fresh = crypto.randomUUID();
  sessionStorage.setItem(TAB_ID_KEY, fresh);
  return fresh;
}

/**
 * The browser edition's preload: installs `window.earshot` with exactly the preload's API, carried
 * over a WebSocket to the browser host. Invokes wait until the host says this tab is the one in
 * use; if the host goes away, the page reloads once it is back, so it never shows a dead session.
 * Only one tab controls Earshot at a time: another one says so and offers "Use here", and a tab
 * that was taken over from stops and says so too.
 */
function installPageBridge(): void {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: ClientFrame[] = [];
  const tab = tabId();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let inUse = false;
  let takenOver = false;
  let everConnected = false;
  const takeOverOnOpen = sessionStorage.getItem(TAKE_OVER_KEY) === '1';
  sessionStorage.removeItem(TAKE_OVER_KEY);

  const send = (frame: ClientFrame): void => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  };

  const failAll = (message: string): void => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unreachable', message } });
    pending.clear();
    queue.splice(0);
  };

  const connect = () => {
    const ws = new WebSocket(`ws://${location.host}${UI_SOCKET_PATH}?${UI_SOCKET_TAB_PARAMETER}=${tab}`);
    ws.addEventListener('open', () => {
      socket = ws;
      if (everConnected) {
        location.reload();
        return;
      }
      everConnected = true;
      if (takeOverOnOpen) send({ kind: 'takeOver' });
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
      if (frame.data.kind === 'presence') {
        inUse = frame.data.presence === 'in-use';
        if (inUse) {
          hideElsewhereNotice();
          for (const queued of queue.splice(0)) send(queued);
        } else {
          showElsewhereNotice('waiting', () => send({ kind: 'takeOver' }));
        }
      } else if (frame.data.kind === 'result') {
        pending.get(frame.data.id)?.(frame.data.result as Result<unknown>);
        pending.delete(frame.data.id);
      } else {
        for (const listener of listeners.get(frame.data.channel) ?? []) listener(frame.data.payload);
      }
    });
    ws.addEventListener('close', (event) => {
      socket = null;
      inUse = false;
      if (event.code === UI_SOCKET_TAKEN_OVER) {
        takenOver = true;
        failAll('Earshot is open in another tab now.');
        showElsewhereNotice('taken-over', () => {
          sessionStorage.setItem(TAKE_OVER_KEY, '1');
          location.reload();
        });
        return;
      }
      failAll('Lost the connection to Earshot. Reconnecting…');
      setTimeout(connect, 1_000);
    });
  };

  const bridge: EarshotBridge = {
    invoke(channel, request) {
      const frame: ClientFrame = { kind: 'invoke', id: nextId++, channel, payload: request };
      return new Promise((resolve) => {
        if (takenOver) {
          resolve({
            ok: false,
            error: {
              code: 'busy',
              message: 'Earshot is open in another tab. Choose “Use here” to use it in this one.',
            },
          });
          return;
        }
        pending.set(frame.id, resolve as (result: Result<unknown>) => void);
        if (inUse) send(frame);
        else if (queue.length < QUEUE_LIMIT) queue.push(frame);
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
