import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { GwsApi } from '../../../electron/main/contact-center/gws-api';
import { HttpTransport } from '../../../electron/main/contact-center/http-transport';
import { SupervisorSession } from '../../../electron/main/contact-center/supervisor-session';
import { TeamRoster, type TeamRefreshSettings } from '../../../electron/main/contact-center/team-roster';
import type { Agent } from '../../../electron/common/models/agent';
import type { TeamLoad } from '../../../electron/common/models/app-state';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { createAppStore } from '../../../electron/main/state/app-store';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { callControl } from '../../support/simulator-control';
import { waitFor } from '../../support/wait-for';

interface Traffic {
  since: number;
  now: number;
  users: Record<string, { total: number; byRequest: Record<string, number> }>;
  recent: Array<{ userName: string; route: string; query: string }>;
}

interface ControlAgent {
  id: string;
  userName: string;
  state: string;
}

describe('the team, paged from GWS and kept current within a request budget', () => {
  const simulators: RunningSimulator[] = [];
  const cleanups: Array<() => Promise<unknown> | void> = [];

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    for (const simulator of simulators) await simulator.stop();
  });

  async function floor(agents: number, contactsPageSize: number): Promise<RunningSimulator> {
    const simulator = await startSimulator({ liveFloor: false, seed: 3, agents, contactsPageSize });
    simulators.push(simulator);
    return simulator;
  }

  async function signIn(simulator: RunningSimulator, teamRefresh: Partial<TeamRefreshSettings> = {}) {
    const store = createAppStore();
    const loads: TeamLoad[] = [];
    store.subscribe((state) => {
      if (loads.at(-1) !== state.team.load) loads.push(state.team.load);
    });
    const session = new SupervisorSession({
      store,
      logger: createMemoryLogger(),
      requestTimeoutMs: 5_000,
      teamRefresh: { requestsPerSecond: 20, ...teamRefresh },
    });
    cleanups.push(() => session.dispose());
    const result = await session.signIn({ baseUrl: simulator.baseUrl, isDemo: true, credentials: simulator.demo });
    assert.deepEqual(result, { ok: true, value: null });
    return { store, session, loads };
  }

  async function traffic(simulator: RunningSimulator): Promise<Traffic> {
    return (await callControl(simulator.baseUrl, 'GET', '/traffic')) as Traffic;
  }

  test('every one of 40 agents arrives at 7 a page, the last page short, with progress on the way', async () => {
    const simulator = await floor(40, 7);
    const { store, loads } = await signIn(simulator);
    const state = await waitFor('the whole team', () =>
      store.getState().team.load.status === 'complete' ? store.getState() : undefined,
    );
    assert.deepEqual(state.team.load, { status: 'complete', received: 40, expected: 40 });
    const known = ((await callControl(simulator.baseUrl, 'GET', '/state')) as { agents: ControlAgent[] }).agents;
    assert.deepEqual(state.team.agents.map((agent) => agent.id).sort(), known.map((agent) => agent.id).sort());
    assert.ok(
      loads.some(
        (load) => load.status === 'loading' && load.received > 0 && load.received < 40 && load.expected === 40,
      ),
      `progress while loading: ${JSON.stringify(loads)}`,
    );
    assert.ok(state.team.groups.length >= 1, 'agent groups come with the team');
    const pages = (await traffic(simulator)).recent.filter(
      (request) => request.route === '/contacts' && !request.query.includes('name='),
    );
    assert.ok(pages.length >= 6, `six pages of 7 or fewer: ${pages.length}`);
    assert.ok(pages.every((request) => /limit=100\b/.test(request.query) && /offset=\d+/.test(request.query)));
  });

  test('a server that announces 40 and sends 33 is reported, and the 33 are shown', async () => {
    const simulator = await floor(40, 7);
    await callControl(simulator.baseUrl, 'POST', '/contacts', { withheld: 7 });
    const { store } = await signIn(simulator);
    const state = await waitFor('the load to end', () =>
      store.getState().team.load.status !== 'loading' ? store.getState() : undefined,
    );
    assert.deepEqual(state.team.load, { status: 'incomplete', received: 33, expected: 40 });
    assert.equal(state.team.agents.length, 33);
    await callControl(simulator.baseUrl, 'POST', '/contacts', { withheld: 0 });
    await waitFor(
      'a later sweep to find the rest',
      () => store.getState().team.load.status === 'complete' && store.getState().team.agents.length === 40,
      20_000,
    );
  });

  test('the steady refresh stays within its budget and reads the rows on screen by name', async () => {
    const simulator = await floor(120, 25);
    const { store, session } = await signIn(simulator, { requestsPerSecond: 8 });
    await waitFor('the whole team', () => store.getState().team.load.status === 'complete');
    const onScreen = store.getState().team.agents.slice(-3);
    session.showRows(onScreen.map((agent) => agent.id));
    await callControl(simulator.baseUrl, 'DELETE', '/traffic');
    const seen = await waitFor(
      'twelve requests of the steady refresh',
      async () => {
        const sample = await traffic(simulator);
        return (sample.users.supervisor?.total ?? 0) >= 12 ? sample : undefined;
      },
      20_000,
      100,
    );
    const elapsedSeconds = (seen.now - seen.since) / 1000;
    const total = seen.users.supervisor?.total ?? 0;
    assert.ok(total <= 8 * elapsedSeconds + 1, `${total} requests in ${elapsedSeconds} s exceed 8 a second`);
    const requests = seen.recent.filter((request) => request.userName === 'supervisor');
    const byName = requests.filter((request) => request.query.includes('name='));
    const pages = requests.filter((request) => request.route === '/contacts' && !request.query.includes('name='));
    assert.ok(
      byName.length >= pages.length,
      `rows on screen are read at least as often as pages: ${byName.length} vs ${pages.length}`,
    );
    const names = new URLSearchParams(byName[0]!.query).get('name')!.split(',');
    assert.deepEqual(names.sort(), onScreen.map((agent) => agent.userName).sort());

    const target = onScreen[0]!;
    await callControl(simulator.baseUrl, 'POST', `/agents/${target.id}/state`, {
      state: 'NotReady',
      reason: 'Meeting',
    });
    const changed = await waitFor('the change on screen', () => {
      const agent = store.getState().team.agents.find((candidate) => candidate.id === target.id);
      return agent?.state.reason === 'Meeting' ? agent : undefined;
    });
    assert.equal(changed.status.kind, 'NotReady');
    assert.equal(changed.status.since.basis, 'seen');
  });

  test('busy agents are not Ready; chats and SMS come with their GWS start; monitored agents are read by name', async () => {
    const simulator = await floor(30, 10);
    const { store } = await signIn(simulator, { requestsPerSecond: 20 });
    await waitFor('the whole team', () => store.getState().team.load.status === 'complete');
    const free = store.getState().team.agents.find((agent) => agent.status.kind === 'Ready')!;
    await callControl(simulator.baseUrl, 'POST', `/agents/${free.id}/interactions`, { kind: 'chat', script: false });
    await callControl(simulator.baseUrl, 'POST', `/agents/${free.id}/interactions`, { kind: 'sms', script: false });
    await callControl(simulator.baseUrl, 'POST', `/agents/${free.id}/calls`, {});
    const busy = await waitFor(
      'the agent busy with a call, a chat and an SMS, their start read from GWS',
      () => {
        const agent = store.getState().team.agents.find((candidate) => candidate.id === free.id);
        const reported = agent?.interactions.filter((item) => item.since.basis === 'reported').length ?? 0;
        return agent?.activity.onCall && reported === 2 ? agent : undefined;
      },
      20_000,
    );
    assert.equal(busy.status.kind, 'Busy');
    assert.equal(busy.state.kind, 'Ready', 'still Ready in GWS: the status, not the state, says busy');
    assert.deepEqual(busy.activity, { onCall: true, chats: 1, smsSessions: 1 });
    assert.ok(busy.interactions.every((item) => item.id !== null || item.kind === 'call'));
    assert.ok(
      Math.abs(busy.interactions.find((item) => item.kind === 'chat')!.since.at - Date.now()) < 60_000,
      'the chat started moments ago',
    );
  });

  test('the supervisor’s own entry says so; agents who leave the team go at the end of a sweep', async () => {
    const simulator = await floor(12, 5);
    const logger = createMemoryLogger();
    const http = new HttpTransport({ baseUrl: simulator.baseUrl, logger, timeoutMs: 5_000 });
    const api = new GwsApi(http, logger);
    assert.ok((await api.getMe({ basicAuth: simulator.demo })).ok);
    const known = ((await callControl(simulator.baseUrl, 'GET', '/state')) as { agents: ControlAgent[] }).agents;
    const self = known[3]!;
    let agents = new Map<string, Agent>();
    let load: TeamLoad | null = null;
    const roster = new TeamRoster({
      api,
      logger,
      selfId: self.id,
      refresh: { requestsPerSecond: 20 },
      monitoredAgentIds: () => [],
      onAgents: (change) => {
        agents = new Map(agents);
        for (const agent of change.agents) agents.set(agent.id, agent);
        for (const id of change.removed) agents.delete(id);
      },
      onLoad: (next) => (load = next),
      onError: (error) => assert.fail(error.message),
      onAnswered: () => {},
    });
    cleanups.push(() => roster.stop());
    await roster.start();
    await waitFor('the whole team', () => (load as TeamLoad | null)?.status === 'complete');
    assert.equal(agents.get(self.id)?.isSelf, true);
    assert.equal([...agents.values()].filter((agent) => agent.isSelf).length, 1);

    await callControl(simulator.baseUrl, 'POST', '/contacts', { withheld: 2 });
    await waitFor('the last two agents gone after a sweep', () => agents.size === 10, 20_000);
    assert.deepEqual(load, { status: 'incomplete', received: 10, expected: 12 });
  });
});
