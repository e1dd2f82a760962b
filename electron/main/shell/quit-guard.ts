import { app, dialog, type BrowserWindow } from 'electron';
import type { AppStore } from '../state/app-store';
import { quitConfirmation } from './quit-confirmation';

export interface QuitGuard {
  /** True once a quit is under way; windows then close instead of hiding. */
  readonly quitting: boolean;
}

/**
 * Every quit (menu, tray, Cmd+Q, app.quit()) asks first while a monitored interaction is live.
 * The operating system's own shutdown does not ask: it cannot be held up.
 */
export function guardQuit(options: { store: AppStore; window: () => BrowserWindow | null }): QuitGuard {
  let quitting = false;
  let asking = false;

  app.on('before-quit', (event) => {
    if (quitting) return;
    const confirmation = quitConfirmation(options.store.getState());
    if (!confirmation) {
      quitting = true;
      return;
    }
    event.preventDefault();
    if (asking) return;
    asking = true;
    const window = options.window();
    const dialogOptions = {
      type: 'warning' as const,
      buttons: ['Keep monitoring', 'Quit'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      message: confirmation.message,
      detail: confirmation.detail,
    };
    const answer =
      window && window.isVisible()
        ? dialog.showMessageBox(window, dialogOptions)
        : dialog.showMessageBox(dialogOptions);
    void answer
      .then(({ response }) => {
        if (response !== 1) return;
        quitting = true;
        app.quit();
      })
      .finally(() => {
        asking = false;
      });
  });

  return {
    get quitting() {
      return quitting;
    },
  };
}
