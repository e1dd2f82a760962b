import { app, session, type WebContents, type WebPreferences } from 'electron';
import { isAppUrl } from './app-url';

/** Every window Earshot opens uses these; nothing loosens them per window. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A packaged build has no way to open them (see app-menu.ts); none is needed there either.
    devTools: !app.isPackaged,
  };
}

/**
 * No window may navigate away from app://, open new windows, attach webviews, or get a permission
 * it was not built for. The UI window needs none; the media host (voice) asks for the microphone
 * only through main's policy.
 */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // The UI window may only write plain text to the clipboard ("Copy diagnostics"); nothing else.
  const uiMayUse = (permission: string, url: string) => permission === 'clipboard-sanitized-write' && isAppUrl(url);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
    callback(uiMayUse(permission, contents.getURL())),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    uiMayUse(permission, requestingOrigin),
  );
}
