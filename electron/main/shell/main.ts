import { app, BrowserWindow, nativeTheme } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInProcessDemo } from '../demo-contact-center';
import { createMainServices, type MainServices } from '../main-services';
import { createStderrLogger } from '../platform/logger';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { bindUiIpc } from './ipc/ui-ipc';
import { startMediaHostWindow } from './media-host-window';
import { hardenApp, secureWebPreferences } from './security';

/** The Electron composition root. Everything that is not windows, IPC or OS integration lives in main-side services. */
const outRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const logger = createStderrLogger();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let services: MainServices | null = null;
  let mainWindow: BrowserWindow | null = null;

  const showMainWindow = () => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      return;
    }
    mainWindow = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 760,
      minHeight: 480,
      title: 'Earshot',
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171a' : '#f7f8fa',
      webPreferences: secureWebPreferences(join(outRoot, 'preload', 'ui.cjs')),
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
      // The hidden media window keeps 'window-all-closed' from ever firing, so closing the main window quits.
      if (process.platform !== 'darwin') app.quit();
    });
    void mainWindow.loadURL('app://ui/index.html');
  };

  app.on('second-instance', showMainWindow);

  void app.whenReady().then(() => {
    hardenApp();
    serveAppScheme({ ui: join(outRoot, 'renderer', 'ui') });
    const mediaHost = startMediaHostWindow({
      mediaRoot: join(outRoot, 'renderer', 'media-host'),
      preloadPath: join(outRoot, 'preload', 'media-host.cjs'),
      logger: logger.child('media-host'),
    });
    const demo = createInProcessDemo(logger.child('demo'), { clipsDirectory: join(outRoot, 'simulator', 'clips') });
    services = createMainServices({ logger, demo, mediaHost: mediaHost.link });
    app.on('quit', () => mediaHost.dispose());
    bindUiIpc({ services, window: () => mainWindow, logger: logger.child('ipc') });
    showMainWindow();
    app.on('activate', showMainWindow);
  });

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });
}
