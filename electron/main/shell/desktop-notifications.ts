import { Notification } from 'electron';
import type { NotificationSettings } from '../../common/models/settings';
import type { Logger } from '../platform/logger';
import type { AppStore } from '../state/app-store';
import { interactionNotices, type InteractionNotice } from '../state/interaction-notices';

export interface DesktopNotifications {
  /** A one-off message, such as why a hotkey did nothing. */
  show(title: string, body: string): void;
  dispose(): void;
}

/** Older notices are closed beyond this many, so a busy floor cannot pile them up. */
const MAX_OPEN = 8;

/**
 * Desktop notifications when a monitored interaction starts or ends, as the supervisor's settings
 * ask. An interaction's "ended" notice replaces its "started" one. They make no sound while a
 * monitored call plays in the supervisor's headphones. Clicking one brings the window back.
 * Call after the app is ready.
 */
export function startDesktopNotifications(options: {
  store: AppStore;
  settings: () => NotificationSettings;
  showWindow: () => void;
  logger: Logger;
}): DesktopNotifications {
  const { store, logger } = options;
  if (!Notification.isSupported()) {
    logger.info('Desktop notifications are not supported here');
    return { show: () => undefined, dispose: () => undefined };
  }
  /** Held so they are not garbage-collected (which drops their click handler), by interaction. */
  const open = new Map<string, Notification>();

  const close = (interaction: string): void => {
    open.get(interaction)?.close();
    open.delete(interaction);
  };

  const present = (interaction: string, title: string, body: string): void => {
    close(interaction);
    const silent = store.getState().voice.calls.some((call) => call.audio.firstAudioAt !== null);
    const notification = new Notification({ title, body, silent });
    notification.on('click', options.showWindow);
    notification.on('close', () => {
      if (open.get(interaction) === notification) open.delete(interaction);
    });
    open.set(interaction, notification);
    notification.show();
    for (const oldest of [...open.keys()].slice(0, Math.max(0, open.size - MAX_OPEN))) close(oldest);
  };

  // Notice keys end in ":started" or ":ended"; what comes before names the interaction.
  const interactionOf = (notice: InteractionNotice) => notice.key.replace(/:(started|ended)$/, '');

  let oneOffs = 0;
  const unsubscribe = store.subscribe((after, before) => {
    for (const notice of interactionNotices(before, after, options.settings())) {
      present(interactionOf(notice), notice.title, notice.body);
    }
  });

  return {
    show(title, body) {
      oneOffs += 1;
      present(`message:${oneOffs}`, title, body);
    },
    dispose() {
      unsubscribe();
      for (const interaction of [...open.keys()]) close(interaction);
    },
  };
}
