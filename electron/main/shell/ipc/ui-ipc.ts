import { ipcMain, type BrowserWindow } from 'electron';
import { uiInvokeContract } from '../../../common/contract/ui-contract';
import { err } from '../../../common/result';
import type { MainServices } from '../../main-services';
import type { Logger } from '../../platform/logger';
import type { UiInvoke } from '../../ui-commands';
import { isAppUrl } from '../app-url';
import { isTrustedSender } from './trusted-sender';

export interface UiIpcOptions {
  /** services.invoke, or a wrapper around it; it checks each payload against the contract's schema. */
  readonly invoke: UiInvoke;
  readonly onUiEvent: MainServices['onUiEvent'];
  readonly window: () => BrowserWindow | null;
  readonly logger: Logger;
}

/**
 * The only place that touches ipcMain for the UI window. Each contract channel gets a handler that
 * first checks the sender is the UI window's top frame on app://, then hands the payload to invoke.
 */
export function bindUiIpc(options: UiIpcOptions): () => void {
  const { logger } = options;
  const channels = Object.keys(uiInvokeContract);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, options.window(), isAppUrl)) {
        logger.warn('Refused an IPC call from an untrusted sender', { channel, url: event.senderFrame?.url });
        return err('invalid-input', 'Refused.', 'untrusted sender');
      }
      return options.invoke(channel, payload);
    });
  }
  const unsubscribe = options.onUiEvent((channel, payload) => {
    const window = options.window();
    if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
