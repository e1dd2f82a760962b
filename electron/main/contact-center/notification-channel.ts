import { CometD, type Message } from 'cometd';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from '../platform/logger';
import { ensureCometdNodeAdapter, SessionLongPollingTransport } from './cometd-node';
import type { HttpTransport } from './http-transport';
import { notificationEnvelopeSchema, type NotificationEnvelope } from './wire/notifications';

export type ChannelStatus = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface NotificationChannelHandlers {
  onStatus(status: ChannelStatus, detail: string | null): void;
  onNotification(notification: NotificationEnvelope): void;
  /** The server forgot this client (drop, restart) and a new handshake succeeded: state may be stale. */
  onReestablished(): void;
  /** The HTTP session behind the CometD session is gone (401): the owner must sign in again. */
  onUnauthorized(): void;
}

export interface NotificationChannelOptions {
  readonly http: HttpTransport;
  readonly logger: Logger;
  readonly topics: readonly string[];
  readonly handlers: NotificationChannelHandlers;
  readonly firstHandshakeTimeoutMs?: number;
  /** Backoff between reconnection attempts grows by this much up to maxBackoffMs. */
  readonly backoffIncrementMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * GWS notifications over Bayeux long-polling with the official CometD client (gws-api.md §3).
 * Subscriptions are renewed on every successful handshake, because a re-handshake clears them.
 */
export class NotificationChannel {
  private readonly cometd: CometD;
  private readonly url: string;
  private handshakes = 0;
  private connected = false;
  /** Connected at least once since the last handshake, so a later successful connect is a recovery. */
  private connectedSinceHandshake = false;
  private stopped = false;
  private rehandshaking = false;
  private readonly requestHeaders: Record<string, string> = {};

  constructor(private readonly options: NotificationChannelOptions) {
    ensureCometdNodeAdapter();
    this.cometd = new CometD();
    this.url = `${options.http.baseUrl}/api/v2/notifications`;
    // GWS supports long-polling only (gws-api.md §3.1), sent the way this session's REST requests go.
    this.cometd.unregisterTransports();
    this.cometd.registerTransport(
      'long-polling',
      new SessionLongPollingTransport({
        fetch: options.http.trust.fetch,
        cookieHeader: (url) => options.http.cookieHeaderFor(url),
      }),
    );
    this.cometd.configure({
      url: this.url,
      // One URL for every Bayeux message: reverse proxies in front of GWS commonly forward only the
      // exact /api/v2/notifications path, and GWS reads the message type from the body anyway.
      appendMessageTypeToURL: false,
      logLevel: 'warn',
      requestHeaders: this.requestHeaders,
      backoffIncrement: options.backoffIncrementMs ?? 500,
      maxBackoff: options.maxBackoffMs ?? 8_000,
      maxNetworkDelay: 15_000,
    });
    this.cometd.addListener('/meta/handshake', (message) => this.onHandshake(message));
    this.cometd.addListener('/meta/connect', (message) => this.onConnect(message));
  }

  /** Resolves once the first handshake and subscriptions have succeeded. */
  start(): Promise<Result<null>> {
    this.refreshHeaders();
    this.options.handlers.onStatus('connecting', null);
    const timeoutMs = this.options.firstHandshakeTimeoutMs ?? 10_000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve(
          err(
            'unreachable',
            'Connected to the contact center, but its notification service (CometD) did not answer. Try again in a moment.',
            `no handshake within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.cometd.handshake((reply) => {
        if (!reply.successful) return;
        clearTimeout(timer);
        resolve(ok(null));
      });
    });
  }

  /** After the owner re-authenticated: carry the new CSRF token, and handshake again if CometD gave up. */
  resume(): void {
    this.refreshHeaders();
    if (this.cometd.isDisconnected()) this.cometd.handshake();
  }

  /**
   * After a network change the long-poll in flight may sit on a dead connection until its timeout, and
   * a reconnected long-poll learns nothing for up to 30 s: drop it and handshake again, so the server
   * answers at once, the topics are subscribed afresh and the owner re-reads state (onReestablished).
   */
  reconnectNow(): void {
    if (this.stopped || this.rehandshaking) return;
    this.rehandshaking = true;
    const handshakeAgain = (): void => {
      this.rehandshaking = false;
      // CometD handshakes only from "disconnected"; its disconnect answers even when the server does not.
      if (!this.stopped && this.cometd.isDisconnected()) this.cometd.handshake();
    };
    this.cometd.getTransport()?.abort();
    if (this.cometd.isDisconnected()) handshakeAgain();
    else this.cometd.disconnect(handshakeAgain);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      this.cometd.disconnect(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.options.handlers.onStatus('stopped', null);
  }

  private refreshHeaders(): void {
    for (const key of Object.keys(this.requestHeaders)) delete this.requestHeaders[key];
    Object.assign(this.requestHeaders, this.options.http.csrfHeaders());
  }

  private onHandshake(message: Message): void {
    if (this.stopped) return;
    if (!message.successful) {
      const failure = (message as Message & { failure?: { httpCode?: number; reason?: string } }).failure;
      const unauthorized = failure?.httpCode === 401 || /^40[13]::/.test(message.error ?? '');
      this.options.logger.warn('CometD handshake failed', {
        error: message.error,
        httpCode: failure?.httpCode,
        reason: failure?.reason,
      });
      if (unauthorized) this.options.handlers.onUnauthorized();
      this.setDisconnected('The contact center is not answering; reconnecting…');
      return;
    }
    this.handshakes += 1;
    this.connectedSinceHandshake = false;
    this.cometd.batch(() => {
      for (const topic of this.options.topics) {
        this.cometd.subscribe(
          topic,
          (delivery) => this.onDelivery(delivery),
          (reply) => {
            if (!reply.successful)
              this.options.logger.error('CometD subscription refused', { topic, error: reply.error });
          },
        );
      }
    });
    if (this.handshakes > 1) {
      this.options.logger.info('CometD session re-established', { handshakes: this.handshakes });
      this.options.handlers.onReestablished();
    }
  }

  private onConnect(message: Message): void {
    if (this.stopped || this.cometd.isDisconnected()) return;
    if (message.successful) {
      if (!this.connected) {
        this.connected = true;
        this.options.handlers.onStatus('connected', null);
        // Back on the same CometD session after a lost connection: what the server sent into the dead
        // one is gone (a long-poll answered onto a broken socket), so state is re-read as after a handshake.
        if (this.connectedSinceHandshake) {
          this.options.logger.info('CometD connection restored; re-reading state');
          this.options.handlers.onReestablished();
        }
        this.connectedSinceHandshake = true;
      }
    } else {
      this.setDisconnected('Lost the connection to the contact center; reconnecting…');
    }
  }

  private setDisconnected(detail: string): void {
    if (this.connected || this.handshakes > 0) {
      this.connected = false;
      this.options.handlers.onStatus('reconnecting', detail);
    }
  }

  private onDelivery(delivery: Message): void {
    const parsed = notificationEnvelopeSchema.safeParse({ channel: delivery.channel, data: delivery.data });
    if (!parsed.success) {
      this.options.logger.warn('Skipped a malformed notification', {
        channel: delivery.channel,
        reason: parsed.error.message,
      });
      return;
    }
    this.options.handlers.onNotification(parsed.data);
  }
}
