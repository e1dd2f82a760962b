import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import type { AppStore } from '../state/app-store';
import { trayState, type TrayState, type TrayStatus } from '../state/tray-state';
import { trayImages } from './tray-images';

export interface TrayOptions {
  readonly store: AppStore;
  readonly showWindow: () => void;
  /** Goes through the quit confirmation like any other quit. */
  readonly quit: () => void;
}

export interface EarshotTray {
  dispose(): void;
}

const statusLabels: Readonly<Record<TrayStatus, string>> = {
  idle: 'Not monitoring',
  monitoring: 'Monitoring: nobody hears you',
  live: 'LIVE: someone can hear you',
};

/**
 * The tray icon says at a glance whether anyone can hear the supervisor (grey idle, blue monitoring,
 * red live) and keeps Earshot reachable while its window is closed. Its tooltip and first menu line
 * say the same in words. Call after the app is ready.
 */
export function createTray(options: TrayOptions): EarshotTray {
  const images: Readonly<Record<TrayStatus, NativeImage>> = {
    idle: trayImage('idle'),
    monitoring: trayImage('monitoring'),
    live: trayImage('live'),
  };
  let shown = trayState(options.store.getState());
  const tray = new Tray(images[shown.status]);

  const render = (state: TrayState): void => {
    tray.setImage(images[state.status]);
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: statusLabels[state.status], enabled: false },
        { type: 'separator' },
        { label: 'Show Earshot', click: options.showWindow },
        { type: 'separator' },
        { label: 'Quit Earshot', click: options.quit },
      ]),
    );
  };
  render(shown);
  // macOS opens the menu on click; elsewhere a click is the quick way back to the window.
  if (process.platform !== 'darwin') tray.on('click', options.showWindow);

  const unsubscribe = options.store.subscribe((state) => {
    const next = trayState(state);
    if (next.status === shown.status && next.tooltip === shown.tooltip) return;
    shown = next;
    render(next);
  });

  return {
    dispose() {
      unsubscribe();
      tray.destroy();
    },
  };
}

/** 16 px with a 32 px @2x for macOS and Windows; Linux panels draw tray icons at about 24 px. */
function trayImage(status: TrayStatus): NativeImage {
  const sizes = trayImages[status];
  const decode = (base64: string) => Buffer.from(base64, 'base64');
  if (process.platform === 'linux') return nativeImage.createFromBuffer(decode(sizes[24]));
  const image = nativeImage.createFromBuffer(decode(sizes[16]), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: decode(sizes[32]) });
  return image;
}
