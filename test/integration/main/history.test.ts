import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppState } from '../../../electron/common/models/app-state';
import type { Result } from '../../../electron/common/result';
import { createMainServices, type MainServices } from '../../../electron/main/main-services';
import { AuditTrail } from '../../../electron/main/platform/audit-trail';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import type { MediaHostLink } from '../../../electron/main/sip/media-host-link';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { callControl } from '../../support/simulator-control';
import { testPlatform } from '../../support/test-platform';
import { waitFor } from '../../support/wait-for';

/** No media host: chats need none, and the history is the same for calls and chats once in the trail. */
const absentMediaHost: MediaHostLink = {
  send: () => undefined,
  onEvent: () => () => undefined,
  onConnected: () => () => undefined,
  onDisconnected: () => () => undefined,
  connected: false,
};

/**
 * The history as main builds it from the audit trail, through the services both editions run:
 * what the supervisor did in a chat, kept across a sign-out and a restart.
 */
describe('the history against the demo contact center', () => {
  let simulator: RunningSimulator;
  const logger = createMemoryLogger();
  const { platform, remove: removePlatform } = testPlatform(logger);
  let services: MainServices | null = null;

  const start = (audit: AuditTrail) =>
    createMainServices({
      logger,
      mediaHost: absentMediaHost,
      mediaHostRestartsByItself: false,
      platform: { ...platform, audit },
      teamRefresh: { requestsPerSecond: 10 },
    });
  const running = (): MainServices => {
    assert.ok(services);
    return services;
  };
  const state = (): AppState => running().store.getState();
  const invoke = (channel: string, payload: unknown) => running().invoke(channel, payload) as Promise<Result<unknown>>;
  const control = (method: string, path: string, body?: unknown) => callControl(simulator.baseUrl, method, path, body);
  const signIn = async () => {
    const signedIn = await invoke('session:signIn', {
      server: { kind: 'gws', baseUrl: simulator.baseUrl },
      userName: simulator.demo.userName,
      password: simulator.demo.password,
    });
    assert.equal(signedIn.ok, true);
    await waitFor('the team', () => state().team.agents.length >= 2);
    await waitFor('the history read', () => !state().history.loading);
  };
  // The sign-out ends subscriptions with the contact-center session: each session arms its own.
  const monitorChats = async (agentId: string) => {
    const armed = await invoke('messaging:monitor', {
      agentId,
      channel: 'chat',
      mode: 'Monitor',
      frequency: 'AllChats',
    });
    assert.equal(armed.ok, true);
  };
  const chatWith = async (agentId: string, customerName: string) => {
    const { id } = (await control('POST', `/agents/${agentId}/interactions`, {
      kind: 'chat',
      customerName,
      script: false,
    })) as { id: string };
    await waitFor('the chat on the board', () =>
      state().messaging.conversations.some((conversation) => conversation.id === id),
    );
    return id;
  };

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, seed: 7 });
    services = start(platform.audit);
  });

  after(async () => {
    await services?.dispose();
    await simulator?.stop();
    removePlatform();
  });

  test('a chat monitored, coached and left is in the history with what the supervisor did; sign-out and a restart keep it', async () => {
    await signIn();
    const agent = state().team.agents.find((candidate) => candidate.state.kind !== 'LoggedOut');
    assert.ok(agent);
    await monitorChats(agent.id);
    const left = await chatWith(agent.id, 'Dana Tester');
    assert.equal((await invoke('messaging:switchMode', { conversationId: left, mode: 'Coach' })).ok, true);
    assert.equal((await invoke('messaging:leave', { conversationId: left })).ok, true);

    const item = await waitFor('the chat in the history', () =>
      state().history.items.find((candidate) => candidate.interactionId === left),
    );
    assert.equal(item.channel, 'chat');
    assert.equal(item.agentName, agent.displayName);
    assert.equal(item.otherParty, 'Dana Tester');
    assert.equal(item.ending, 'you-left');
    assert.equal(item.transcript, 'readable', 'this session’s transcript is still in main');
    assert.deepEqual(
      item.youDid.map((part) => part.activity),
      ['monitored', 'coached'],
    );
    assert.ok(item.youDid.reduce((sum, part) => sum + part.ms, 0) <= item.lengthMs);

    // A second chat is live when the supervisor signs out: it ends for them, and says so.
    const signedOutOf = await chatWith(agent.id, 'Robin Baker');
    assert.equal((await invoke('session:signOut', {})).ok, true);
    assert.deepEqual(state().history, { loading: false, items: [] }, 'signed out: nobody’s history on show');

    await signIn();
    const again = new Map(state().history.items.map((candidate) => [candidate.interactionId, candidate]));
    assert.deepEqual(
      { ...again.get(left), transcript: item.transcript },
      item,
      'the same item, read back from the trail',
    );
    assert.equal(again.get(left)?.transcript, 'not-kept', 'the transcript went with the session');
    assert.equal(again.get(signedOutOf)?.ending, 'signed-out');

    // Earshot quits while a third chat is live: no end is written, and the next run says Earshot closed.
    await monitorChats(agent.id);
    const open = await chatWith(agent.id, 'Sam Quinn');
    await running().dispose();
    services = start(new AuditTrail({ filePath: platform.audit.filePath }));
    await signIn();
    const afterRestart = new Map(state().history.items.map((candidate) => [candidate.interactionId, candidate]));
    assert.equal(afterRestart.get(open)?.ending, 'earshot-closed');
    assert.equal(afterRestart.get(signedOutOf)?.ending, 'signed-out');
    assert.deepEqual(afterRestart.get(left), again.get(left));
    assert.deepEqual(
      state()
        .history.items.map((candidate) => candidate.interactionId)
        .slice(0, 3),
      [open, signedOutOf, left],
      'the last to end first',
    );
  });

  test('a chat that goes back to a queue says so on its card and in the history', async () => {
    const agent = state().team.agents.find((candidate) => candidate.state.kind !== 'LoggedOut');
    assert.ok(agent);
    await monitorChats(agent.id);
    const requeued = await chatWith(agent.id, 'Kim Waiting');
    await control('POST', `/interactions/${requeued}/requeue`, {});
    const item = await waitFor('the chat in the history', () =>
      state().history.items.find((candidate) => candidate.interactionId === requeued),
    );
    assert.equal(item.ending, 'requeued');
    assert.equal(
      state().messaging.history.find((conversation) => conversation.id === requeued)?.ending,
      'requeued',
      'the card and the history say the same',
    );
  });
});
