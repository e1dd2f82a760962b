import type { MediaCommand, MediaEvent } from '../../common/contract/media-host-contract';
import type { MediaHostLink } from './media-host-link';
import type { Logger } from '../platform/logger';

/**
 * The one SIP server the media page may open a WebSocket to: its Content-Security-Policy allows
 * exactly this address (connect-src), so a page that was tricked into connecting elsewhere cannot.
 * Main learns the address when the supervisor signs in, usually after the page has loaded; the
 * page is then reloaded to get the new policy (guardMediaLink).
 */
export class MediaPagePolicy {
  private sipSource: string | null = null;
  private version = 0;

  /** The CSP source for the SIP server, or null before any sign-in. */
  get sipServer(): string | null {
    return this.sipSource;
  }

  /** Bumped on every change: a page served with an older one must reload before it may register. */
  get generation(): number {
    return this.version;
  }

  /** Allows this SIP WebSocket address; true when that changed the policy. Null when it cannot be expressed. */
  allow(webSocketUrl: string): boolean | null {
    const source = cspSourceForWebSocketUrl(webSocketUrl);
    if (source === null) return null;
    if (source === this.sipSource) return false;
    this.sipSource = source;
    this.version += 1;
    return true;
  }
}

/**
 * A ws:// or wss:// address as a CSP source that matches it exactly: scheme, host, port and path.
 * Null for anything that is not such an address or holds characters a policy cannot carry.
 */
export function cspSourceForWebSocketUrl(webSocketUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(webSocketUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.username || url.password) return null;
  if (!/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])$/i.test(url.hostname)) return null;
  // `;` and `,` end a directive or a policy; the URL parser leaves them in a path.
  if (!/^\/[A-Za-z0-9\-._~!$&'()*+=:@%/]*$/.test(url.pathname)) return null;
  const port = url.port ? `:${url.port}` : '';
  return `${url.protocol}//${url.hostname}${port}${url.pathname}`;
}

/**
 * Wraps the link to the media page so that the SIP credentials only go to a page whose policy lets
 * it reach that SIP server, and to no other: a `register` for another server changes the policy
 * and reloads the page instead of being sent. When the reloaded page says ready, the SIP
 * controller sends its registration again, as after any media host restart.
 */
export function guardMediaLink(
  link: MediaHostLink,
  policy: MediaPagePolicy,
  options: { readonly reloadPage: () => void; readonly logger: Logger },
): MediaHostLink {
  const eventListeners = new Set<(event: MediaEvent) => void>();
  link.onEvent((event) => {
    for (const listener of [...eventListeners]) listener(event);
  });
  const refuse = (reason: string) => {
    queueMicrotask(() => {
      for (const listener of [...eventListeners]) listener({ type: 'registration', state: 'failed', reason });
    });
  };
  return {
    get connected() {
      return link.connected;
    },
    send(command: MediaCommand) {
      if (command.type === 'register') {
        const changed = policy.allow(command.account.webSocketUrl);
        if (changed === null) {
          options.logger.warn('Refused a SIP address the audio page could not be limited to', {
            webSocketUrl: command.account.webSocketUrl,
          });
          refuse('Earshot cannot use this SIP WebSocket address. Check it in the sign-in form (ws:// or wss://).');
          return;
        }
        if (changed) {
          options.logger.info('The audio page reloads to reach the SIP server of this sign-in', {
            sipServer: policy.sipServer,
          });
          options.reloadPage();
          return;
        }
      }
      link.send(command);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnected: (listener) => link.onConnected(listener),
    onDisconnected: (listener) => link.onDisconnected(listener),
  };
}
