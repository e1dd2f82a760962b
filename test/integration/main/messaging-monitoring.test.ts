import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Conversation, MessagingChannel, TranscriptLine } from '../../../electron/common/models/messaging';
import type { AppState } from '../../../electron/common/models/app-state';
import { stateChangesFrameSchema } from '../../../electron/common/models/state-changes';
import { ok, type Result } from '../../../electron/common/result';
import { GwsApi } from '../../../electron/main/contact-center/gws-api';
import { HttpTransport, type BasicCredentials } from '../../../electron/main/contact-center/http-transport';
import { SupervisorSession } from '../../../electron/main/contact-center/supervisor-session';
import type { MessagingGws } from '../../../electron/main/monitoring/messaging-gws';
import { MessagingMonitoring, type MessagingSession } from '../../../electron/main/monitoring/messaging-monitoring';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { createAppStore, type AppStore } from '../../../electron/main/state/app-store';
import { diffState } from '../../../electron/main/state/state-changes';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { applyChanges } from '../../../renderer/ui/store/state-changes';
import { waitFor } from '../../support/wait-for';
import { callControl } from '../../support/simulator-control';

interface ControlUser {
  id: string;
  userName: string;
  firstName?: string;
  state: string;
}

interface ControlMessage {
  index: number;
  type: string;
  text: string | null;
  visibility: string;
  visibleTo: string[];
}

interface ControlConversation {
  id: string;
  state: string;
  messages: ControlMessage[];
}

async function control(simulator: RunningSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  return callControl(simulator.baseUrl, method, path, body);
}

/**
 * GwsApi has no plain GET yet, so reads go through a second HTTP session of the same supervisor
 * (signed in again after a restart, as the session does); everything else (operations, CometD,
 * snapshots) is the signed-in session's own.
 */
async function messagingSessionOf(
  session: SupervisorSession,
  simulator: RunningSimulator,
  credentials: BasicCredentials,
): Promise<MessagingSession> {
  const logger = createMemoryLogger();
  const reader = new HttpTransport({ baseUrl: simulator.baseUrl, logger, timeoutMs: 3_000 });
  const readerApi = new GwsApi(reader, logger);
  assert.ok((await readerApi.getMe({ basicAuth: credentials })).ok);
  const get = async (
    path: string,
    query?: Readonly<Record<string, string | number | undefined>>,
  ): Promise<Result<unknown>> => {
    let response = await reader.request({ method: 'GET', path, query });
    if (!response.ok && response.error.code === 'unauthorized') {
      reader.forgetSession();
      if ((await readerApi.getMe({ basicAuth: credentials })).ok)
        response = await reader.request({ method: 'GET', path, query });
    }
    return response.ok ? ok(response.value.body) : response;
  };
  return {
    get api(): MessagingGws | null {
      const api = session.api;
      return api ? { operation: (path, body) => api.operation(path, body), get } : null;
    },
    onNotification: (listener) => session.onNotification(listener),
    onUserSnapshot: (listener) => session.onUserSnapshot(listener),
  };
}

/**
 * The state as a window rebuilds it from main's changes alone: each change through JSON and the
 * contract, applied to the window's copy.
 */
function followAsWindow(store: AppStore): { readonly state: AppState } {
  const window = { state: store.getState() };
  store.subscribe((state, previous) => {
    const changes = diffState(previous, state);
    if (changes === null) return;
    const frame = stateChangesFrameSchema.parse(JSON.parse(JSON.stringify({ seq: 1, changes })));
    const applied = applyChanges(window.state, frame.changes);
    assert.ok(applied, 'every change applies to the window’s copy');
    window.state = applied;
  });
  return window;
}

function windowLines(window: { readonly state: AppState }, conversationId: string): readonly TranscriptLine[] {
  const { conversations, history } = window.state.messaging;
  return (
    (conversations.find((entry) => entry.id === conversationId) ?? history.find((entry) => entry.id === conversationId))
      ?.lines ?? []
  );
}

for (const channel of ['chat', 'sms'] as const satisfies readonly MessagingChannel[]) {
  describe(`${channel} supervision against the demo contact center`, () => {
    let simulator: RunningSimulator;
    let agents: ControlUser[];
    let nextAgent = 0;
    const cleanups: Array<() => Promise<unknown>> = [];

    before(async () => {
      simulator = await startSimulator({ liveFloor: false, seed: 11 });
      const state = (await control(simulator, 'GET', '/state')) as { agents: ControlUser[] };
      agents = state.agents.filter((agent) => agent.state !== 'LoggedOut');
    });

    // Each test's session ends with it: sessions of one user share notifications, so none may linger.
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    });

    after(async () => {
      await simulator.stop();
    });

    /** Each test gets agents no other test used, so leftovers never cross. */
    function freshAgent(): ControlUser {
      const agent = agents[nextAgent % agents.length];
      nextAgent += 1;
      assert.ok(agent);
      return agent;
    }

    async function signedIn(credentials: BasicCredentials = simulator.demo) {
      const store: AppStore = createAppStore();
      const logger = createMemoryLogger();
      const session = new SupervisorSession({
        store,
        logger,
        teamRefresh: { requestsPerSecond: 0.05 },
        offlineAfterMs: 60_000,
        requestTimeoutMs: 3_000,
        cometdBackoff: { incrementMs: 100, maxMs: 400 },
      });
      const result = await session.signIn({ baseUrl: simulator.baseUrl, isDemo: true, credentials });
      assert.deepEqual(result, { ok: true, value: null });
      const service = new MessagingMonitoring({
        session: await messagingSessionOf(session, simulator, credentials),
        store,
        logger: logger.child('messaging'),
      });
      const window = followAsWindow(store);
      // As main-services does: whatever ends the session ends the board.
      const unsubscribe = store.subscribe((state, previous) => {
        if (previous.session && !state.session) service.endAll();
      });
      cleanups.push(async () => {
        unsubscribe();
        for (const subscription of store.getState().messaging.subscriptions) {
          await service.cancelMonitoring({ agentId: subscription.agentId, channel: subscription.channel });
        }
        service.dispose();
        await session.dispose();
      });
      const card = (id: string): Conversation | undefined => {
        const { conversations, history } = store.getState().messaging;
        return conversations.find((entry) => entry.id === id) ?? history.find((entry) => entry.id === id);
      };
      const transcript = (id: string): readonly TranscriptLine[] => card(id)?.lines ?? [];
      return { store, session, service, logger, window, card, transcript };
    }

    async function startConversation(agent: ControlUser, customerName = 'Dana Tester'): Promise<string> {
      const { id } = (await control(simulator, 'POST', `/agents/${agent.id}/interactions`, {
        kind: channel,
        customerName,
        script: false,
      })) as { id: string };
      cleanups.push(() => control(simulator, 'POST', `/interactions/${id}/complete`, {}));
      return id;
    }

    async function say(id: string, from: 'customer' | 'agent', text: string, agent?: ControlUser): Promise<void> {
      await control(
        simulator,
        'POST',
        `/interactions/${id}/messages`,
        agent ? { from, text, agent: agent.id } : { from, text },
      );
    }

    async function described(id: string): Promise<ControlConversation> {
      return (await control(simulator, 'GET', `/messaging/${id}`)) as ControlConversation;
    }

    async function monitored(mode: 'Monitor' | 'Coach' | 'BargeIn' = 'Monitor') {
      const context = await signedIn();
      const agent = freshAgent();
      assert.deepEqual(
        await context.service.monitor({ agentId: agent.id, channel, mode, frequency: 'AllChats' }),
        ok(null),
      );
      const id = await startConversation(agent);
      await waitFor('the conversation delivered', () => context.card(id));
      await waitFor('the history up to my joining', () =>
        context.transcript(id).some((line) => line.type === 'ParticipantJoined' && line.from?.isMe),
      );
      return { ...context, agent, id };
    }

    test('Monitor: statusCode 0 is the confirmation; a new conversation arrives with its history, then live lines and typing', async () => {
      const { store, card, transcript, window, id, agent } = await monitored();
      const subscription = store.getState().messaging.subscriptions.find((entry) => entry.agentId === agent.id);
      assert.equal(subscription?.pending, false);
      assert.equal(subscription?.mode, 'Monitor');

      const delivered = card(id);
      assert.equal(delivered?.channel, channel);
      assert.equal(delivered?.state, 'live');
      assert.equal(delivered?.mode, 'Monitor');
      assert.equal(delivered?.myVisibility, 'Supervisors');
      assert.deepEqual(delivered?.switchTargets, ['Coach', 'BargeIn']);
      assert.equal(
        delivered?.composerDisabledReason,
        'You are monitoring silently. Switch to Coach or Barge in to write.',
      );
      assert.equal(delivered?.agentId, agent.id);
      assert.equal(delivered?.customerName, 'Dana Tester');
      const joined = transcript(id).at(-1);
      assert.equal(joined?.type, 'ParticipantJoined');
      assert.equal(joined?.visibility, 'Supervisors');
      assert.ok(
        transcript(id).some((line) => line.type === 'Text' && line.from?.role === 'Customer'),
        'the opening line',
      );

      await control(simulator, 'POST', `/interactions/${id}/typing`, { from: 'customer', typing: true });
      await waitFor('the customer typing', () => card(id)?.typing.includes('Dana Tester'));
      await say(id, 'customer', 'Where is my order?');
      await waitFor('the customer line', () => transcript(id).at(-1)?.text === 'Where is my order?');
      assert.deepEqual(card(id)?.typing, []);
      await say(id, 'agent', 'Let me check that for you.');
      await waitFor('the agent line', () => transcript(id).at(-1)?.text === 'Let me check that for you.');
      assert.equal(transcript(id).at(-1)?.from?.role, 'Agent');

      const indices = transcript(id).map((line) => line.index);
      assert.deepEqual(
        indices,
        [...indices].sort((a, b) => a - b),
      );
      assert.equal(new Set(indices).size, indices.length);
      assert.ok(!transcript(id).some((line) => line.type.startsWith('Typing')));
      assert.deepEqual(windowLines(window, id), transcript(id));
      assert.deepEqual(windowLines(window, id), card(id)?.lines);
    });

    test('only the next conversation: one in progress is not delivered; NextChat ends after one', async () => {
      const { service, store, card } = await signedIn();
      const agent = freshAgent();
      const inProgress = await startConversation(agent, 'Early Customer');
      assert.deepEqual(
        await service.monitor({ agentId: agent.id, channel, mode: 'Monitor', frequency: 'NextChat' }),
        ok(null),
      );
      await say(inProgress, 'customer', 'Are you still there?');
      const next = await startConversation(agent, 'Next Customer');
      await waitFor('the next conversation', () => card(next));
      // Notifications arrive in order: a line of the earlier one would have come first.
      assert.equal(card(inProgress), undefined);
      assert.equal(
        store.getState().messaging.subscriptions.some((entry) => entry.agentId === agent.id),
        false,
      );
      const state = (await control(simulator, 'GET', '/messaging')) as {
        subscriptions: Array<{ agentId: string; channel: string }>;
      };
      assert.equal(
        state.subscriptions.some((entry) => entry.agentId === agent.id && entry.channel === channel),
        false,
      );
    });

    test('switching: the mode follows my visibility; Coach lines reach agents only, barge-in lines everyone', async () => {
      const { service, card, transcript, id } = await monitored();
      const silent = await service.send(id, 'psst');
      assert.equal(
        !silent.ok && silent.error.message,
        'You are monitoring silently. Switch to Coach or Barge in to write.',
      );

      assert.deepEqual(await service.switchMode(id, 'Coach'), ok(null));
      await waitFor('Coach from the participants', () => card(id)?.myVisibility === 'Agents');
      assert.equal(card(id)?.mode, 'Coach');
      assert.deepEqual(card(id)?.switchTargets, ['Monitor', 'BargeIn']);
      assert.equal(card(id)?.sendVisibility, 'Agents');
      await waitFor('the ParticipantRejoined line', () =>
        transcript(id).some((line) => line.type === 'ParticipantRejoined' && line.from?.isMe),
      );

      assert.deepEqual(await service.send(id, 'Offer the voucher'), ok(null));
      const coached = await waitFor('my coaching line', () =>
        transcript(id).find((line) => line.text === 'Offer the voucher'),
      );
      assert.equal(coached.visibility, 'Agents');
      assert.equal(coached.from?.isMe, true);
      const onServer = (await described(id)).messages.find((message) => message.text === 'Offer the voucher');
      assert.equal(onServer?.visibility, 'Agents');
      assert.deepEqual(onServer?.visibleTo, ['agent', 'supervisor']);

      assert.deepEqual(await service.switchMode(id, 'BargeIn'), ok(null));
      await waitFor('BargeIn from the participants', () => card(id)?.myVisibility === 'All');
      assert.deepEqual(card(id)?.switchTargets, ['Monitor', 'Coach']);
      assert.deepEqual(await service.send(id, 'Hello, I am the team lead.'), ok(null));
      const barged = await waitFor('my barge-in line', () =>
        transcript(id).find((line) => line.text === 'Hello, I am the team lead.'),
      );
      assert.equal(barged.visibility, 'All');
      assert.ok(
        (await described(id)).messages
          .find((message) => message.text === 'Hello, I am the team lead.')
          ?.visibleTo.includes('customer'),
      );

      assert.deepEqual(await service.switchMode(id, 'Monitor'), ok(null));
      await waitFor('Monitor again', () => card(id)?.myVisibility === 'Supervisors');
      assert.equal(
        card(id)?.composerDisabledReason,
        'You are monitoring silently. Switch to Coach or Barge in to write.',
      );
      assert.equal(card(id)?.error, null);
    });

    test('Leave with a farewell: the card goes to the history; the conversation goes on for the others', async () => {
      const { service, card, store, id } = await monitored('Coach');
      assert.equal(card(id)?.mode, 'Coach');
      assert.deepEqual(await service.leave(id, 'Good luck, bye'), ok(null));
      assert.equal(
        store.getState().messaging.conversations.some((entry) => entry.id === id),
        false,
      );
      assert.equal(card(id)?.ended, true);
      assert.equal(card(id)?.ending, 'you-left');
      const onServer = await described(id);
      assert.equal(onServer.state, 'Chatting');
      assert.equal(onServer.messages.find((message) => message.text === 'Good luck, bye')?.visibility, 'Agents');
      const refused = await service.send(id, 'after leaving');
      assert.equal(refused.ok, false);
    });

    test('completion and re-queueing: GWS says Revoked for both; the card says which, and moves to the history', async () => {
      const { card, store, id, agent } = await monitored();
      await control(simulator, 'POST', `/interactions/${id}/complete`, {});
      await waitFor('Revoked', () => card(id)?.ended);
      assert.equal(card(id)?.ending, 'ended');
      assert.equal(store.getState().messaging.history[0]?.id, id);
      assert.ok((card(id)?.lines.length ?? 0) > 0, 'the history card keeps its transcript');

      const requeued = await startConversation(agent, 'Second Customer');
      await waitFor('the next conversation', () => card(requeued));
      await control(simulator, 'POST', `/interactions/${requeued}/requeue`, {});
      await waitFor('Revoked after re-queueing', () => card(requeued)?.ended);
      assert.equal(card(requeued)?.ending, 'requeued');
    });

    test('a second agent joins and the first leaves: monitoring goes on', async () => {
      const { card, transcript, id } = await monitored();
      const colleague = freshAgent();
      await control(simulator, 'POST', `/interactions/${id}/join`, { agent: colleague.id });
      await waitFor(
        'the colleague among the participants',
        () => (card(id)?.participants.filter((participant) => participant.role === 'Agent').length ?? 0) >= 2,
      );
      const first = card(id)?.agentId;
      assert.ok(first);
      await control(simulator, 'POST', `/interactions/${id}/leave`, { agent: first });
      await waitFor(
        'the colleague alone with the customer',
        () => card(id)?.participants.filter((participant) => participant.role === 'Agent').length === 1,
      );
      assert.equal(card(id)?.ended, false);
      assert.equal(card(id)?.agentId, colleague.id);
      await say(id, 'agent', 'I am taking over.', colleague);
      await waitFor('the colleague’s line', () => transcript(id).at(-1)?.text === 'I am taking over.');
      assert.ok(transcript(id).some((line) => line.type === 'ParticipantLeft'));
    });

    test('two supervisors on the same agent: both get the conversation, each sees the other as a supervisor', async () => {
      const sam = await signedIn();
      const jordan = await signedIn({ userName: 'jellis', password: 'demo' });
      const agent = freshAgent();
      assert.deepEqual(
        await sam.service.monitor({ agentId: agent.id, channel, mode: 'Monitor', frequency: 'AllChats' }),
        ok(null),
      );
      assert.deepEqual(
        await jordan.service.monitor({
          agentId: agent.id,
          channel,
          mode: 'Coach',
          frequency: 'AllChats',
          nickname: 'Jordan',
        }),
        ok(null),
      );
      const id = await startConversation(agent);
      await waitFor('the conversation at both', () => sam.card(id) && jordan.card(id));
      await waitFor(
        'both supervisors listed at Sam',
        () => sam.card(id)?.participants.filter((participant) => participant.role === 'Supervisor').length === 2,
      );
      assert.equal(sam.card(id)?.mode, 'Monitor');
      assert.equal(jordan.card(id)?.mode, 'Coach');
      const jordanAtSam = sam
        .card(id)
        ?.participants.find((participant) => participant.role === 'Supervisor' && !participant.isMe);
      assert.equal(jordanAtSam?.visibility, 'Agents');
      await waitFor('Sam listed at Jordan', () =>
        jordan.card(id)?.participants.some((participant) => participant.role === 'Supervisor' && !participant.isMe),
      );
      assert.deepEqual(await jordan.service.send(id, 'Ask for the order number'), ok(null));
      const atSam = await waitFor('Jordan’s coaching line at Sam', () =>
        sam.transcript(id).find((line) => line.text === 'Ask for the order number'),
      );
      assert.equal(atSam.from?.isMe, false);
      assert.equal(atSam.from?.role, 'Supervisor');
      assert.equal(atSam.visibility, 'Agents');
    });

    test('cancel: the subscription ends on both sides; the conversation already on the board stays', async () => {
      const { service, store, card, id, agent } = await monitored();
      assert.deepEqual(await service.cancelMonitoring({ agentId: agent.id, channel }), ok(null));
      assert.equal(
        store.getState().messaging.subscriptions.some((entry) => entry.agentId === agent.id),
        false,
      );
      const state = (await control(simulator, 'GET', '/messaging')) as {
        subscriptions: Array<{ agentId: string; channel: string }>;
      };
      assert.equal(
        state.subscriptions.some((entry) => entry.agentId === agent.id && entry.channel === channel),
        false,
      );
      assert.equal(card(id)?.ended, false);
      const again = await service.cancelMonitoring({ agentId: agent.id, channel });
      assert.equal(again.ok, false);
    });

    test('after a dropped CometD connection, nothing is shown twice and the order holds', async () => {
      const { card, transcript, id, logger, window } = await monitored();
      await control(simulator, 'POST', '/cometd/drop');
      await say(id, 'customer', 'First line during the outage');
      await say(id, 'customer', 'Second line during the outage');
      await waitFor('the state re-read', () =>
        logger.records.some((record) => record.message === 'State re-read after reconnection'),
      );
      await say(id, 'agent', 'Back again');
      await waitFor(
        'every line',
        () =>
          transcript(id).at(-1)?.text === 'Back again' &&
          transcript(id).some((line) => line.text === 'First line during the outage'),
      );
      const texts = transcript(id).map((line) => line.text);
      assert.ok(texts.indexOf('First line during the outage') < texts.indexOf('Second line during the outage'));
      const indices = transcript(id).map((line) => line.index);
      assert.equal(new Set(indices).size, indices.length);
      assert.equal(card(id)?.ended, false);
      assert.deepEqual(windowLines(window, id), transcript(id));
    });

    test('lines said while the contact center restarted are read again; the conversation goes on', async () => {
      const { card, transcript, id, logger, window, service } = await monitored('Coach');
      await simulator.restart(300);
      // Nobody is subscribed to CometD now: these lines reach no notification.
      await say(id, 'customer', 'First line after the restart');
      await say(id, 'customer', 'Second line after the restart');
      await waitFor(
        'signed in again',
        () => logger.records.some((record) => record.message === 'Signed in again after the session expired'),
        15_000,
      );
      await waitFor(
        'the lines said meanwhile',
        () => transcript(id).filter((line) => line.text?.endsWith('after the restart')).length === 2,
        15_000,
      );
      assert.ok(
        logger.records.some(
          (record) => record.message === 'Message log re-read' && (record.fields?.added as number) >= 2,
        ),
      );
      const texts = transcript(id).map((line) => line.text);
      assert.ok(texts.indexOf('First line after the restart') < texts.indexOf('Second line after the restart'));
      assert.equal(card(id)?.ended, false);
      assert.equal(card(id)?.mode, 'Coach');
      assert.deepEqual(windowLines(window, id), transcript(id));
      await waitFor('operations accepted again', async () => (await service.send(id, 'Still here')).ok, 15_000);
      await waitFor('my line after the restart', () => transcript(id).at(-1)?.text === 'Still here');
    });

    test('signing out empties the board and forgets the transcripts', async () => {
      const { session, store, id, card } = await monitored();
      assert.ok(card(id));
      await session.signOut();
      assert.deepEqual(store.getState().messaging, {
        subscriptions: [],
        subscriptionError: null,
        conversations: [],
        history: [],
      });
    });
  });
}
