import type { AppState } from '../../common/models/app-state';
import { err, ok, type AppError, type Result } from '../../common/result';
import type { Logger } from '../platform/logger';
import type { TrustedCas } from '../trust/ca-certificates';
import { createSessionTrust } from '../trust/session-trust';
import {
  signedIn,
  signedOut,
  signingIn,
  withConnection,
  withTeamAgents,
  withTeamError,
  withTeamLoad,
} from '../state/app-state-reducers';
import { updateAppState, type AppStore } from '../state/app-store';
import { GwsApi } from './gws-api';
import { HttpTransport, type BasicCredentials } from './http-transport';
import { NotificationChannel, type ChannelStatus } from './notification-channel';
import { TeamRoster, type TeamRefreshSettings } from './team-roster';
import type { NotificationEnvelope } from './wire/notifications';
import type { WireUser } from './wire/users';

export interface SignInTarget {
  readonly baseUrl: string;
  readonly isDemo: boolean;
  readonly credentials: BasicCredentials;
  /** The server profile's CA, trusted besides the system's for this session; absent for none. */
  readonly privateCa?: TrustedCas | null;
}

export interface SupervisorSessionOptions {
  readonly store: AppStore;
  readonly logger: Logger;
  readonly now?: () => number;
  /** How the team is read and kept current; the default budget is 2 requests a second. */
  readonly teamRefresh?: Partial<TeamRefreshSettings>;
  /** How long "reconnecting" lasts before the header says "offline" (retries go on). */
  readonly offlineAfterMs?: number;
  readonly requestTimeoutMs?: number;
  readonly cometdBackoff?: { incrementMs: number; maxMs: number };
}

export const notificationTopics = ['/v2/me/devices', '/v2/me/calls', '/v2/me/chats', '/v2/me/smssessions'] as const;
const contactCenterChannels = ['voice', 'chat', 'sms'] as const;
const supervisorRole = 'ROLE_SUPERVISOR';
const cancelledSignIn: Result<null> = err('cancelled', 'Sign-in cancelled.');

/** What Earshot last learnt about one of the two ways it talks to GWS. */
type LinkHealth = 'up' | 'down' | 'unknown';

/** The GWS side of one signed-in supervisor: REST session, CometD, team roster, recovery. */
interface LiveSession {
  readonly target: SignInTarget;
  readonly http: HttpTransport;
  readonly api: GwsApi;
  readonly channel: NotificationChannel;
  readonly roster: TeamRoster;
  ended: boolean;
  /** CometD: live updates. */
  liveUpdates: LinkHealth;
  /** REST: the team poll and every command. */
  requests: LinkHealth;
  /** Why the last failing link failed, in words for the header. */
  problem: string | null;
}

const liveUpdatesDownMessage =
  'Live updates from the contact center are not getting through. The team still refreshes every few seconds, but calls and chats may show late. Earshot keeps retrying.';

/**
 * Signs the supervisor in and keeps the session alive: reconnects CometD with backoff, re-reads state
 * after every reconnection (gws-api.md "recovering existing state"), and signs in again by itself
 * when the server forgot the HTTP session (restart). Only when the server refuses the credentials
 * does the supervisor go back to the sign-in screen, with the reason.
 */
export class SupervisorSession {
  private live: LiveSession | null = null;
  /** Each sign-in's number; cancelling moves it on, so the attempt in flight sees it is no longer wanted. */
  private signInAttempt = 0;
  /** Answers the sign-in in flight as cancelled, without waiting for its requests. */
  private answerCancelled: (() => void) | null = null;
  private reauthenticating: Promise<void> | null = null;
  private offlineTimer: NodeJS.Timeout | null = null;
  private readonly notificationListeners = new Set<(notification: NotificationEnvelope) => void>();
  private readonly snapshotListeners = new Set<(user: WireUser) => void>();
  private readonly now: () => number;

  constructor(private readonly options: SupervisorSessionOptions) {
    this.now = options.now ?? Date.now;
  }

  get api(): GwsApi | null {
    return this.live?.api ?? null;
  }

  /** The team rows the UI shows now, top to bottom: the roster refreshes them first. */
  showRows(agentIds: readonly string[]): void {
    this.live?.roster.showRows(agentIds);
  }

  onNotification(listener: (notification: NotificationEnvelope) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  /**
   * The signed-in user with all subresources (devices, calls, chats…), read at sign-in and after
   * every reconnection: listeners rebuild their state from it, so nothing missed stays stale.
   */
  onUserSnapshot(listener: (user: WireUser) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  async signIn(target: SignInTarget): Promise<Result<null>> {
    const status = this.options.store.getState().connection.status;
    if (status === 'signing-in' || status === 'signing-out') {
      return err('busy', 'Earshot is already signing in or out. Wait a moment.');
    }
    if (this.live) await this.signOut();
    this.update((state) => signingIn(state, this.now()));
    const attempt = ++this.signInAttempt;
    // Cancel answers the supervisor at once; the attempt goes on in the background only to undo itself.
    let answerCancelled = (): void => {};
    const cancelled = new Promise<Result<null>>((resolve) => {
      answerCancelled = () => resolve(cancelledSignIn);
    });
    this.answerCancelled = answerCancelled;
    return Promise.race([this.attemptSignIn(target, attempt), cancelled]).finally(() => {
      if (this.answerCancelled === answerCancelled) this.answerCancelled = null;
    });
  }

  private async attemptSignIn(target: SignInTarget, attempt: number): Promise<Result<null>> {
    const logger = this.options.logger;
    const http = new HttpTransport({
      baseUrl: target.baseUrl,
      logger,
      timeoutMs: this.options.requestTimeoutMs,
      trust: createSessionTrust(target.privateCa ?? null),
    });
    const api = new GwsApi(http, logger);

    const me = await api.getMe({ subresources: '*', basicAuth: target.credentials });
    if (attempt !== this.signInAttempt) return cancelledSignIn;
    if (!me.ok) return this.failSignIn(describeSignInFailure(me.error, target));
    if (!me.value.roles.includes(supervisorRole)) {
      return this.failSignIn({
        code: 'not-supervisor',
        message: `${me.value.userName} signed in, but is not a supervisor in Genesys. Earshot needs a user with the Supervisor role.`,
        detail: `roles: ${me.value.roles.join(', ') || 'none'}`,
      });
    }

    const live: LiveSession = {
      target,
      http,
      api,
      ended: false,
      liveUpdates: 'unknown',
      requests: 'up',
      problem: null,
      channel: new NotificationChannel({
        http,
        logger: logger.child('cometd'),
        topics: notificationTopics,
        backoffIncrementMs: this.options.cometdBackoff?.incrementMs,
        maxBackoffMs: this.options.cometdBackoff?.maxMs,
        handlers: {
          onStatus: (channelStatus, detail) => this.onChannelStatus(live, channelStatus, detail),
          onNotification: (notification) => this.dispatch(live, notification),
          onReestablished: () => this.inBackground('re-read state after reconnecting', this.resync(live)),
          onUnauthorized: () => this.inBackground('sign in again', this.reauthenticate(live)),
        },
      }),
      roster: new TeamRoster({
        api,
        logger: logger.child('team'),
        now: this.now,
        selfId: me.value.id,
        refresh: this.options.teamRefresh,
        monitoredAgentIds: () => monitoredAgentIds(this.options.store.getState()),
        onAgents: (change) => {
          if (live.ended) return;
          this.update((state) => withTeamAgents(state, change, this.now()));
          live.requests = 'up';
          this.showHealth(live);
        },
        onLoad: (load) => {
          if (!live.ended) this.update((state) => withTeamLoad(state, load));
        },
        onError: (error) => this.onRestFailure(live, error),
        onAnswered: () => {
          if (live.ended) return;
          // A read answered again: the team is current, and the stale-team notice goes.
          this.update((state) =>
            state.team.error === null ? state : { ...state, team: { ...state.team, error: null } },
          );
          if (live.requests === 'up') return;
          live.requests = 'up';
          this.showHealth(live);
        },
      }),
    };
    this.live = live;

    const subscribed = await live.channel.start();
    if (attempt !== this.signInAttempt) return this.abandonSignIn(live, false);
    if (!subscribed.ok) {
      await live.channel.stop();
      this.live = null;
      return this.failSignIn(subscribed.error);
    }
    const started = await api.startContactCenterSession(contactCenterChannels);
    if (attempt !== this.signInAttempt) return this.abandonSignIn(live, started.ok);
    if (!started.ok) {
      await live.channel.stop();
      this.live = null;
      return this.failSignIn(started.error);
    }

    const displayName = [me.value.firstName, me.value.lastName].filter(Boolean).join(' ') || me.value.userName;
    this.update((state) =>
      signedIn(
        state,
        {
          supervisor: { id: me.value.id, userName: me.value.userName, displayName },
          server: { baseUrl: target.baseUrl, isDemo: target.isDemo },
          ...(started.value.notStarted.length > 0 ? { channelsNotStarted: started.value.notStarted } : {}),
        },
        this.now(),
      ),
    );
    this.publishSnapshot(me.value);
    // The first page shows at once; a large team goes on loading with its progress on screen.
    await live.roster.start();
    logger.info('Signed in', { userName: me.value.userName, baseUrl: target.baseUrl });
    return ok(null);
  }

  /**
   * Stops a sign-in in progress: the form is back at once, and the attempt, when its request
   * answers, undoes whatever it had set up instead of going on.
   */
  cancelSignIn(): Result<null> {
    if (this.options.store.getState().connection.status !== 'signing-in') return ok(null);
    this.signInAttempt += 1;
    this.options.logger.info('Sign-in cancelled by the supervisor');
    this.update((state) => signedOut(state, null, this.now()));
    this.answerCancelled?.();
    return ok(null);
  }

  private async abandonSignIn(live: LiveSession, sessionStarted: boolean): Promise<Result<null>> {
    live.ended = true;
    if (this.live === live) this.live = null;
    await live.channel.stop();
    if (sessionStarted) await live.api.endContactCenterSession();
    return cancelledSignIn;
  }

  /** Ends the contact-center session: CometD first, then EndContactCenterSession (gws-api.md §2.7). */
  async signOut(): Promise<Result<null>> {
    const live = this.live;
    if (!live) return ok(null);
    this.update((state) => withConnection(state, 'signing-out', null, this.now()));
    await this.end(live);
    const ended = await live.api.endContactCenterSession();
    if (!ended.ok)
      this.options.logger.warn('EndContactCenterSession failed', { reason: ended.error.detail ?? ended.error.message });
    this.update((state) => signedOut(state, null, this.now()));
    return ok(null);
  }

  /**
   * The computer woke up or its network changed: what was open may be dead without knowing it. Hand-
   * shake live updates again now (state is re-read once that succeeds) rather than waiting for timeouts.
   */
  networkChanged(): void {
    const live = this.live;
    if (!live || live.ended) return;
    live.channel.reconnectNow();
  }

  async dispose(): Promise<void> {
    await this.signOut();
  }

  private async end(live: LiveSession): Promise<void> {
    live.ended = true;
    if (this.live === live) this.live = null;
    this.clearOfflineTimer();
    live.roster.stop();
    await live.channel.stop();
  }

  private failSignIn(error: AppError): Result<null> {
    this.options.logger.warn('Sign-in failed', { code: error.code, detail: error.detail });
    this.update((state) => signedOut(state, error, this.now()));
    return { ok: false, error };
  }

  private publishSnapshot(user: WireUser): void {
    for (const listener of this.snapshotListeners) {
      try {
        listener(user);
      } catch (error) {
        this.options.logger.error('A state snapshot handler failed', { error });
      }
    }
  }

  private dispatch(live: LiveSession, notification: NotificationEnvelope): void {
    if (live.ended) return;
    for (const listener of this.notificationListeners) {
      try {
        listener(notification);
      } catch (error) {
        this.options.logger.error('A notification handler failed', {
          messageType: notification.data.messageType,
          error,
        });
      }
    }
  }

  private onChannelStatus(live: LiveSession, status: ChannelStatus, detail: string | null): void {
    if (live.ended || status === 'stopped' || status === 'connecting') return;
    if (status === 'connected') {
      live.liveUpdates = 'up';
      this.showHealth(live);
      return;
    }
    if (live.liveUpdates !== 'down') {
      // Whether REST still works is not known until it is asked; the roster's steady refresh asks
      // within its budget's interval (half a second at 2 requests/s), and its answer says.
      live.liveUpdates = 'down';
      live.requests = 'unknown';
    }
    live.problem = detail ?? 'Reconnecting to the contact center…';
    this.showHealth(live);
  }

  private onRestFailure(live: LiveSession, error: AppError): void {
    if (live.ended) return;
    if (error.code === 'unauthorized') {
      this.inBackground('sign in again', this.reauthenticate(live));
      return;
    }
    if (error.code === 'unreachable' || error.code === 'timeout') {
      live.requests = 'down';
      live.problem = 'The contact center is not answering; retrying…';
      this.showHealth(live);
      return;
    }
    this.update((state) => withTeamError(state, staleTeamError(error, state.team.refreshedAt)));
  }

  /**
   * The header's status from what is known of both links. It never says Connected while CometD
   * is down, whatever the team poll says, and never blames CometD alone before REST has answered.
   */
  private showHealth(live: LiveSession): void {
    if (live.ended || this.reauthenticating) return;
    if (live.requests === 'down') {
      this.setReconnecting(live.problem ?? 'The contact center is not answering; retrying…');
    } else if (live.liveUpdates === 'down') {
      if (live.requests === 'up') this.setLiveUpdatesDown();
      else this.setReconnecting(live.problem ?? 'Reconnecting to the contact center…');
    } else {
      this.setConnected();
    }
  }

  /** After a reconnection nothing shown may be stale: re-read own devices and the team. */
  private async resync(live: LiveSession): Promise<void> {
    if (live.ended) return;
    const me = await live.api.getMe({ subresources: '*' });
    if (!me.ok) {
      this.onRestFailure(live, me.error);
      return;
    }
    this.publishSnapshot(me.value);
    live.requests = 'up';
    await live.roster.reload();
    this.showHealth(live);
    this.options.logger.info('State re-read after reconnection');
  }

  /**
   * The server no longer knows the HTTP session. Sign in again with the credentials this session
   * holds (they never leave main); give up only when the server refuses them.
   */
  private reauthenticate(live: LiveSession): Promise<void> {
    this.reauthenticating ??= (async () => {
      this.setReconnecting('The contact center ended the session; signing in again…');
      live.http.forgetSession();
      for (let attempt = 0; !live.ended; attempt += 1) {
        const me = await live.api.getMe({ subresources: '*', basicAuth: live.target.credentials });
        if (live.ended) return;
        if (me.ok) {
          const started = await live.api.startContactCenterSession(contactCenterChannels);
          if (!started.ok)
            this.options.logger.warn('StartContactCenterSession failed after re-authentication', {
              reason: started.error.detail,
            });
          live.channel.resume();
          this.options.logger.info('Signed in again after the session expired');
          return;
        }
        if (me.error.code === 'unauthorized') {
          await this.end(live);
          this.update((state) =>
            signedOut(
              state,
              {
                code: 'session-expired',
                message:
                  'Your contact-center session ended and the server no longer accepts your password. Sign in again.',
                detail: me.error.detail,
              },
              this.now(),
            ),
          );
          return;
        }
        await delay(Math.min(1_000 * 2 ** attempt, 10_000));
      }
    })().finally(() => {
      this.reauthenticating = null;
      if (!live.ended) this.inBackground('re-read state after signing in again', this.resync(live));
    });
    return this.reauthenticating;
  }

  /** Work started by an event runs on its own; a failure in it is logged, never left unhandled. */
  private inBackground(what: string, task: Promise<unknown>): void {
    task.catch((error: unknown) => this.options.logger.error(`Could not ${what}`, { error }));
  }

  private setLiveUpdatesDown(): void {
    this.clearOfflineTimer();
    this.update((state) =>
      state.session ? withConnection(state, 'live-updates-down', liveUpdatesDownMessage, this.now()) : state,
    );
  }

  private setConnected(): void {
    this.clearOfflineTimer();
    this.update((state) => (state.session ? withConnection(state, 'connected', null, this.now()) : state));
  }

  private setReconnecting(message: string): void {
    const current = this.options.store.getState().connection.status;
    if (current === 'offline') return;
    this.update((state) => (state.session ? withConnection(state, 'reconnecting', message, this.now()) : state));
    if (this.offlineTimer) return;
    this.offlineTimer = setTimeout(() => {
      this.offlineTimer = null;
      const clock = clockTime(this.options.store.getState().connection.since);
      this.update((state) =>
        state.connection.status === 'reconnecting'
          ? withConnection(
              state,
              'offline',
              `No connection to the contact center since ${clock}. Earshot keeps retrying.`,
              this.now(),
            )
          : state,
      );
    }, this.options.offlineAfterMs ?? 20_000);
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
  }

  private update(transition: Parameters<typeof updateAppState>[1]): void {
    updateAppState(this.options.store, transition);
  }
}

/** Agents the supervisor monitors (voice, chat, SMS): kept as fresh as the rows on screen. */
function monitoredAgentIds(state: AppState): string[] {
  const ids = state.messaging.subscriptions.map((subscription) => subscription.agentId);
  const voiceAgent = state.voice.subscription?.agentId;
  return voiceAgent ? [voiceAgent, ...ids] : ids;
}

/** A failed background read keeps the team last read; the notice says how old it is and that reads go on. */
function staleTeamError(error: AppError, refreshedAt: number | null): AppError {
  const shown =
    refreshedAt === null
      ? 'Earshot keeps trying.'
      : `The team shown is from ${clockTime(refreshedAt)}; Earshot keeps trying.`;
  return { ...error, message: `The team could not be refreshed. ${error.message} ${shown}` };
}

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function describeSignInFailure(error: AppError, target: SignInTarget): AppError {
  if (error.code === 'unauthorized') {
    return { ...error, message: 'Wrong user name or password. Check them and try again.' };
  }
  if (error.code === 'unreachable' && target.isDemo) {
    return { ...error, message: 'The demo contact center did not start. Restart Earshot and try again.' };
  }
  return error;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
