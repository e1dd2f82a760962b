import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { mediaEventSchema, type MediaCommand, type MediaEvent } from '../../../common/contract/media-host-contract';
import type { Logger } from '../../platform/logger';
import type { MediaHostLink } from '../../sip/media-host-link';
import { isMediaPageUrl } from '../app-url';
import { isTrustedSender } from './trusted-sender';

/** Must match electron/preload/media-host.ts; the contract file would be a better home for both names. */
export const MEDIA_COMMAND_CHANNEL = 'media:command';
export const MEDIA_EVENT_CHANNEL = 'media:event';

export interface MediaIpcLink extends MediaHostLink {
  /** The page is gone (crashed, reloading, window closed): disconnected until it says `ready` again. */
  pageGone(): void;
  dispose(): void;
}

/**
 * The only place that touches ipcMain for the media host window. An event counts only when it comes
 * from that window's top frame on app://media and parses against the contract. "Connected" means
 * the page said `ready`; a command sent before that comes back as a commandFailed event.
 */
export function bindMediaIpc(options: { window: () => BrowserWindow | null; logger: Logger }): MediaIpcLink {
  const { logger } = options;
  const eventListeners = new Set<(event: MediaEvent) => void>();
  const connectedListeners = new Set<() => void>();
  const disconnectedListeners = new Set<() => void>();
  let ready = false;

  const safely = (callback: () => void): void => {
    try {
      callback();
    } catch (error) {
      logger.error('A media host listener threw', { error });
    }
  };
  const dispatch = (event: MediaEvent): void => {
    for (const listener of [...eventListeners]) safely(() => listener(event));
  };
  const onEvent = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event, options.window(), isMediaPageUrl)) {
      logger.warn('Refused a media host event from an untrusted sender', { url: event.senderFrame?.url });
      return;
    }
    const parsed = mediaEventSchema.safeParse(payload);
    if (!parsed.success) {
      logger.warn('Dropped a malformed media host event', { reason: parsed.error.message.slice(0, 500) });
      return;
    }
    dispatch(parsed.data);
    if (parsed.data.type === 'ready' && !ready) {
      ready = true;
      for (const listener of [...connectedListeners]) safely(listener);
    }
  };
  ipcMain.on(MEDIA_EVENT_CHANNEL, onEvent);

  const pageGone = (): void => {
    if (!ready) return;
    ready = false;
    for (const listener of [...disconnectedListeners]) safely(listener);
  };

  return {
    get connected() {
      return ready;
    },
    send(command: MediaCommand) {
      const window = options.window();
      if (!ready || !window || window.isDestroyed()) {
        queueMicrotask(() =>
          dispatch({
            type: 'commandFailed',
            command: command.type,
            reason: 'The audio engine is not running right now.',
          }),
        );
        return;
      }
      window.webContents.send(MEDIA_COMMAND_CHANNEL, command);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnected(listener) {
      connectedListeners.add(listener);
      return () => connectedListeners.delete(listener);
    },
    onDisconnected(listener) {
      disconnectedListeners.add(listener);
      return () => disconnectedListeners.delete(listener);
    },
    pageGone,
    dispose() {
      ipcMain.removeListener(MEDIA_EVENT_CHANNEL, onEvent);
      pageGone();
    },
  };
}
