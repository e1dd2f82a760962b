import type { MediaCommand, MediaEvent } from '../../common/contract/media-host-contract';

/**
 * Main's handle on the media host, whatever carries it (a hidden Electron window over IPC, or a
 * page of the browser host over a WebSocket). Events arrive already parsed against the contract.
 * When a media host (re)connects, `onConnected` fires and the SIP controller re-sends what it needs
 * (registration, output device): the media host keeps no state main cannot restore.
 */
export interface MediaHostLink {
  send(command: MediaCommand): void;
  onEvent(listener: (event: MediaEvent) => void): () => void;
  onConnected(listener: () => void): () => void;
  onDisconnected(listener: () => void): () => void;
  readonly connected: boolean;
}
