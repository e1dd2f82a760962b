import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitFor } from './gws-test-client';
import {
  agents,
  secondSupervisor,
  seedCapabilities,
  wireChannels,
  withFloor,
  type WireMessage,
} from './messaging-harness';

const dateFormat = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;

for (const channel of wireChannels) {
  describe(`${channel.kind} monitoring subscriptions (POST /users/{id}/channels/${channel.monitorSegment})`, () => {
    test('status codes: session first, supervisors only, known agents, valid modes, cancel only what exists', () =>
      withFloor(async (floor) => {
        const ava = await floor.agentId(agents.ava.userName);
        const early = await floor.signIn(floor.simulator.demo, { startSession: false });
        const noSession = await early.monitor(channel, ava, { operationName: 'Monitor' });
        assert.equal(noSession.status, 400);
        assert.equal(noSession.json?.statusCode, 2);

        const supervisor = await floor.supervisor();
        assert.deepEqual((await supervisor.monitor(channel, ava, { operationName: 'Monitor' })).json, {
          statusCode: 0,
        });
        const unknown = await supervisor.monitor(channel, '0'.repeat(32), { operationName: 'Monitor' });
        assert.equal(unknown.status, 404);
        assert.equal(unknown.json?.statusCode, 6);
        const badMode = await supervisor.monitor(channel, ava, {
          operationName: 'Monitor',
          supervisorMonitoringMode: 'NextCall',
        });
        assert.equal(badMode.status, 400);
        assert.equal(badMode.json?.statusCode, 1);
        assert.match(String(badMode.json?.statusMessage), /supervisorMonitoringMode/);
        const voiceOperation = await supervisor.monitor(channel, ava, { operationName: 'ListenIn' });
        assert.equal(voiceOperation.status, 400);
        assert.equal(voiceOperation.json?.statusCode, 1);
        const colleague = await supervisor.monitor(channel, await supervisorId(floor.baseUrl), {
          operationName: 'Coach',
        });
        assert.equal(colleague.status, 400);
        assert.equal(colleague.json?.statusCode, 2);
        assert.equal(
          (await supervisor.rest.get(`/api/v2/users/${ava}/channels/${channel.monitorSegment}`)).status,
          405,
        );

        const agent = await floor.signIn(agents.marcus);
        const refused = await agent.monitor(channel, ava, { operationName: 'Monitor' });
        assert.equal(refused.status, 403);
        assert.equal(refused.json?.statusCode, 5);

        assert.deepEqual(
          (await supervisor.monitor(channel, ava, { operationName: 'CancelSupervisorMonitoring' })).json,
          { statusCode: 0 },
        );
        const again = await supervisor.monitor(channel, ava, { operationName: 'CancelSupervisorMonitoring' });
        assert.equal(again.status, 400);
        assert.equal(again.json?.statusCode, 2);
        assert.deepEqual((await floor.control('GET', '/messaging')).json.subscriptions, []);
      }));

    if (channel.monitorAliases.length > 0) {
      test(`the misspelled paths /channels/${channel.monitorAliases.join(' and /channels/')} work like /channels/${channel.monitorSegment}`, () =>
        withFloor(async (floor) => {
          const supervisor = await floor.supervisor();
          const ava = await floor.agentId(agents.ava.userName);
          for (const alias of channel.monitorAliases) {
            assert.deepEqual((await supervisor.monitor(channel, ava, { operationName: 'Coach' }, alias)).json, {
              statusCode: 0,
            });
            const subscriptions = (await floor.control('GET', '/messaging')).json.subscriptions as Array<
              Record<string, unknown>
            >;
            assert.deepEqual(
              subscriptions.map((item) => [item.agent, item.channel, item.operationName]),
              [[agents.ava.userName, channel.kind, 'Coach']],
            );
            assert.deepEqual(
              (await supervisor.monitor(channel, ava, { operationName: 'CancelSupervisorMonitoring' }, alias)).json,
              { statusCode: 0 },
            );
          }
        }));
    }

    test('the next one the agent accepts is delivered, never the one in progress, with the seed-003 shape', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const ava = await floor.agentId(agents.ava.userName);
        const current = await floor.start(channel, agents.ava.userName);
        assert.deepEqual(
          (await supervisor.monitor(channel, ava, { operationName: 'Monitor', supervisorMonitoringMode: 'AllChats' }))
            .json,
          { statusCode: 0 },
        );
        await floor.say(current, 'customer', 'Are you still there?');
        const next = await floor.start(channel, agents.ava.userName, { customerName: 'Olivia Park' });

        const delivered = await supervisor.waitForState(
          channel,
          next,
          'the delivered conversation',
          (_resource, type) => type === 'StatusChange',
        );
        const history = await waitFor('its history', () => supervisor.logs(channel, next)[0]);
        assert.deepEqual(supervisor.about(channel, current), [], 'the conversation in progress is not delivered');
        const arrivals = supervisor.about(channel, next);
        assert.deepEqual(
          arrivals.map((event) => [event.channel, event.data.messageType, event.data.notificationType]),
          [
            [channel.topic, channel.stateMessageType, 'StatusChange'],
            [channel.topic, 'MessageLogUpdated', 'NewMessages'],
          ],
        );
        assert.equal(arrivals[1]?.data[channel.uriKey], `${floor.baseUrl}/api/v2/${channel.collection}/${next}`);

        assert.equal(delivered.id, next);
        assert.equal(delivered.state, 'Chatting');
        assert.equal(delivered.chatType, 'Inbound');
        assert.match(delivered.receivedDate, dateFormat);
        assert.equal(delivered.uri, `${floor.baseUrl}/api/v2/${channel.collection}/${next}`);
        assert.deepEqual(delivered.userData, {});
        assert.deepEqual(delivered.capabilities, [...seedCapabilities, 'SwitchToCoach', 'SwitchBargeIn']);
        assert.deepEqual(
          delivered.participants.map((person) => [person.nickname, person.type, person.visibility, person.uri]),
          [
            ['Ava', 'Agent', 'All', `${floor.baseUrl}/api/v2/users/${ava}`],
            ['supervisor', 'Agent', 'Supervisors', `${floor.baseUrl}/api/v2/users/${supervisor.userId}`],
            ['Olivia Park', 'Customer', 'All', undefined],
          ],
        );
        for (const person of delivered.participants) assert.match(person.participantId, /^[0-9A-F]{16}$/);

        assertHistory(history, supervisor.userId);
        assert.deepEqual(
          history.map((line) => [line.type, line.from.nickname, line.visibility]),
          [
            ['ParticipantJoined', 'Olivia Park', 'All'],
            ['Text', 'Olivia Park', 'All'],
            ['ParticipantJoined', 'Ava', 'All'],
            ['ParticipantJoined', 'supervisor', 'Supervisors'],
          ],
        );
      }));

    test('NextChat ends after one delivery; AllChats goes on; a nickname replaces the user name', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const ava = await floor.agentId(agents.ava.userName);
        const marcus = await floor.agentId(agents.marcus.userName);
        await supervisor.monitor(channel, ava, {
          operationName: 'Monitor',
          supervisorMonitoringMode: 'NextChat',
          nickname: 'Team lead',
        });
        await supervisor.monitor(channel, marcus, { operationName: 'Coach' });

        const first = await floor.start(channel, agents.ava.userName);
        const delivered = await supervisor.waitForState(channel, first, 'the next chat', () => true);
        assert.ok(
          delivered.participants.some(
            (person) => person.nickname === 'Team lead' && person.visibility === 'Supervisors',
          ),
        );
        const subscriptions = (await floor.control('GET', '/messaging')).json.subscriptions as Array<
          Record<string, unknown>
        >;
        assert.deepEqual(
          subscriptions.map((item) => [item.agent, item.supervisorMonitoringMode]),
          [[agents.marcus.userName, 'AllChats']],
          'NextChat ended with its delivery',
        );

        const second = await floor.start(channel, agents.ava.userName);
        const marcusFirst = await floor.start(channel, agents.marcus.userName);
        const marcusSecond = await floor.start(channel, agents.marcus.userName);
        await supervisor.waitForState(channel, marcusSecond, 'Marcus’s second chat (AllChats)', () => true);
        assert.ok(supervisor.states(channel, marcusFirst).length > 0, 'AllChats delivered the first too');
        const coached = supervisor.states(channel, marcusFirst)[0]?.resource;
        assert.deepEqual(coached?.capabilities.slice(-2), ['SwitchToMonitor', 'SwitchBargeIn']);
        assert.equal(coached?.participants.find((person) => person.nickname === 'supervisor')?.visibility, 'Agents');
        assert.deepEqual(
          supervisor.about(channel, second),
          [],
          'a NextChat subscription delivers one conversation only',
        );
      }));

    test('several supervisors may watch one agent; each sees the other, the agent sees only the coach', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const jordan = await floor.signIn(secondSupervisor);
        const agent = await floor.signIn(agents.ava);
        const ava = agent.userId;
        await supervisor.monitor(channel, ava, { operationName: 'Monitor' });
        await jordan.monitor(channel, ava, { operationName: 'Coach', nickname: 'Jordan' });

        const id = await floor.start(channel, agents.ava.userName, { customerName: 'Nora Jensen' });
        await jordan.waitForState(channel, id, 'Jordan’s delivery', () => true);
        const seen = await supervisor.waitForState(
          channel,
          id,
          'Jordan in the supervisor’s participant list',
          (resource, type) =>
            type === 'ParticipantsUpdated' && resource.participants.some((person) => person.nickname === 'Jordan'),
        );
        assert.deepEqual(
          seen.participants.map((person) => [person.nickname, person.visibility]),
          [
            ['Ava', 'All'],
            ['supervisor', 'Supervisors'],
            ['Jordan', 'Agents'],
            ['Nora Jensen', 'All'],
          ],
        );
        const jordanHistory = jordan.logs(channel, id)[0] ?? [];
        assert.ok(
          jordanHistory.some((line) => line.type === 'ParticipantJoined' && line.from.nickname === 'supervisor'),
          'supervisors see every join',
        );

        const agentView = await agent.rest.get(`/api/v2/me/${channel.collection}/${id}/messages`);
        assert.equal(agentView.status, 200);
        const joins = (agentView.json?.messages as WireMessage[])
          .filter((line) => line.type === 'ParticipantJoined')
          .map((line) => line.from.nickname);
        assert.ok(joins.includes('Jordan'), 'the coach is visible to agents');
        assert.ok(!joins.includes('supervisor'), 'a monitoring supervisor is visible to supervisors only');
      }));

    test('EndContactCenterSession ends the subscriptions and leaves the conversations', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const ava = await floor.agentId(agents.ava.userName);
        await supervisor.monitor(channel, ava, { operationName: 'Monitor' });
        const id = await floor.start(channel, agents.ava.userName);
        await supervisor.waitForState(channel, id, 'the delivery', () => true);
        // Its CometD client would otherwise retry against the ended session and log about it.
        await supervisor.close();
        assert.equal(
          (await supervisor.rest.post('/api/v2/me', { operationName: 'EndContactCenterSession' })).status,
          200,
        );
        const after = await floor.control('GET', '/messaging');
        assert.deepEqual(after.json.subscriptions, []);
        const conversation = await floor.conversation(id);
        assert.equal(conversation.state, 'Chatting');
        assert.equal(conversation.participants.find((person) => person.role === 'supervisor')?.present, false);
        assert.deepEqual(conversation.messages.at(-1)?.type, 'ParticipantLeft');
        assert.deepEqual(conversation.messages.at(-1)?.visibility, 'Supervisors');
      }));
  });
}

async function supervisorId(baseUrl: string): Promise<string> {
  const state = await fetch(`${baseUrl}/control/state`, { signal: AbortSignal.timeout(5_000) });
  const body = (await state.json()) as { supervisors: Array<{ id: string; userName: string }> };
  const jordan = body.supervisors.find((user) => user.userName === secondSupervisor.userName);
  if (!jordan) throw new Error('no second supervisor');
  return jordan.id;
}

/** Indices from 1 without gaps, GWS dates, millisecond timestamps, and the supervisor's join last. */
function assertHistory(history: readonly WireMessage[], supervisorUserId: string): void {
  assert.deepEqual(
    history.map((line) => line.index),
    history.map((_line, position) => position + 1),
  );
  for (const line of history) {
    assert.match(line.timestamp, dateFormat);
    assert.ok(
      Number.isInteger(line.timestampSeconds) && line.timestampSeconds > 1_600_000_000_000,
      'timestampSeconds is in milliseconds',
    );
  }
  const last = history.at(-1);
  assert.equal(last?.type, 'ParticipantJoined');
  assert.equal(last?.visibility, 'Supervisors');
  assert.equal(last?.from.visibility, 'Supervisors');
  assert.equal(last?.from.type, 'Agent');
  assert.ok(last?.from.uri?.endsWith(`/users/${supervisorUserId}`));
}
