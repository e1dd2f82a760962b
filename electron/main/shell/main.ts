import { app, BrowserWindow, Menu, nativeTheme, powerMonitor } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hotkeyLabels } from '../../common/models/hotkey-labels';
import type { HotkeyAction } from '../../common/models/settings';
import { createInProcessDemo } from '../demo-contact-center';
import { createMainServices, type MainServices } from '../main-services';
import { forwardPowerEvents } from './power-events';
import { hotkeyCommand } from '../platform/hotkeys';
import { installProcessSafetyNet } from '../platform/process-safety';
import { applicationMenuTemplate } from './app-menu';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { EARSHOT_APP_ID } from './app-identity';
import { createDesktopLogger, desktopPaths, openDesktopPlatform } from './desktop-platform';
import { startDesktopNotifications } from './desktop-notifications';
import { startGlobalHotkeys } from './global-hotkeys';
import { bindUiIpc } from './ipc/ui-ipc';
import { startMediaHostWindow } from './media-host-window';
import { requestMicrophoneAccess } from './microphone-access';
import { askingForMicrophoneFirst } from './microphone-commands';
import { guardQuit, type QuitGuard } from './quit-guard';
import { hardenApp, secureWebPreferences } from './security';
import { createTray, type EarshotTray } from './tray';

/**
 * The Electron composition root. Everything that is not windows, IPC or OS integration lives in
 * main-side services. It reads no command-line flags or environment: the packaged app always loads
 * its own pages and never offers the demo contact center's control API.
 */
const outRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const paths = desktopPaths();
const { logger, logFiles } = createDesktopLogger(paths);
installProcessSafetyNet({
  logger: logger.child('process'),
  processName: 'Electron main',
  // Not app.quit(): its handlers run services that can no longer be trusted.
  onFatal: () => {
    logFiles.close();
    app.exit(1);
  },
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Windows files notifications under this id; it must be the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId(EARSHOT_APP_ID);
  let services: MainServices | null = null;
  let mainWindow: BrowserWindow | null = null;
  let tray: EarshotTray | null = null;
  let quitGuard: QuitGuard | null = null;

  const showMainWindow = () => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      return;
    }
    const window = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 760,
      minHeight: 480,
      title: 'Earshot',
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171a' : '#f7f8fa',
      webPreferences: secureWebPreferences(join(outRoot, 'preload', 'ui.cjs')),
    });
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    // Closing hides to the tray; monitoring (and audio, in the hidden media window) carries on.
    window.on('close', (event) => {
      if (tray && !quitGuard?.quitting) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      // Without a tray nothing would bring the window back; the hidden media window keeps
      // 'window-all-closed' from firing, so quit here (macOS keeps the Dock icon for that).
      if (!tray && process.platform !== 'darwin') app.quit();
    });
    window.loadURL('app://ui/index.html').catch((error: unknown) => {
      logger.error('Could not load the UI page', { error });
    });
  };

  app.on('second-instance', showMainWindow);

  const started = app.whenReady().then(() => {
    hardenApp();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        applicationMenuTemplate({ packaged: app.isPackaged, platform: process.platform, appName: app.name }),
      ),
    );
    serveAppScheme({ ui: join(outRoot, 'renderer', 'ui') });
    const platform = openDesktopPlatform(paths, logger);
    const mediaHost = startMediaHostWindow({
      mediaRoot: join(outRoot, 'renderer', 'media-host'),
      preloadPath: join(outRoot, 'preload', 'media-host.cjs'),
      logger: logger.child('media-host'),
      microphoneWanted: () => services?.microphoneWanted() ?? false,
      sessionCa: () => services?.sessionCa() ?? null,
    });
    const demo = createInProcessDemo(logger.child('demo'), { clipsDirectory: join(outRoot, 'simulator', 'clips') });
    let hotkeys: ReturnType<typeof startGlobalHotkeys> | null = null;
    const running = createMainServices({
      logger,
      demo,
      mediaHost: mediaHost.link,
      mediaHostRestartsByItself: true,
      platform: {
        ...platform,
        logFiles,
        about: {
          appVersion: app.getVersion(),
          platform: `${process.platform} ${process.arch}`,
          runtime: `Electron ${process.versions.electron}`,
        },
        desktopFeaturesMissing: null,
        hotkeyRegistrationProblems: () => hotkeys?.registrationProblems() ?? {},
      },
    });
    services = running;
    const stopPowerEvents = forwardPowerEvents(powerMonitor, (cause) => running.networkChanged(cause));
    app.on('quit', stopPowerEvents);
    const invoke = askingForMicrophoneFirst(running.invoke, requestMicrophoneAccess);
    app.on('quit', () => mediaHost.dispose());
    bindUiIpc({ invoke, onUiEvent: running.onUiEvent, window: () => mainWindow, logger: logger.child('ipc') });
    quitGuard = guardQuit({ store: running.store, window: () => mainWindow });

    try {
      tray = createTray({ store: running.store, showWindow: showMainWindow, quit: () => app.quit() });
    } catch (error) {
      logger.warn('No tray icon on this desktop; closing the window quits Earshot', { error });
    }
    const notifications = startDesktopNotifications({
      store: running.store,
      settings: () => platform.settings.get().notifications,
      showWindow: showMainWindow,
      logger: logger.child('notifications'),
    });
    const runHotkey = async (action: HotkeyAction): Promise<void> => {
      const command = hotkeyCommand(action, running.store.getState().voice);
      const result = command.ok ? await invoke(command.value.channel, command.value.payload) : command;
      if (!result.ok) notifications.show(`${hotkeyLabels[action]}: nothing done`, result.error.message);
    };
    hotkeys = startGlobalHotkeys({
      settings: platform.settings,
      onAction: (action) => void runHotkey(action),
      logger: logger.child('hotkeys'),
    });
    const registeredHotkeys = hotkeys;
    app.once('will-quit', () => {
      registeredHotkeys.dispose();
      notifications.dispose();
      tray?.dispose();
      tray = null;
    });

    showMainWindow();
    app.on('activate', showMainWindow);
  });
  started.catch((error: unknown) => {
    // Without its services Earshot shows nothing: say why in the log and leave rather than hang.
    logger.error('Earshot could not start', { error });
    logFiles.close();
    app.exit(1);
  });

  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    services
      .dispose()
      .catch((error: unknown) => logger.error('Shutting the services down failed', { error }))
      .finally(() => {
        logFiles.close();
        app.quit();
      });
  });
}
