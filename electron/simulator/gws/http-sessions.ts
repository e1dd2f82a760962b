import { randomBytes, randomUUID } from 'node:crypto';

export interface HttpSession {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  lastSeenAt: number;
}

export type SessionListener = (session: HttpSession) => void;

const sessionAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
// [INF] Tomcat's default; GWS does not document its own.
const defaultIdleTimeoutMs = 30 * 60 * 1000;

/** Servlet-style HTTP sessions: JSESSIONID, one CSRF token each, idle expiry. */
export class HttpSessionStore {
  private readonly sessions = new Map<string, HttpSession>();
  private readonly listeners = new Set<SessionListener>();

  constructor(
    private readonly now: () => number,
    private readonly idleTimeoutMs = defaultIdleTimeoutMs,
  ) {}

  /** Hears every session that ends by invalidation or expiry (not by clear()). */
  onEnd(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(userId: string): HttpSession {
    this.expireIdle();
    const bytes = randomBytes(24);
    let id = '';
    for (const byte of bytes) id += sessionAlphabet.charAt(byte % sessionAlphabet.length);
    const session: HttpSession = { id, userId, csrfToken: randomUUID(), lastSeenAt: this.now() };
    this.sessions.set(id, session);
    return session;
  }

  /** The live session with this id, marked as used. */
  get(id: string | undefined): HttpSession | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.now() - session.lastSeenAt > this.idleTimeoutMs) {
      this.end(session);
      return undefined;
    }
    session.lastSeenAt = this.now();
    return session;
  }

  invalidate(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.end(session);
    return true;
  }

  invalidateUser(userId: string): number {
    const mine = [...this.sessions.values()].filter((session) => session.userId === userId);
    for (const session of mine) this.end(session);
    return mine.length;
  }

  /** Forgets every session at once, as a server restart does. */
  clear(): void {
    this.sessions.clear();
  }

  count(): number {
    this.expireIdle();
    return this.sessions.size;
  }

  private expireIdle(): void {
    const now = this.now();
    for (const session of [...this.sessions.values()]) {
      if (now - session.lastSeenAt > this.idleTimeoutMs) this.end(session);
    }
  }

  private end(session: HttpSession): void {
    this.sessions.delete(session.id);
    for (const listener of [...this.listeners]) listener(session);
  }
}
