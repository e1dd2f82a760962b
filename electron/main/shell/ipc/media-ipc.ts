import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { MEDIA_COMMAND_CHANNEL, MEDIA_EVENT_CHANNEL } from '../../../common/contract/media-host-contract';
import type { Logger } from '../../platform/logger';
import { MediaHostConnection, type MediaHostLink, type MediaHostPage } from '../../sip/media-host-link';
import { isMediaPageUrl } from '../app-url';
import { isTrustedSender } from './trusted-sender';

export interface MediaIpcLink extends MediaHostLink {
  /** A new page is loading in the media window: it counts as connected once it says `ready`. */
  pageLoading(): void;
  /** The page is gone (crashed, reloading, window closed): its document, and any capture, went with it. */
  pageGone(cause: string): void;
  dispose(): void;
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

  const onEvent = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event, options.window(), isMediaPageUrl)) {
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
