import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { MEDIA_COMMAND_CHANNEL, MEDIA_EVENT_CHANNEL } from '../../../common/contract/media-host-contract';
import type { Logger } from '../../platform/logger';
import { MediaHostConnection, type MediaHostLink, type MediaHostPage } from '../../sip/media-host-link';
import { APP_SCHEME } from '../security';

/** The media page lives at app://media/; its window's session serves nothing else. */
export const MEDIA_HOST_NAME = 'media';

export interface MediaIpcLink extends MediaHostLink {
  /** A new page is loading in the media window: it counts as connected once it says `ready`. */
  pageLoading(): void;
  /** The page is gone (crashed, reloading, window closed): its document, and any capture, went with it. */
  pageGone(cause: string): void;
  dispose(): void;
}

/** app:// is not a special scheme to WHATWG URL, so its origin reads "null": compare scheme and host. */
export function isMediaPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === MEDIA_HOST_NAME;
  } catch {
    return false;
  }
}

/**
 * The only place that touches ipcMain for the media host window. An event counts only when it comes
 * from that window's top frame on app://media; the shared MediaHostConnection parses it and keeps
 * the handshake.
 */
export function bindMediaIpc(options: { window: () => BrowserWindow | null; logger: Logger }): MediaIpcLink {
  const { logger } = options;
  const connection = new MediaHostConnection(logger);
  let page: MediaHostPage | null = null;

  const trusted = (event: IpcMainEvent): boolean => {
    const window = options.window();
    const frame = event.senderFrame;
    return (
      window !== null &&
      !window.isDestroyed() &&
      event.sender === window.webContents &&
      frame !== null &&
      frame.parent === null &&
      isMediaPageUrl(frame.url)
    );
  };

  const onEvent = (event: IpcMainEvent, payload: unknown): void => {
    if (!trusted(event)) {
      logger.warn('Refused a media host event from an untrusted sender', { url: event.senderFrame?.url });
      return;
    }
    if (page) connection.receive(page, payload);
  };
  ipcMain.on(MEDIA_EVENT_CHANNEL, onEvent);

  const pageGone = (cause: string): void => {
    if (!page) return;
    connection.detach(cause, { documentGone: true }, page);
    page = null;
  };

  return Object.assign(connection, {
    pageLoading(): void {
      pageGone('a new page is loading');
      const current: MediaHostPage = {
        deliver(command) {
          const window = options.window();
          if (!window || window.isDestroyed()) throw new Error('the media window is gone');
          window.webContents.send(MEDIA_COMMAND_CHANNEL, command);
        },
      };
      page = current;
      connection.attach(current);
    },
    pageGone,
    dispose(): void {
      ipcMain.removeListener(MEDIA_EVENT_CHANNEL, onEvent);
      pageGone('Earshot is closing');
    },
  });
}
