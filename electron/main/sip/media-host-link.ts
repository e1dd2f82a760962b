import { mediaEventSchema, type MediaCommand, type MediaEvent } from '../../common/contract/media-host-contract';
import type { Logger } from '../platform/logger';

/** How the media host went away, and whether its microphone is known to be released with it. */
export interface MediaHostLoss {
  readonly cause: string;
  /**
   * True where nothing could still be capturing: the page said goodbye after ending its tracks, or
   * its process or document is gone. False where the page may live on (a dropped socket).
   */
  readonly microphoneReleased: boolean;
}

/**
 * Main's handle on the media host, whatever carries it (a hidden Electron window over IPC, or a
 * page of the browser host over a WebSocket). Events arrive already parsed against the contract.
 * "Connected" means the page said `ready`; when a media host (re)connects, `onConnected` fires and
 * the SIP controller re-sends what it needs: the media host keeps no state main cannot restore.
 */
export interface MediaHostLink {
  send(command: MediaCommand): void;
  onEvent(listener: (event: MediaEvent) => void): () => void;
  onConnected(listener: () => void): () => void;
  onDisconnected(listener: (loss: MediaHostLoss) => void): () => void;
  readonly connected: boolean;
}

/** What a transport gives the link for one attached page. */
export interface MediaHostPage {
  deliver(command: MediaCommand): void;
}

/**
 * The one media host link, used by both transports: the Electron window's IPC and the browser
 * edition's WebSocket only attach a page, hand over what it sends, and say when it is gone. The
 * handshake, readiness, command failures and listener sets live here once.
 */
export class MediaHostConnection implements MediaHostLink {
  private page: MediaHostPage | null = null;
  private ready = false;
  private readonly eventListeners = new Set<(event: MediaEvent) => void>();
  private readonly connectedListeners = new Set<() => void>();
  private readonly disconnectedListeners = new Set<(loss: MediaHostLoss) => void>();

  constructor(private readonly logger: Logger) {}

  get connected(): boolean {
    return this.ready;
  }

  /** A page is there to take commands; it counts as connected once it says `ready`. */
  attach(page: MediaHostPage): void {
    if (this.page) this.detach('replaced by another page', { documentGone: false });
    this.page = page;
    this.ready = false;
  }

  /** A message from the attached page, parsed here; anything malformed is dropped with its reason. */
  receive(page: MediaHostPage, raw: unknown): void {
    if (page !== this.page) return;
    const parsed = mediaEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.logger.warn('Dropped a malformed media host event', { reason: parsed.error.message.slice(0, 500) });
      return;
    }
    const event = parsed.data;
    if (event.type === 'goodbye') {
      // The page is going away and ends its calls and tracks in the same task: it is gone from here.
      this.detach('the audio window was closed', { documentGone: true }, page);
      return;
    }
    if (event.type === 'ready') {
      if (this.ready) {
        this.logger.warn('The media host said ready twice; ignoring the second');
        return;
      }
      this.ready = true;
      this.dispatch(event);
      for (const listener of [...this.connectedListeners]) this.safely(listener);
      return;
    }
    this.dispatch(event);
  }

  /**
   * The page is gone (window closed, crashed, reloaded, socket dropped). `documentGone`: the page's
   * document or process no longer exists, so nothing it held can still capture.
   */
  detach(cause: string, options: { readonly documentGone: boolean }, page: MediaHostPage | null = this.page): void {
    if (page === null || page !== this.page) return;
    const wasReady = this.ready;
    const loss: MediaHostLoss = { cause, microphoneReleased: options.documentGone };
    this.page = null;
    this.ready = false;
    if (!wasReady) return;
    for (const listener of [...this.disconnectedListeners]) this.safely(() => listener(loss));
  }

  get attached(): boolean {
    return this.page !== null;
  }

  send(command: MediaCommand): void {
    const page = this.page;
    if (!this.ready || !page) {
      // Never lost silently: the sender learns it failed, with the call it was for.
      queueMicrotask(() =>
        this.dispatch({
          type: 'commandFailed',
          command: command.type,
          callId: 'callId' in command ? command.callId : null,
          reason: 'The audio engine is not running right now.',
        }),
      );
      return;
    }
    try {
      page.deliver(command);
    } catch (error) {
      this.logger.warn('Could not deliver a command to the media host', { command: command.type, error });
      this.detach('the page could not be reached', { documentGone: false }, page);
    }
  }

  onEvent(listener: (event: MediaEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  onDisconnected(listener: (loss: MediaHostLoss) => void): () => void {
    this.disconnectedListeners.add(listener);
    return () => this.disconnectedListeners.delete(listener);
  }

  private dispatch(event: MediaEvent): void {
    for (const listener of [...this.eventListeners]) this.safely(() => listener(event));
  }

  private safely(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.logger.error('A media host listener threw', { error });
    }
  }
}
