import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { GwsApi } from '../../../electron/main/contact-center/gws-api';
import { HttpTransport } from '../../../electron/main/contact-center/http-transport';
import { SupervisorSession } from '../../../electron/main/contact-center/supervisor-session';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { createAppStore, type AppStore } from '../../../electron/main/state/app-store';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { waitFor } from '../../support/wait-for';
import { callControl } from '../../support/simulator-control';

interface ControlAgent {
  id: string;
  userName: string;
  state: string;
}

async function control(simulator: RunningSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  return callControl(simulator.baseUrl, method, path, body);
}

async function agents(simulator: RunningSimulator): Promise<ControlAgent[]> {
  return ((await control(simulator, 'GET', '/state')) as { agents: ControlAgent[] }).agents;
}

function newSession(store: AppStore, options: { offlineAfterMs?: number } = {}) {
  const logger = createMemoryLogger();
  const session = new SupervisorSession({
    store,
    logger,
    teamRefresh: { requestsPerSecond: 20 },
    offlineAfterMs: options.offlineAfterMs ?? 60_000,
    requestTimeoutMs: 3_000,
    cometdBackoff: { incrementMs: 100, maxMs: 400 },
  });
  return { session, logger };
}

describe('the supervisor session against the demo contact center', () => {
  let simulator: RunningSimulator;
  const cleanups: Array<() => Promise<unknown>> = [];

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, seed: 7 });
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await simulator.stop();
  });

  async function signedInSession(options: { offlineAfterMs?: number } = {}) {
    const store = createAppStore();
    const { session, logger } = newSession(store, options);
    cleanups.push(() => session.dispose());
    const result = await session.signIn({ baseUrl: simulator.baseUrl, isDemo: true, credentials: simulator.demo });
    assert.deepEqual(result, { ok: true, value: null });
    return { store, session, logger };
  }

  test('signs in, loads the team, and follows an agent state change', async () => {
    const { store } = await signedInSession();
    const state = store.getState();
    assert.equal(state.connection.status, 'connected');
    assert.equal(state.session?.supervisor.userName, simulator.demo.userName);
    const known = await agents(simulator);
    assert.ok(known.length >= 10);
    assert.equal(state.team.agents.length, known.length);

    const target = known.find((agent) => agent.state !== 'LoggedOut')!;
    await control(simulator, 'POST', `/agents/${target.id}/state`, { state: 'NotReady', reason: 'Meeting' });
    const seen = await waitFor('the new state in the store', () => {
      const agent = store.getState().team.agents.find((candidate) => candidate.id === target.id);
      return agent?.state.kind === 'NotReady' && agent.state.reason === 'Meeting' ? agent : undefined;
    });
    assert.equal(seen.state.label, 'Not Ready');
  });

  test('a dropped CometD connection re-handshakes, re-subscribes and re-reads state', async () => {
    const { store, logger, session } = await signedInSession();
    const notifications: string[] = [];
    session.onNotification((notification) => notifications.push(notification.data.messageType));
    await control(simulator, 'POST', '/cometd/drop');
    await waitFor('a new CometD handshake', () =>
      logger.records.some((record) => record.message === 'CometD session re-established'),
    );
    await waitFor('the state re-read', () =>
      logger.records.some((record) => record.message === 'State re-read after reconnection'),
    );
    assert.equal(store.getState().connection.status, 'connected');
    await waitFor(
      'a live CometD client again',
      async () => ((await control(simulator, 'GET', '/state')) as { bayeuxClients: number }).bayeuxClients >= 1,
    );
  });

  test('a contact-center restart shows reconnecting, then signs in again and resyncs', async () => {
    const { store, logger } = await signedInSession();
    const target = (await agents(simulator)).find((agent) => agent.state !== 'LoggedOut')!;
    const statuses = new Set<string>();
    const unsubscribe = store.subscribe((state) => statuses.add(state.connection.status));
    await simulator.restart(800);
    await control(simulator, 'POST', `/agents/${target.id}/state`, { state: 'AfterCallWork' });
    await waitFor(
      'connected again',
      () => statuses.has('reconnecting') && store.getState().connection.status === 'connected',
      15_000,
    );
    await waitFor(
      'the change made during the outage',
      () => store.getState().team.agents.find((agent) => agent.id === target.id)?.state.kind === 'AfterCallWork',
    );
    unsubscribe();
    assert.ok(logger.records.some((record) => record.message === 'Signed in again after the session expired'));
  });

  test('an expired session whose password no longer works returns to sign-in with the reason', async () => {
    const { store } = await signedInSession();
    await control(simulator, 'POST', `/users/${simulator.demo.userName}/password`, { password: 'changed' });
    try {
      await control(simulator, 'POST', '/sessions/expire', { userName: simulator.demo.userName });
      const state = await waitFor('signed out', () =>
        store.getState().connection.status === 'signed-out' ? store.getState() : undefined,
      );
      assert.equal(state.signInError?.code, 'session-expired');
      assert.equal(state.session, null);
    } finally {
      await control(simulator, 'POST', `/users/${simulator.demo.userName}/password`, {
        password: simulator.demo.password,
      });
    }
  });

  test('CometD blocked while REST answers: never Connected, "live updates down" once REST is confirmed', async () => {
    const { store, session } = await signedInSession();
    await waitFor('connected', () => store.getState().connection.status === 'connected');
    const seen: string[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state.connection.status));
    await control(simulator, 'POST', '/cometd/block', { blocked: true });
    try {
      await waitFor('live updates down', () => store.getState().connection.status === 'live-updates-down', 15_000);
      assert.match(store.getState().connection.message ?? '', /live updates .* not getting through/i);
      // Several team polls succeed meanwhile (150 ms apart); none may say Connected again.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const sinceBlocked = seen.slice(seen.indexOf('live-updates-down'));
      assert.ok(
        sinceBlocked.every((status) => status === 'live-updates-down'),
        `statuses while CometD was blocked: ${[...new Set(seen)].join(', ')}`,
      );
      assert.ok(!seen.includes('connected'), `statuses after the block: ${[...new Set(seen)].join(', ')}`);
    } finally {
      await control(simulator, 'POST', '/cometd/block', { blocked: false });
    }
    await waitFor('connected again', () => store.getState().connection.status === 'connected', 15_000);
    unsubscribe();
    await session.signOut();
  });

  test('with REST down too: reconnecting, offline after a while, connected when it is back', async () => {
    const { store, session } = await signedInSession({ offlineAfterMs: 500 });
    const seen = new Set<string>();
    const unsubscribe = store.subscribe((state) => seen.add(state.connection.status));
    const restarted = simulator.restart(4_000);
    await waitFor('offline', () => store.getState().connection.status === 'offline', 10_000);
    assert.ok(seen.has('reconnecting'));
    assert.match(store.getState().connection.message ?? '', /No connection to the contact center since/);
    await restarted;
    await waitFor('connected again', () => store.getState().connection.status === 'connected', 20_000);
    unsubscribe();
    await session.signOut();
  });

  test('a proxy answering 502 during a session: the team stays, says it is stale and names the proxy, not the address', async () => {
    const { store, session, logger } = await signedInSession();
    const before = store.getState().team.agents;
    await control(simulator, 'POST', '/network', { gws: 'proxy-error' });
    try {
      const error = await waitFor('the team error', () => store.getState().team.error ?? undefined, 10_000);
      assert.equal(error.code, 'gws-unavailable');
      assert.match(error.message, /GWS or a proxy in front of it/);
      assert.match(error.message, /HTTP 502 Bad Gateway/);
      assert.match(error.message, /The team shown is from \d\d:\d\d( [AP]M)?; Earshot keeps trying\./);
      assert.doesNotMatch(error.message, /check the address/i);
      assert.equal(store.getState().team.agents, before, 'the last good team is kept');
      assert.ok(logger.records.some((record) => record.message === 'A GWS request was answered, but not by GWS'));
    } finally {
      await control(simulator, 'POST', '/network', { gws: 'up' });
    }
    await waitFor('the team refreshed again', () => store.getState().team.error === null, 10_000);
    await session.signOut();
  });

  test('a network drop and return: told of the change, it reconnects and re-reads state at once', async () => {
    const { store, session, logger } = await signedInSession();
    await control(simulator, 'POST', '/network', { gws: 'down' });
    try {
      await waitFor('the drop noticed', () => store.getState().connection.status !== 'connected', 10_000);
    } finally {
      await control(simulator, 'POST', '/network', { gws: 'up' });
    }
    const mark = logger.records.length;
    session.networkChanged();
    // Without being told, the reconnected long-poll would learn nothing for up to 30 s.
    await waitFor('connected again', () => store.getState().connection.status === 'connected', 15_000);
    await waitFor('state re-read', () =>
      logger.records.slice(mark).some((record) => record.message === 'State re-read after reconnection'),
    );
    await session.signOut();
  });

  test('sign out ends the contact-center session on the server', async () => {
    const { session, store } = await signedInSession();
    await session.signOut();
    assert.equal(store.getState().connection.status, 'signed-out');
    assert.equal(store.getState().signInError, null);
    const state = (await control(simulator, 'GET', '/state')) as { httpSessions: number };
    assert.equal(state.httpSessions, 0);
  });
});

describe('sign-in failures are typed errors with words a supervisor can act on', () => {
  let simulator: RunningSimulator;
  let notGws: Server;
  let notGwsUrl: string;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    notGws = createServer((_request, response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>intranet</html>'),
    );
    await new Promise<void>((resolve) => notGws.listen(0, '127.0.0.1', resolve));
    notGwsUrl = `http://127.0.0.1:${(notGws.address() as AddressInfo).port}`;
  });

  after(async () => {
    await simulator.stop();
    notGws.closeAllConnections();
    await new Promise((resolve) => notGws.close(resolve));
  });

  async function signInError(baseUrl: string, userName: string, password: string) {
    const store = createAppStore();
    const { session } = newSession(store);
    const result = await session.signIn({ baseUrl, isDemo: false, credentials: { userName, password } });
    await session.dispose();
    assert.equal(result.ok, false);
    assert.deepEqual(store.getState().signInError, result.ok ? null : result.error);
    return result.ok ? null : result.error;
  }

  test('wrong password (HTTP 401)', async () => {
    const error = await signInError(simulator.baseUrl, simulator.demo.userName, 'wrong');
    assert.equal(error?.code, 'unauthorized');
    assert.match(error?.message ?? '', /wrong user name or password/i);
  });

  test('a user without the supervisor role', async () => {
    const agent = (await agents(simulator))[0]!;
    const error = await signInError(simulator.baseUrl, agent.userName, 'agent');
    assert.equal(error?.code, 'not-supervisor');
    assert.match(error?.message ?? '', /not a supervisor/);
  });

  test('an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await signInError(`http://127.0.0.1:${port}`, 'x', 'y');
    assert.equal(error?.code, 'unreachable');
    assert.match(error?.message ?? '', /can't reach/i);
  });

  test('a URL that is not GWS', async () => {
    const error = await signInError(notGwsUrl, 'x', 'y');
    assert.equal(error?.code, 'not-gws');
  });

  test('TLS to a port that speaks plain HTTP', async () => {
    const error = await signInError(simulator.baseUrl.replace('http://', 'https://'), 'x', 'y');
    assert.equal(error?.code, 'tls');
    assert.match(error?.message ?? '', /secure connection/i);
  });

  test('a refused operation surfaces its statusCode as a typed error; a 401 as unauthorized', async () => {
    const http = new HttpTransport({ baseUrl: simulator.baseUrl, logger: createMemoryLogger() });
    const api = new GwsApi(http, createMemoryLogger());
    const unauthenticated = await api.getMe();
    assert.equal(!unauthenticated.ok && unauthenticated.error.code, 'unauthorized');
    const me = await api.getMe({ basicAuth: simulator.demo });
    assert.equal(me.ok, true);
    const refused = await api.operation('/api/v2/me', { operationName: 'NoSuchOperation' });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error.code, 'gws-refused');
    assert.match(!refused.ok ? refused.error.message : '', /GWS status 1/);
    await api.endContactCenterSession();
  });
});

describe('cancelling a sign-in', () => {
  test('the form is back at once and the sign-in answers cancelled; the attempt, when its server answers, stops instead of signing in', async () => {
    // A server that holds the sign-in request until the test lets it answer (as the demo would).
    const held: Array<() => void> = [];
    const slow = createServer((_request, response) => {
      held.push(() => response.writeHead(503).end());
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const store = createAppStore();
    const { session, logger } = newSession(store);
    try {
      const attempt = session.signIn({
        baseUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
        isDemo: false,
        credentials: { userName: 'supervisor', password: 'demo' },
      });
      await waitFor('the sign-in request reaches the server', () => held.length === 1);
      assert.equal(store.getState().connection.status, 'signing-in');

      assert.deepEqual(session.cancelSignIn(), { ok: true, value: null });
      assert.equal(store.getState().connection.status, 'signed-out');
      assert.equal(store.getState().signInError, null);

      // The supervisor's sign-in answers at once, while the server still holds its request.
      const result = await attempt;
      assert.equal(!result.ok && result.error.code, 'cancelled');
      assert.equal(held.length, 1);

      held[0]!();
      // The abandoned request's answer still arrives; let it, then nothing of it may show.
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(store.getState().connection.status, 'signed-out');
      assert.equal(store.getState().signInError, null, 'a cancelled sign-in leaves no error behind');
      assert.ok(logger.records.some((record) => /cancelled/.test(record.message)));
    } finally {
      await session.dispose();
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});
