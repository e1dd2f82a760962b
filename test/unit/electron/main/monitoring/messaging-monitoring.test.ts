import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SupervisorAction } from '../../../../../electron/common/models/audit';
import { err, ok, type Result } from '../../../../../electron/common/result';
import {
  notificationEnvelopeSchema,
  type NotificationEnvelope,
} from '../../../../../electron/main/contact-center/wire/notifications';
import type { WireUser } from '../../../../../electron/main/contact-center/wire/users';
import type { MessagingGws } from '../../../../../electron/main/monitoring/messaging-gws';
import {
  MessagingMonitoring,
  type MessagingSession,
} from '../../../../../electron/main/monitoring/messaging-monitoring';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { signedIn, withTeamAgents } from '../../../../../electron/main/state/app-state-reducers';
import { diffState } from '../../../../../electron/main/state/state-changes';
import { createAppStore, updateAppState } from '../../../../../electron/main/state/app-store';
import { makeAgent } from '../../../../fixtures/agents';
import * as samples from '../../../../fixtures/gws/messaging-samples';

const chatId = '0002Ka9PFC93111A';
const smsId = '0001Da9PFC93000S';

type Operation = { path: string; body: Record<string, unknown> };

/** GWS as the service sees it: operations answered by a rule, reads from a table; every call recorded. */
class FakeGws implements MessagingGws {
  readonly operations: Operation[] = [];
  readonly reads: Array<{ path: string; query?: Readonly<Record<string, string | number | undefined>> }> = [];
  answer: (operation: Operation) => Result<null> = () => ok(null);
  bodies = new Map<string, unknown>();
  private held: Array<() => void> = [];
  hold = false;

  async operation(path: string, body: { operationName: string } & Record<string, unknown>): Promise<Result<null>> {
    const operation = { path, body };
    this.operations.push(operation);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    return this.answer(operation);
  }

  async get(path: string, query?: Readonly<Record<string, string | number | undefined>>): Promise<Result<unknown>> {
    this.reads.push(query ? { path, query } : { path });
    const body = this.bodies.get(path);
    return body === undefined
      ? err(
          'gws-refused',
          'The contact center no longer knows that item (GWS status 6).',
          `GET ${path} → HTTP 404, statusCode 6`,
        )
      : ok(body);
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }
}

class FakeSession implements MessagingSession {
  api: FakeGws | null = new FakeGws();
  private readonly notificationListeners = new Set<(notification: NotificationEnvelope) => void>();
  private readonly snapshotListeners = new Set<(user: WireUser) => void>();

  onNotification(listener: (notification: NotificationEnvelope) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  onUserSnapshot(listener: (user: WireUser) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  notify(sample: unknown): void {
    const envelope = notificationEnvelopeSchema.parse(sample);
    for (const listener of this.notificationListeners) listener(envelope);
  }

  snapshot(user: Partial<WireUser>): void {
    const full: WireUser = {
      id: samples.supervisorUserId,
      userName: 'supervisor',
      roles: ['ROLE_SUPERVISOR'],
      ...user,
    };
    for (const listener of this.snapshotListeners) listener(full);
  }

  get gws(): FakeGws {
    assert.ok(this.api);
    return this.api;
  }
}

function setUp() {
  const store = createAppStore(() => 0);
  updateAppState(store, (state) =>
    withTeamAgents(
      signedIn(
        state,
        {
          supervisor: { id: samples.supervisorUserId, userName: 'supervisor', displayName: 'Sam Rivera' },
          server: { baseUrl: 'http://127.0.0.1:1', isDemo: true },
        },
        0,
      ),
      {
        agents: [
          makeAgent({
            id: samples.agentUserId,
            userName: 'avasquez',
            displayName: 'Ava Vasquez',
            extension: '5001',
            status: 'Busy',
            activity: { onCall: false, chats: 1, smsSessions: 0 },
          }),
        ],
        groups: [],
      },
      0,
    ),
  );
  const session = new FakeSession();
  const logger = createMemoryLogger();
  let clock = Date.parse('2016-03-16T10:00:00+10:00');
  const service = new MessagingMonitoring({ session, store, logger, now: () => (clock += 1) });
  const conversation = (id: string) => {
    const { conversations, history } = store.getState().messaging;
    return conversations.find((entry) => entry.id === id) ?? history.find((entry) => entry.id === id);
  };
  /** The shown transcript, as the card carries it to the UI; null once the conversation is gone. */
  const transcript = (id: string) => conversation(id)?.lines.map((shown) => shown.index) ?? null;
  return { store, session, gws: session.gws, logger, service, conversation, transcript };
}

/** Lets promise chains started by a notification run to their end (bounded). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

function line(
  index: number,
  text: string,
  from: Record<string, unknown> = samples.deliveredChatEnvelope.data.chat.participants[1] ?? {},
  type = 'Text',
) {
  return { index, type, text, visibility: 'All', from, timestampSeconds: 1458086200000 + index };
}

function log(id: string, messages: unknown[], key: 'chatUri' | 'smssessionUri' = 'chatUri') {
  const collection = key === 'chatUri' ? 'chats' : 'smssessions';
  return {
    channel: `/v2/me/${collection}`,
    data: {
      messageType: 'MessageLogUpdated',
      notificationType: 'NewMessages',
      [key]: `http://127.0.0.1:8080/api/v2/${collection}/${id}`,
      messages,
    },
  };
}

function withSupervisorVisibility(visibility: string, capabilities: string[]) {
  const chat = samples.deliveredChatEnvelope.data.chat;
  return {
    channel: '/v2/me/chats',
    data: {
      messageType: 'ChatStateChangeMessage',
      notificationType: 'ParticipantsUpdated',
      chat: {
        ...chat,
        capabilities,
        participants: chat.participants.map((participant) =>
          participant.participantId === 'P-SUPERVISOR' ? { ...participant, visibility } : participant,
        ),
      },
    },
  };
}

describe('chat/SMS subscriptions', () => {
  test('monitor: pending while GWS is asked, then shown as confirmed; chat and SMS paths and bodies', async () => {
    const { service, store, gws } = setUp();
    gws.hold = true;
    const started = service.monitor({
      agentId: samples.agentUserId,
      channel: 'chat',
      mode: 'Monitor',
      frequency: 'NextChat',
      nickname: ' Coach Sam ',
    });
    await settle();
    assert.equal(store.getState().messaging.subscriptions[0]?.pending, true);
    gws.release();
    assert.deepEqual(await started, ok(null));
    assert.deepEqual(store.getState().messaging.subscriptions, [
      {
        agentId: samples.agentUserId,
        agentName: 'Ava Vasquez',
        channel: 'chat',
        mode: 'Monitor',
        frequency: 'NextChat',
        nickname: 'Coach Sam',
        pending: false,
      },
    ]);
    assert.deepEqual(gws.operations[0], {
      path: `/api/v2/users/${samples.agentUserId}/channels/chat`,
      body: { operationName: 'Monitor', supervisorMonitoringMode: 'NextChat', nickname: 'Coach Sam' },
    });
    gws.hold = false;
    await service.monitor({ agentId: samples.agentUserId, channel: 'sms', mode: 'BargeIn', frequency: 'AllChats' });
    assert.deepEqual(gws.operations[1], {
      path: `/api/v2/users/${samples.agentUserId}/channels/smssession`,
      body: { operationName: 'BargeIn', supervisorMonitoringMode: 'AllChats' },
    });
    assert.equal(store.getState().messaging.subscriptions.length, 2);
  });

  test('a refused subscription is not shown, and the reason is', async () => {
    const { service, store, gws } = setUp();
    gws.answer = () =>
      err('gws-refused', 'Your user does not have permission for that (GWS status 5).', 'statusCode 5');
    const result = await service.monitor({
      agentId: samples.agentUserId,
      channel: 'chat',
      mode: 'Coach',
      frequency: 'AllChats',
    });
    assert.equal(result.ok, false);
    assert.deepEqual(store.getState().messaging.subscriptions, []);
    assert.match(store.getState().messaging.subscriptionError?.message ?? '', /permission/);
  });

  test('an agent outside the team, or no session, is refused before GWS is asked', async () => {
    const { service, session, gws } = setUp();
    const stranger = await service.monitor({
      agentId: 'nobody',
      channel: 'chat',
      mode: 'Monitor',
      frequency: 'AllChats',
    });
    assert.equal(!stranger.ok && stranger.error.code, 'invalid-input');
    session.api = null;
    const signedOut = await service.monitor({
      agentId: samples.agentUserId,
      channel: 'chat',
      mode: 'Monitor',
      frequency: 'AllChats',
    });
    assert.equal(!signedOut.ok && signedOut.error.code, 'not-signed-in');
    assert.equal(gws.operations.length, 0);
  });

  test('a new mode for the same agent and channel cancels the old subscription first; the same one again is a no-op', async () => {
    const { service, store, gws } = setUp();
    await service.monitor({ agentId: samples.agentUserId, channel: 'chat', mode: 'Monitor', frequency: 'AllChats' });
    assert.deepEqual(
      await service.monitor({ agentId: samples.agentUserId, channel: 'chat', mode: 'Monitor', frequency: 'AllChats' }),
      ok(null),
    );
    await service.monitor({ agentId: samples.agentUserId, channel: 'chat', mode: 'Coach', frequency: 'AllChats' });
    assert.deepEqual(
      gws.operations.map((operation) => operation.body.operationName),
      ['Monitor', 'CancelSupervisorMonitoring', 'Coach'],
    );
    assert.equal(store.getState().messaging.subscriptions[0]?.mode, 'Coach');
  });

  test('cancel removes the subscription; "not monitoring" from GWS removes it too; other refusals keep it', async () => {
    const { service, store, gws } = setUp();
    await service.monitor({ agentId: samples.agentUserId, channel: 'chat', mode: 'Monitor', frequency: 'AllChats' });
    await service.monitor({ agentId: samples.agentUserId, channel: 'sms', mode: 'Monitor', frequency: 'AllChats' });
    assert.deepEqual(await service.cancelMonitoring({ agentId: samples.agentUserId, channel: 'chat' }), ok(null));
    assert.deepEqual(gws.operations.at(-1), {
      path: `/api/v2/users/${samples.agentUserId}/channels/chat`,
      body: { operationName: 'CancelSupervisorMonitoring' },
    });
    assert.deepEqual(
      store.getState().messaging.subscriptions.map((entry) => entry.channel),
      ['sms'],
    );

    gws.answer = () => err('internal', 'Something went wrong.');
    assert.equal((await service.cancelMonitoring({ agentId: samples.agentUserId, channel: 'sms' })).ok, false);
    assert.equal(store.getState().messaging.subscriptions[0]?.pending, false);
    assert.ok(store.getState().messaging.subscriptionError);

    gws.answer = () =>
      err(
        'gws-refused',
        'That is not possible in the current state (GWS status 2).',
        'POST … → HTTP 400, statusCode 2',
      );
    assert.deepEqual(await service.cancelMonitoring({ agentId: samples.agentUserId, channel: 'sms' }), ok(null));
    assert.deepEqual(store.getState().messaging.subscriptions, []);
    const unknown = await service.cancelMonitoring({ agentId: samples.agentUserId, channel: 'sms' });
    assert.equal(!unknown.ok && unknown.error.code, 'invalid-input');
  });
});

describe('monitored conversations', () => {
  async function delivered(frequency: 'AllChats' | 'NextChat' = 'AllChats') {
    const context = setUp();
    await context.service.monitor({ agentId: samples.agentUserId, channel: 'chat', mode: 'Monitor', frequency });
    context.session.notify(samples.deliveredChatEnvelope);
    context.session.notify(samples.deliveredChatHistoryEnvelope);
    await settle();
    return context;
  }

  test('a delivered chat: Monitor from my visibility, switch targets, a closed composer, the monitored agent', async () => {
    const { conversation } = await delivered();
    const card = conversation(chatId);
    assert.ok(card);
    assert.equal(card.channel, 'chat');
    assert.equal(card.state, 'live');
    assert.equal(card.mode, 'Monitor');
    assert.equal(card.myVisibility, 'Supervisors');
    assert.deepEqual(card.switchTargets, ['Coach', 'BargeIn']);
    assert.equal(card.composerDisabledReason, 'You are monitoring silently. Switch to Coach or Barge in to write.');
    assert.equal(card.sendVisibility, null);
    assert.equal(card.agentId, samples.agentUserId);
    assert.equal(card.agentName, 'Ava Vasquez');
    assert.equal(card.customerName, 'Dana Customer');
    assert.equal(card.startedAt, Date.parse('2016-03-16T09:55:18.000+10:00'));
    assert.deepEqual(
      card.participants.map((participant) => `${participant.nickname}:${participant.role}:${participant.isMe}`),
      ['Ava:Agent:false', 'Dana Customer:Customer:false', 'supervisor:Supervisor:true'],
    );
  });

  test('the history becomes the card’s transcript (typing notices left out)', async () => {
    const { conversation, transcript } = await delivered();
    assert.deepEqual(transcript(chatId), [1, 2, 3, 5, 6]);
    assert.equal(conversation(chatId)?.lastMessageAt, 1458086131000);
    assert.deepEqual(conversation(chatId)?.typing, []);
    assert.equal(conversation(chatId)?.lines[4]?.from?.isMe, true);
  });

  test('a new line travels to the UI in the same change as the card fields it moves', async () => {
    const { session, store } = await delivered();
    const before = store.getState();
    const customer = samples.deliveredChatEnvelope.data.chat.participants[1] ?? {};
    session.notify(log(chatId, [line(7, 'Any news?', customer)]));
    const changes = diffState(before, store.getState());
    const upserts = changes?.messaging?.conversations?.upsert ?? [];
    assert.equal(upserts.length, 1);
    const [change] = upserts;
    assert.deepEqual(Object.keys(change ?? {}).sort(), ['append', 'id', 'lastMessageAt']);
    assert.deepEqual(
      change?.append?.lines?.map((shown) => shown.text),
      ['Any news?'],
    );
  });

  test('NextChat: the subscription ends with the conversation it delivers', async () => {
    const { store } = await delivered('NextChat');
    assert.deepEqual(store.getState().messaging.subscriptions, []);
    assert.ok(store.getState().messaging.conversations.length === 1);
  });

  test('typing notices say who is typing; what they send, or a stop, ends it', async () => {
    const { session, conversation } = await delivered();
    const customer = samples.deliveredChatEnvelope.data.chat.participants[1] ?? {};
    const lines = conversation(chatId)?.lines;
    session.notify(log(chatId, [line(7, '', customer, 'TypingStarted')]));
    assert.deepEqual(conversation(chatId)?.typing, ['Dana Customer']);
    assert.equal(conversation(chatId)?.lines, lines, 'a typing notice is not a transcript line');
    session.notify(log(chatId, [line(8, 'Still waiting', customer)]));
    assert.deepEqual(conversation(chatId)?.typing, []);
    session.notify(log(chatId, [line(9, '', customer, 'TypingStarted')]));
    session.notify(log(chatId, [line(10, '', customer, 'TypingStopped')]));
    assert.deepEqual(conversation(chatId)?.typing, []);
    assert.equal(conversation(chatId)?.lines.length, 6);
  });

  test('duplicates change nothing; a gap is fetched with startIndex and count and placed in order', async () => {
    const { session, gws, conversation, transcript, logger } = await delivered();
    const lines = conversation(chatId)?.lines;
    session.notify(samples.deliveredChatHistoryEnvelope);
    assert.equal(conversation(chatId)?.lines, lines);

    gws.bodies.set(`/api/v2/me/chats/${chatId}/messages`, {
      statusCode: 0,
      messages: [line(7, 'seven'), line(8, 'eight')],
    });
    session.notify(log(chatId, [line(9, 'nine')]));
    await settle();
    assert.deepEqual(gws.reads.at(-1), {
      path: `/api/v2/me/chats/${chatId}/messages`,
      query: { startIndex: 7, count: 2 },
    });
    assert.deepEqual(transcript(chatId), [1, 2, 3, 5, 6, 7, 8, 9]);
    assert.ok(logger.records.some((record) => record.message === 'Fetched missing lines'));

    // A line the server cannot return is not asked for again and again.
    gws.bodies.set(`/api/v2/me/chats/${chatId}/messages`, { statusCode: 0, messages: [] });
    session.notify(log(chatId, [line(11, 'eleven')]));
    await settle();
    session.notify(log(chatId, [line(12, 'twelve')]));
    await settle();
    assert.equal(gws.reads.filter((read) => read.query?.startIndex === 10).length, 1);
  });

  test('switching: the operation as GWS spells it, the mode from the participants that follow', async () => {
    const { service, session, gws, conversation } = await delivered();
    gws.hold = true;
    const switching = service.switchMode(chatId, 'BargeIn');
    await settle();
    assert.equal(conversation(chatId)?.pendingCommand, 'switch-to-barge-in');
    const busy = await service.send(chatId, 'hello');
    assert.equal(!busy.ok && busy.error.code, 'invalid-input', 'still Monitor until GWS answers');
    gws.release();
    assert.deepEqual(await switching, ok(null));
    gws.hold = false;
    assert.deepEqual(gws.operations.at(-1), {
      path: `/api/v2/me/chats/${chatId}`,
      body: { operationName: 'SwitchToBargeIn' },
    });
    session.notify(withSupervisorVisibility('All', ['Leave', 'SendMessage', 'SwitchToMonitor', 'SwitchToCoach']));
    const card = conversation(chatId);
    assert.equal(card?.mode, 'BargeIn');
    assert.equal(card?.myVisibility, 'All');
    assert.deepEqual(card?.switchTargets, ['Monitor', 'Coach']);
    assert.equal(card?.composerDisabledReason, null);
    assert.equal(card?.sendVisibility, 'All');
    assert.equal(card?.pendingCommand, null);

    session.notify(withSupervisorVisibility('Agents', ['Leave', 'SendMessage', 'SwitchToMonitor', 'SwitchBargeIn']));
    assert.equal(conversation(chatId)?.mode, 'Coach');
    assert.equal(conversation(chatId)?.sendVisibility, 'Agents');
    assert.deepEqual(conversation(chatId)?.switchTargets, ['Monitor', 'BargeIn']);
  });

  test('a switch the conversation does not offer is refused without asking GWS', async () => {
    const { service, session, gws } = await delivered();
    session.notify(withSupervisorVisibility('Supervisors', ['Leave', 'SwitchToCoach']));
    const before = gws.operations.length;
    const result = await service.switchMode(chatId, 'BargeIn');
    assert.equal(!result.ok && result.error.code, 'invalid-input');
    assert.deepEqual(await service.switchMode(chatId, 'Monitor'), ok(null));
    assert.equal(gws.operations.length, before);
  });

  test('a refused operation sets the error with the server’s reason and changes nothing else', async () => {
    const { service, gws, conversation } = await delivered();
    const before = conversation(chatId);
    gws.answer = () =>
      err(
        'gws-refused',
        'That is not possible in the current state: Supervisor is not allowed (GWS status 2).',
        'statusCode 2',
      );
    const result = await service.switchMode(chatId, 'Coach');
    assert.equal(result.ok, false);
    const after = conversation(chatId);
    assert.match(after?.error?.message ?? '', /Supervisor is not allowed/);
    assert.deepEqual({ ...after, error: null }, { ...before, error: null });
  });

  test('writing: refused in Monitor without asking GWS; SendMessage in Coach', async () => {
    const { service, session, gws, conversation } = await delivered();
    const before = gws.operations.length;
    const silent = await service.send(chatId, 'psst');
    assert.equal(
      !silent.ok && silent.error.message,
      'You are monitoring silently. Switch to Coach or Barge in to write.',
    );
    assert.equal(gws.operations.length, before);
    session.notify(withSupervisorVisibility('Agents', ['SendMessage', 'SwitchToMonitor', 'SwitchBargeIn']));
    assert.deepEqual(await service.send(chatId, 'Offer the voucher'), ok(null));
    assert.deepEqual(gws.operations.at(-1), {
      path: `/api/v2/me/chats/${chatId}`,
      body: { operationName: 'SendMessage', text: 'Offer the voucher' },
    });
    assert.equal(conversation(chatId)?.pendingCommand, null);
  });

  test('Revoked moves the card to the history; the transcript stays readable', async () => {
    const { session, store, service } = await delivered();
    session.notify(samples.revokedChatEnvelope);
    const { conversations, history } = store.getState().messaging;
    assert.deepEqual(conversations, []);
    assert.equal(history[0]?.id, chatId);
    assert.equal(history[0]?.ending, 'ended');
    assert.equal(history[0]?.ended, true);
    assert.equal(history[0]?.agentName, 'Ava Vasquez');
    assert.equal(history[0]?.lines.length, 5, 'the history card keeps its transcript');
    const refused = await service.send(chatId, 'late');
    assert.equal(refused.ok, false);
  });

  test('leave: the farewell goes with it; the card goes to the history and never comes back', async () => {
    const { service, session, gws, store, conversation } = await delivered();
    assert.deepEqual(await service.leave(chatId, ' Thanks, all good '), ok(null));
    assert.deepEqual(gws.operations.at(-1)?.body, { operationName: 'Leave', text: 'Thanks, all good' });
    assert.equal(store.getState().messaging.conversations.length, 0);
    assert.equal(conversation(chatId)?.ending, 'you-left');
    const supervisor = samples.deliveredChatEnvelope.data.chat.participants[2] ?? {};
    session.notify(log(chatId, [line(7, 'Thanks, all good', supervisor)]));
    assert.equal(conversation(chatId)?.lines.at(-1)?.text, 'Thanks, all good');
    session.notify(withSupervisorVisibility('Supervisors', ['Leave']));
    session.notify(samples.deliveredChatEnvelope);
    assert.equal(store.getState().messaging.conversations.length, 0);
    assert.equal(conversation(chatId)?.ended, true);
  });

  test('the audit trail is told of its life: joined with whom, the switch, left (after the leave), signed out', async () => {
    const context = setUp();
    const actions: SupervisorAction[] = [];
    context.service.onAction((action) => actions.push(action));
    await context.service.monitor({
      agentId: samples.agentUserId,
      channel: 'chat',
      mode: 'Monitor',
      frequency: 'AllChats',
    });
    context.session.notify(samples.deliveredChatEnvelope);
    await settle();
    assert.deepEqual(await context.service.switchMode(chatId, 'Coach'), ok(null));
    const life = () =>
      actions
        .filter((action) => action.interactionId !== null)
        .map(({ kind, mode, otherParty, ending }) => ({
          kind,
          mode,
          otherParty: otherParty ?? null,
          ending: ending ?? null,
        }));
    assert.deepEqual(life(), [
      { kind: 'joined', mode: 'Monitor', otherParty: 'Dana Customer', ending: null },
      { kind: 'switch', mode: 'Coach', otherParty: null, ending: null },
    ]);
    context.service.endAll();
    assert.deepEqual(life().at(-1), { kind: 'ended', mode: null, otherParty: 'Dana Customer', ending: 'signed-out' });

    const { service, session } = await delivered();
    const left: SupervisorAction[] = [];
    service.onAction((action) => left.push(action));
    assert.deepEqual(await service.leave(chatId), ok(null));
    session.notify(samples.revokedChatEnvelope);
    service.endAll();
    assert.deepEqual(
      left.map((action) => `${action.kind}:${action.ending ?? ''}`),
      ['leave:', 'ended:you-left'],
      'one end, after the leave; ending everything later adds nothing',
    );
  });

  test('Revoked ends it for the trail as the contact center’s doing', async () => {
    const { service, session } = await delivered();
    const actions: SupervisorAction[] = [];
    service.onAction((action) => actions.push(action));
    session.notify(samples.revokedChatEnvelope);
    assert.deepEqual(
      actions.map((action) => `${action.kind}:${action.ending ?? ''}:${action.interactionId}`),
      [`ended:ended:${chatId}`],
    );
  });

  test('a conversation re-queued and delivered again comes back from the history', async () => {
    const { session, store } = await delivered();
    session.notify(samples.revokedChatEnvelope);
    session.notify(samples.deliveredChatEnvelope);
    assert.equal(store.getState().messaging.conversations[0]?.id, chatId);
    assert.deepEqual(store.getState().messaging.history, []);
  });

  test('SMS (seed 003): the same model under `smssession`', async () => {
    const { session, conversation, gws, service } = setUp();
    session.notify(samples.seed003ParticipantsUpdated);
    await settle();
    session.notify(samples.seed003MessageLog);
    await settle();
    const card = conversation(smsId);
    assert.equal(card?.channel, 'sms');
    assert.equal(card?.mode, 'Monitor');
    assert.deepEqual(card?.switchTargets, ['Coach', 'BargeIn']);
    // Index 4 came first: lines 1–3 are fetched.
    assert.deepEqual(gws.reads.at(-1), {
      path: `/api/v2/me/smssessions/${smsId}/messages`,
      query: { startIndex: 1, count: 3 },
    });
    session.notify(samples.smsBargedInParticipantsUpdated);
    assert.equal(conversation(smsId)?.mode, 'BargeIn');
    await service.switchMode(smsId, 'Coach');
    assert.deepEqual(gws.operations.at(-1), {
      path: `/api/v2/me/smssessions/${smsId}`,
      body: { operationName: 'SwitchToCoach' },
    });
  });
});

describe('what the service does not know, or cannot read', () => {
  test('lines of an unknown conversation: it is read, then its whole log', async () => {
    const { session, gws, conversation } = setUp();
    gws.bodies.set(`/api/v2/me/chats/${chatId}`, samples.chatResponse);
    gws.bodies.set(`/api/v2/me/chats/${chatId}/messages`, samples.messagesResponse);
    session.notify(log(chatId, [line(7, 'seven')]));
    await settle();
    assert.equal(conversation(chatId)?.mode, 'Monitor');
    assert.equal(conversation(chatId)?.lines.length, 5);
  });

  test('an unreadable one is ignored with a log line, never a crash, and not read again for every line', async () => {
    const { session, logger, store, gws } = setUp();
    session.notify(log('GHOST', [line(1, 'boo')]));
    await settle();
    session.notify(log('GHOST', [line(2, 'boo again')]));
    await settle();
    assert.deepEqual(store.getState().messaging.conversations, []);
    assert.equal(
      logger.records.filter(
        (record) => record.message === 'Ignored a notification of a conversation Earshot cannot read',
      ).length,
      1,
    );
    assert.equal(gws.reads.filter((read) => read.path === '/api/v2/me/chats/GHOST').length, 1);
  });

  test('a ParticipantsUpdated of a chat never given to the supervisor is looked up like lines are: no card, one log line', async () => {
    const { session, logger, store, gws } = setUp();
    const chat = samples.deliveredChatEnvelope.data.chat;
    const notGiven = {
      channel: '/v2/me/chats',
      data: {
        messageType: 'ChatStateChangeMessage',
        notificationType: 'ParticipantsUpdated',
        chat: {
          ...chat,
          id: 'STRANGER',
          participants: chat.participants.filter((participant) => participant.participantId !== 'P-SUPERVISOR'),
        },
      },
    };
    session.notify(notGiven);
    await settle();
    session.notify(notGiven);
    session.notify(log('STRANGER', [line(1, 'hello')]));
    await settle();
    assert.deepEqual(store.getState().messaging.conversations, []);
    assert.equal(gws.reads.filter((read) => read.path === '/api/v2/me/chats/STRANGER').length, 1);
    assert.equal(
      logger.records.filter(
        (record) => record.message === 'Ignored a notification of a conversation Earshot cannot read',
      ).length,
      1,
    );
  });

  test('an Invited chat without participants is read for them (A.5); the end of an unknown one is ignored', async () => {
    const { session, gws, conversation, logger } = setUp();
    session.notify(samples.chatCompleted);
    assert.ok(
      logger.records.some((record) => record.message === 'Ignored the end of a conversation Earshot was not in'),
    );
    gws.bodies.set('/api/v2/me/chats/000XJaBEC1HH000S', {
      statusCode: 0,
      chat: {
        ...samples.chatInvitedEnvelope.data.chat,
        participants: samples.chatAcceptedParticipantsUpdated.chat.participants,
      },
    });
    session.notify(samples.chatInvitedEnvelope);
    await settle();
    assert.equal(conversation('000XJaBEC1HH000S')?.agentName, 'Marat');
    assert.equal(conversation('000XJaBEC1HH000S')?.customerName, 'PersonP');
  });

  test('malformed notifications are logged and change nothing; other message types are not its business', () => {
    const { session, logger, store } = setUp();
    const before = store.getState();
    session.notify({
      channel: '/v2/me/chats',
      data: { messageType: 'ChatStateChangeMessage', chat: { state: 'Chatting' } },
    });
    session.notify({ channel: '/v2/me/chats', data: { messageType: 'MessageLogUpdated', messages: 'nope' } });
    session.notify({ channel: '/v2/me/calls', data: { messageType: 'CallStateChangeMessage', call: {} } });
    assert.equal(store.getState(), before);
    assert.equal(
      logger.records.filter((record) => record.message === 'Skipped a malformed chat/SMS notification').length,
      2,
    );
  });
});

describe('recovery after a reconnection', () => {
  test('conversations missing from the snapshot end; present ones get their missing lines; new ones appear', async () => {
    const { session, gws, store, conversation } = setUp();
    session.notify(samples.deliveredChatEnvelope);
    session.notify(samples.deliveredChatHistoryEnvelope);
    session.notify(samples.seed003ParticipantsUpdated);
    await settle();
    gws.bodies.set(`/api/v2/me/chats/${chatId}/messages`, {
      statusCode: 0,
      messages: [...samples.messagesResponse.messages, line(7, 'said while offline')],
    });
    gws.bodies.set('/api/v2/me/chats/NEW1/messages', { statusCode: 0, messages: [line(1, 'hello')] });
    session.snapshot({
      chats: [samples.deliveredChatEnvelope.data.chat, { ...samples.deliveredChatEnvelope.data.chat, id: 'NEW1' }],
      smssessions: [],
    });
    await settle();
    assert.equal(conversation(smsId)?.ended, true);
    assert.equal(conversation(chatId)?.lines.length, 6);
    assert.equal(conversation(chatId)?.lines.at(-1)?.text, 'said while offline');
    assert.equal(conversation('NEW1')?.lines.length, 1);
    assert.deepEqual(
      store.getState().messaging.conversations.map((entry) => entry.id),
      [chatId, 'NEW1'],
    );
  });

  test('one missing from the snapshot but still there when read on its own stays, and gets its lines', async () => {
    const { session, gws, conversation } = setUp();
    session.notify(samples.deliveredChatEnvelope);
    session.notify(samples.deliveredChatHistoryEnvelope);
    await settle();
    gws.bodies.set(`/api/v2/me/chats/${chatId}`, samples.chatResponse);
    gws.bodies.set(`/api/v2/me/chats/${chatId}/messages`, {
      statusCode: 0,
      messages: [...samples.messagesResponse.messages, line(7, 'said while offline')],
    });
    session.snapshot({ chats: [], smssessions: [] });
    await settle();
    assert.equal(conversation(chatId)?.ended, false);
    assert.equal(conversation(chatId)?.lines.at(-1)?.text, 'said while offline');
  });

  test('a snapshot without the arrays asks for the lists instead', async () => {
    const { session, gws, conversation } = setUp();
    gws.bodies.set('/api/v2/me/chats', { statusCode: 0, chats: [samples.deliveredChatEnvelope.data.chat] });
    gws.bodies.set('/api/v2/me/smssessions', { statusCode: 0, smssessions: [] });
    gws.bodies.set(`/api/v2/me/chats/${chatId}/messages`, samples.messagesResponse);
    session.snapshot({});
    await settle();
    assert.deepEqual(gws.reads.find((read) => read.path === '/api/v2/me/chats')?.query, { fields: '*' });
    assert.equal(conversation(chatId)?.lines.length, 5);
  });
});

describe('ending everything', () => {
  test('endAll empties the board; answers to earlier requests change nothing', async () => {
    const { service, session, gws, store } = setUp();
    session.notify(samples.deliveredChatEnvelope);
    await service.monitor({ agentId: samples.agentUserId, channel: 'chat', mode: 'Monitor', frequency: 'AllChats' });
    gws.hold = true;
    const late = service.monitor({
      agentId: samples.agentUserId,
      channel: 'sms',
      mode: 'Monitor',
      frequency: 'AllChats',
    });
    await settle();
    service.endAll();
    gws.release();
    await late;
    assert.deepEqual(store.getState().messaging, {
      subscriptions: [],
      subscriptionError: null,
      conversations: [],
      history: [],
    });
  });

  test('dispose stops listening', () => {
    const { service, session, store } = setUp();
    service.dispose();
    session.notify(samples.deliveredChatEnvelope);
    assert.deepEqual(store.getState().messaging.conversations, []);
  });
});
