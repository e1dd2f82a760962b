import faye from 'faye';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const notificationsPath = '/api/v2/notifications';

/** Who a Bayeux client acts for: the user, and the HTTP session whose end also ends the client. */
export interface BayeuxIdentity {
  readonly userId: string;
  readonly sessionId: string;
}

export interface BayeuxHubOptions {
  /** Authenticates one Bayeux HTTP request (cookie or Basic); may set a session cookie on the response. */
  readonly authenticate: (req: IncomingMessage, res: ServerResponse) => BayeuxIdentity | null;
  /** Seconds a long-poll is held; GWS's sample advice says 30 s. */
  readonly longPollSeconds?: number;
  readonly log?: (line: string) => void;
}

// GWS is a CometD server: long-polling only (gws-api.md §3.1 says WebSockets are not supported).
const connectionTypes = ['long-polling', 'callback-polling'];
const privatePrefix = /^\/u\/[0-9a-f]{32}(?=\/)/;

function isProtocolChannel(channel: string): boolean {
  return channel.startsWith('/meta/') || channel.startsWith('/service/');
}

/**
 * The CometD endpoint, on faye. faye's channels are global, but GWS topics (/v2/me/…) are per user:
 * an incoming extension rewrites each subscription to a private channel under /u/{userId}, the
 * simulator publishes there, and an outgoing extension maps channel names back, so each client
 * sees only its own user's events on the channel it subscribed to.
 */
export class BayeuxHub {
  private readonly adapter: faye.NodeAdapter;
  private server: faye.BayeuxServer | null = null;
  private readonly clients = new Map<string, BayeuxIdentity>();
  private readonly requestIdentities = new WeakMap<IncomingMessage, BayeuxIdentity | null>();
  private readonly options: BayeuxHubOptions;
  private closed = false;
  private blocked = false;

  constructor(options: BayeuxHubOptions) {
    this.options = options;
    this.adapter = new faye.NodeAdapter({ mount: notificationsPath, timeout: options.longPollSeconds ?? 30 });
    this.adapter.addExtension({
      added: (server) => {
        this.server = server;
      },
      incoming: (message, request, callback) => callback(this.incoming(message, request)),
      outgoing: (message, request, callback) => callback(this.outgoing(message, request)),
    });
    this.adapter.on('disconnect', (clientId) => {
      this.clients.delete(clientId);
    });
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.closed || this.blocked) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('CometD is unavailable');
      return;
    }
    this.requestIdentities.set(req, this.options.authenticate(req, res));
    this.adapter.handle(req, res);
  }

  /** Delivers `data` on `topic` (e.g. /v2/me/devices) to every client of that user. */
  publish(userId: string, topic: string, data: Record<string, unknown>): void {
    if (this.closed || !this.server) return;
    this.server.process({ channel: `/u/${userId}${topic}`, data }, null, () => undefined);
  }

  /**
   * While blocked, every Bayeux request is answered 503 and the clients are forgotten (their held
   * long-polls end), as when a proxy in front of GWS stops passing CometD but REST still gets through.
   */
  setBlocked(blocked: boolean): void {
    if (blocked && !this.blocked) this.dropAll();
    this.blocked = blocked;
  }

  clientCount(): number {
    return this.clients.size;
  }

  /** Forgets every client: each one's next /meta/connect fails with 402::Unknown client. */
  dropAll(): number {
    return this.drop([...this.clients.keys()]);
  }

  dropSession(sessionId: string): number {
    return this.drop(
      [...this.clients].filter(([, identity]) => identity.sessionId === sessionId).map(([clientId]) => clientId),
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clients.clear();
    this.adapter.close();
  }

  private drop(clientIds: readonly string[]): number {
    for (const clientId of clientIds) {
      this.clients.delete(clientId);
      this.server?.process({ channel: '/meta/disconnect', clientId }, null, () => undefined);
    }
    if (clientIds.length > 0) this.options.log?.(`bayeux: dropped ${clientIds.length} client(s)`);
    return clientIds.length;
  }

  private incoming(message: faye.BayeuxMessage, request: IncomingMessage | null): faye.BayeuxMessage {
    if (request === null) return message;
    const channel = typeof message.channel === 'string' ? message.channel : '';
    if (channel === '/meta/handshake') {
      if (!this.requestIdentities.get(request)) message.error = '401::Authentication required';
      return message;
    }
    if (channel === '/meta/subscribe' || channel === '/meta/unsubscribe') {
      const identity = message.clientId ? this.clients.get(message.clientId) : undefined;
      if (identity && message.subscription !== undefined) {
        message.subscription = mapSubscription(message.subscription, (name) =>
          isProtocolChannel(name) ? name : `/u/${identity.userId}${name}`,
        );
      }
      return message;
    }
    if (channel.startsWith('/meta/')) return message;
    message.error = '403::Publishing is not allowed';
    return message;
  }

  private outgoing(message: faye.BayeuxMessage, request: IncomingMessage | null): faye.BayeuxMessage {
    if (typeof message.error === 'string' && /^401:[^:]*:Unknown client$/.test(message.error)) {
      // faye says 401; the CometD server behind GWS says 402, and clients re-handshake on either.
      message.error = '402::Unknown client';
    }
    switch (message.channel) {
      case '/meta/handshake': {
        message.supportedConnectionTypes = connectionTypes;
        const identity = request ? this.requestIdentities.get(request) : null;
        if (message.successful && message.clientId && identity) {
          this.clients.set(message.clientId, identity);
        } else if (!message.successful) {
          message.advice = { reconnect: 'none', interval: 0 };
        }
        return message;
      }
      case '/meta/subscribe':
      case '/meta/unsubscribe':
        if (message.subscription !== undefined)
          message.subscription = mapSubscription(message.subscription, toPublicChannel);
        return message;
      default:
        if (typeof message.channel === 'string') message.channel = toPublicChannel(message.channel);
        return message;
    }
  }
}

function toPublicChannel(channel: string): string {
  return channel.replace(privatePrefix, '');
}

function mapSubscription(subscription: string | string[], map: (name: string) => string): string | string[] {
  if (Array.isArray(subscription)) return subscription.map((name) => (typeof name === 'string' ? map(name) : name));
  return typeof subscription === 'string' ? map(subscription) : subscription;
}
