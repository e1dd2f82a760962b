import { contextBridge, ipcRenderer } from 'electron';
import {
  MEDIA_BRIDGE_GLOBAL_NAME,
  MEDIA_COMMAND_CHANNEL,
  MEDIA_EVENT_CHANNEL,
  type MediaCommand,
  type MediaEvent,
  type MediaHostBridge,
} from '../common/contract/media-host-contract';

// These two channels are all the media page can reach.

const listeners = new Set<(command: MediaCommand) => void>();
/** Commands that arrive before the page subscribes wait here instead of being lost. */
const backlog: unknown[] = [];

function deliver(command: unknown): void {
  if (listeners.size === 0) {
    backlog.push(command);
    return;
  }
  // The page parses every command against the contract before acting on it.
  for (const listener of listeners) listener(command as MediaCommand);
}

ipcRenderer.on(MEDIA_COMMAND_CHANNEL, (_event, command: unknown) => deliver(command));

/** The media host page's whole view of main: commands in, events out, nothing more. */
const bridge: MediaHostBridge = {
  onCommand(listener) {
    listeners.add(listener);
    for (const command of backlog.splice(0)) deliver(command);
    return () => listeners.delete(listener);
  },
  onLost() {
    return () => undefined;
  },
  emit(event: MediaEvent) {
    ipcRenderer.send(MEDIA_EVENT_CHANNEL, event);
  },
  shown: false,
};

contextBridge.exposeInMainWorld(MEDIA_BRIDGE_GLOBAL_NAME, bridge);
