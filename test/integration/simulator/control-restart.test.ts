import assert from 'node:assert/strict';
import type { CometD, Message } from 'cometd';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { GwsTestClient, control, createCometd, disconnect, handshake, waitFor } from './gws-test-client';

interface ControlUser {
  id: string;
  userName: string;
  state: string;
  reason: string | null;
  interactions: Array<{ id: string; kind: string }>;
}

interface ControlState {
  floorRunning: boolean;
  httpSessions: number;
  bayeuxClients: number;
  agents: ControlUser[];
  supervisors: ControlUser[];
}

describe('control API and restart', () => {
  let simulator: RunningSimulator;
  const clients: CometD[] = [];

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
  });

  after(async () => {
    for (const cometd of clients) await disconnect(cometd);
    await simulator.stop();
  });

  async function state(): Promise<ControlState> {
    return (await control(simulator.baseUrl, 'GET', '/state')).json as unknown as ControlState;
  }

  test('state lists agents with their state and interactions, and the live connections', async () => {
    const initial = await state();
    assert.equal(initial.floorRunning, false);
    assert.ok(initial.agents.length >= 10);
    assert.ok(initial.agents.every((agent) => /^[0-9a-f]{32}$/.test(agent.id)));
    assert.ok(initial.supervisors.some((user) => user.userName === simulator.demo.userName));
    const loggedOut = initial.agents.filter((agent) => agent.state === 'LoggedOut');
    assert.ok(loggedOut.length >= 1 && loggedOut.length <= 2);

    const rest = new GwsTestClient(simulator.baseUrl);
    await rest.signIn(simulator.demo);
    assert.ok((await state()).httpSessions >= 1);

    const ready = initial.agents.find((agent) => agent.state === 'Ready')!;
    const chat = await control(simulator.baseUrl, 'POST', `/agents/${ready.id}/interactions`, { kind: 'chat' });
    assert.equal(chat.status, 200);
    const withChat = (await state()).agents.find((agent) => agent.id === ready.id)!;
    assert.deepEqual(
      withChat.interactions.map((item) => [item.id, item.kind]),
      [[chat.json.id, 'chat']],
    );
    assert.equal((await control(simulator.baseUrl, 'DELETE', `/interactions/${String(chat.json.id)}`)).status, 200);
    assert.deepEqual((await state()).agents.find((agent) => agent.id === ready.id)!.interactions, []);
  });

  test('bad control input gets 400 (or 404) with a JSON error', async () => {
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/agents/avasquez/state', { state: 'Dancing' }, 400],
      ['POST', '/agents/avasquez/state', { state: 'Ready', reason: 'Lunch' }, 400],
      ['POST', '/agents/avasquez/interactions', { kind: 'fax' }, 400],
      ['POST', '/agents/nobody/state', { state: 'Ready' }, 404],
      ['DELETE', '/interactions/0000aXXXXXXX00XX', undefined, 404],
      ['POST', '/floor', { running: 'yes' }, 400],
      ['POST', '/restart', { downMs: -5 }, 400],
      ['POST', '/sessions/expire', {}, 400],
      ['GET', '/nothing', undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await control(simulator.baseUrl, method, path, body);
      assert.equal(response.status, status, `${method} ${path}`);
      assert.equal(typeof response.json.error, 'string', `${method} ${path}`);
    }
    const notJson = await fetch(`${simulator.baseUrl}/control/floor`, {
      method: 'POST',
      body: '{nope',
      signal: AbortSignal.timeout(5_000),
    });
    assert.equal(notJson.status, 400);
    await control(simulator.baseUrl, 'POST', '/agents/lobrien/state', { state: 'LoggedOut' });
    const toLoggedOut = await control(simulator.baseUrl, 'POST', '/agents/lobrien/interactions', { kind: 'call' });
    assert.equal(toLoggedOut.status, 400);
    assert.match(String(toLoggedOut.json.error), /logged out/);
  });

  test('sessions can be expired by user, and passwords changed', async () => {
    const rest = new GwsTestClient(simulator.baseUrl);
    await rest.signIn({ userName: 'dokafor', password: 'agent' });
    const expired = await control(simulator.baseUrl, 'POST', '/sessions/expire', { userName: 'dokafor' });
    assert.ok((expired.json.expired as number) >= 1);
    assert.equal((await rest.get('/api/v2/me')).status, 401);

    assert.equal(
      (await control(simulator.baseUrl, 'POST', '/users/dokafor/password', { password: 'changed' })).status,
      200,
    );
    assert.equal(
      (await new GwsTestClient(simulator.baseUrl).signIn({ userName: 'dokafor', password: 'agent' })).status,
      401,
    );
    assert.equal(
      (await new GwsTestClient(simulator.baseUrl).signIn({ userName: 'dokafor', password: 'changed' })).status,
      200,
    );
    await control(simulator.baseUrl, 'POST', '/users/dokafor/password', { password: 'agent' });
  });

  test('the live floor can be started and paused', async () => {
    assert.deepEqual((await control(simulator.baseUrl, 'POST', '/floor', { running: true })).json, {
      ok: true,
      running: true,
    });
    assert.equal((await state()).floorRunning, true);
    assert.deepEqual((await control(simulator.baseUrl, 'POST', '/floor', { running: false })).json, {
      ok: true,
      running: false,
    });
    assert.equal((await state()).floorRunning, false);
  });

  test('restart forgets sessions and Bayeux clients and comes back on the same port', async () => {
    const rest = new GwsTestClient(simulator.baseUrl);
    await rest.signIn(simulator.demo);
    const handshakeFailures: Message[] = [];
    const cometd = createCometd(simulator.baseUrl, { cookie: rest.cookieHeader });
    clients.push(cometd);
    cometd.addListener('/meta/handshake', (message) => {
      if (!message.successful) handshakeFailures.push(message);
    });
    assert.equal((await handshake(cometd)).successful, true);
    await waitFor('a connected client', () => cometd.getStatus() === 'connected');

    const port = new URL(simulator.baseUrl).port;
    await simulator.restart(300);
    assert.equal(new URL(simulator.baseUrl).port, port);
    const version = await fetch(`${simulator.baseUrl}/api/v2/diagnostics/version`, {
      signal: AbortSignal.timeout(5_000),
    });
    assert.equal(version.status, 200);
    assert.equal((await rest.get('/api/v2/me')).status, 401, 'the old session is gone');
    await waitFor(
      'the old CometD client to be refused',
      () => handshakeFailures.length > 0 || cometd.isDisconnected(),
      10_000,
    );
    const after = await state();
    assert.equal(after.bayeuxClients, 0);
    assert.equal(after.httpSessions, 0);
    assert.equal((await rest.signIn(simulator.demo)).status, 200);
  });

  test('POST /control/restart answers, then restarts on the same port', async () => {
    const response = await control(simulator.baseUrl, 'POST', '/restart', { downMs: 200 });
    assert.deepEqual(response.json, { ok: true, downMs: 200 });
    await waitFor(
      'the simulator to answer again',
      async () => {
        try {
          return (
            (await fetch(`${simulator.baseUrl}/api/v2/diagnostics/version`, { signal: AbortSignal.timeout(1_000) }))
              .status === 200
          );
        } catch {
          return false;
        }
      },
      10_000,
    );
  });
});

describe('a simulator without the control API', () => {
  test('answers /control like any unknown path', async () => {
    const simulator = await startSimulator({ liveFloor: false, controlApi: false });
    try {
      const response = await fetch(`${simulator.baseUrl}/control/state`, { signal: AbortSignal.timeout(5_000) });
      assert.equal(response.status, 404);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    } finally {
      await simulator.stop();
      await simulator.stop();
    }
  });
});

describe('a simulator with the live floor', () => {
  test('opens with work in progress and keeps changing by itself', async () => {
    const simulator = await startSimulator({ seed: 3 });
    try {
      const snapshot = async (): Promise<string> => {
        const body = (await control(simulator.baseUrl, 'GET', '/state')).json as unknown as ControlState;
        assert.equal(body.floorRunning, true);
        return JSON.stringify(
          body.agents.map((agent) => [agent.state, agent.reason, agent.interactions.map((item) => item.id)]),
        );
      };
      const first = (await control(simulator.baseUrl, 'GET', '/state')).json as unknown as ControlState;
      assert.ok(
        first.agents.some((agent) => agent.interactions.length > 0),
        'work in progress at start',
      );
      const opening = await snapshot();
      await waitFor('the floor to change', async () => (await snapshot()) !== opening, 10_000);
    } finally {
      await simulator.stop();
    }
  });
});
