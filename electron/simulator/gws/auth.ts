import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Directory } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { HttpSession, HttpSessionStore } from './http-sessions';

export const sessionCookieName = 'JSESSIONID';
export const csrfHeaderName = 'X-CSRF-TOKEN';

export interface Principal {
  readonly user: DirectoryUser;
  readonly session: HttpSession;
}

interface BasicCredentials {
  readonly userName: string;
  readonly password: string;
}

/** null: no Basic header at all; 'malformed': a Basic header that cannot be decoded. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | null | 'malformed' {
  if (header === undefined) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]*)\s*$/i.exec(header);
  if (!match) return /^Basic\b/i.test(header) ? 'malformed' : null;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export class Authenticator {
  constructor(
    private readonly directory: Directory,
    private readonly sessions: HttpSessionStore,
  ) {}

  /** The session named by the request's JSESSIONID cookie, if it is still alive. */
  cookieSession(req: IncomingMessage): HttpSession | undefined {
    return this.sessions.get(readCookie(req, sessionCookieName));
  }

  /**
   * Basic credentials win over the cookie (a wrong password is refused even with a live session);
   * good credentials reuse the cookie's session when it belongs to the same user, else open a new
   * one and set its cookie on the response.
   */
  authenticate(req: IncomingMessage, res: ServerResponse): Principal | null {
    const cookieSession = this.cookieSession(req);
    const basic = parseBasicAuthorization(req.headers.authorization);
    if (basic === 'malformed') return null;
    if (basic) {
      const user = this.directory.verify(basic.userName, basic.password);
      if (!user) return null;
      if (cookieSession && cookieSession.userId === user.id) return { user, session: cookieSession };
      const session = this.sessions.create(user.id);
      res.setHeader('Set-Cookie', `${sessionCookieName}=${session.id}; Path=/; HttpOnly`);
      return { user, session };
    }
    if (!cookieSession) return null;
    const user = this.directory.byId(cookieSession.userId);
    return user ? { user, session: cookieSession } : null;
  }
}
