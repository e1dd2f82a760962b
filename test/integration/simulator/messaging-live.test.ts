import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  agents,
  secondSupervisor,
  wireChannels,
  withFloor,
  type MessagingFloor,
  type WireChannel,
  type WireUser,
} from './messaging-harness';

/** The supervisor is in a fresh conversation at Ava's; returns its id. */
async function monitoredConversation(
  floor: MessagingFloor,
  supervisor: WireUser,
  channel: WireChannel,
  operationName = 'Monitor',
): Promise<string> {
  const ava = await floor.agentId(agents.ava.userName);
  await supervisor.monitor(channel, ava, { operationName });
  const id = await floor.start(channel, agents.ava.userName, { customerName: 'Grace Adeyemi' });
  await supervisor.waitForState(channel, id, 'the delivered conversation', () => true);
  return id;
}

for (const channel of wireChannels) {
  describe(`${channel.kind}: a monitored conversation as it goes on`, () => {
    test('customer and agent lines and typing reach the supervisor as NewMessages', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel);

        await floor.act(id, 'typing', { from: 'customer', typing: true });
        await floor.act(id, 'typing', { from: 'customer', typing: false });
        await floor.say(id, 'customer', 'My parcel is two days late.');
        await floor.act(id, 'typing', { from: 'agent', typing: true });
        await floor.say(id, 'agent', 'Let me check that for you, Grace.');
        const reply = await supervisor.waitForLine(
          channel,
          id,
          'the agent’s line',
          (line) => line.text === 'Let me check that for you, Grace.',
        );

        const live = supervisor.logs(channel, id).slice(1).flat();
        assert.deepEqual(
          live.map((line) => [line.type, line.from.nickname, line.from.type, line.visibility, line.text]),
          [
            ['TypingStarted', 'Grace Adeyemi', 'Customer', 'All', undefined],
            ['TypingStopped', 'Grace Adeyemi', 'Customer', 'All', undefined],
            ['Text', 'Grace Adeyemi', 'Customer', 'All', 'My parcel is two days late.'],
            ['TypingStarted', 'Ava', 'Agent', 'All', undefined],
            ['Text', 'Ava', 'Agent', 'All', 'Let me check that for you, Grace.'],
          ],
        );
        assert.deepEqual(
          live.map((line) => line.index),
          [5, 6, 7, 8, 9],
        );
        assert.equal(reply.from.visibility, 'All');
        assert.ok(reply.from.uri?.endsWith(`/users/${await floor.agentId(agents.ava.userName)}`));
      }));

    test('a second agent joins and the first leaves: ParticipantsUpdated each time, and monitoring goes on', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel);

        await floor.act(id, 'join', { agent: agents.marcus.userName });
        const joined = await supervisor.waitForState(
          channel,
          id,
          'Marcus in the participants',
          (resource, type) =>
            type === 'ParticipantsUpdated' && resource.participants.some((person) => person.nickname === 'Marcus'),
        );
        assert.deepEqual(
          joined.participants.map((person) => [person.nickname, person.type, person.visibility]),
          [
            ['Ava', 'Agent', 'All'],
            ['Marcus', 'Agent', 'All'],
            ['supervisor', 'Agent', 'Supervisors'],
            ['Grace Adeyemi', 'Customer', 'All'],
          ],
        );
        const joinLine = await supervisor.waitForLine(
          channel,
          id,
          'Marcus’s ParticipantJoined',
          (line) => line.type === 'ParticipantJoined' && line.from.nickname === 'Marcus',
        );
        assert.equal(joinLine.visibility, 'All');

        await floor.act(id, 'leave', { agent: agents.ava.userName });
        const left = await supervisor.waitForState(
          channel,
          id,
          'Ava gone from the participants',
          (resource, type) =>
            type === 'ParticipantsUpdated' && !resource.participants.some((person) => person.nickname === 'Ava'),
        );
        assert.equal(left.state, 'Chatting');
        assert.deepEqual(left.capabilities.slice(-2), ['SwitchToCoach', 'SwitchBargeIn']);
        await supervisor.waitForLine(
          channel,
          id,
          'Ava’s ParticipantLeft',
          (line) => line.type === 'ParticipantLeft' && line.from.nickname === 'Ava',
        );

        await floor.say(id, 'agent', 'Hi Grace, Marcus here, I’ll take it from here.');
        const marcusLine = await supervisor.waitForLine(
          channel,
          id,
          'Marcus’s line',
          (line) => line.text?.startsWith('Hi Grace, Marcus') === true,
        );
        assert.equal(marcusLine.from.nickname, 'Marcus');
        assert.ok(
          !supervisor.states(channel, id).some((state) => state.resource.state === 'Revoked'),
          'another agent stays, so monitoring goes on',
        );
        assert.equal((await floor.conversation(id)).agent, agents.marcus.userName);

        await floor.act(id, 'leave', { agent: agents.marcus.userName });
        const revoked = await supervisor.waitForState(
          channel,
          id,
          'Revoked when the last agent leaves',
          (resource) => resource.state === 'Revoked',
        );
        assert.deepEqual(revoked.capabilities, []);
        assert.equal((await floor.conversation(id)).state, 'Completed');
      }));

    test('Revoked with no capabilities when the conversation is completed', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel);
        assert.deepEqual(await floor.act(id, 'complete'), { ok: true, id, state: 'Completed' });
        const revoked = await supervisor.waitForState(
          channel,
          id,
          'the Revoked state',
          (resource) => resource.state === 'Revoked',
        );
        const last = supervisor.states(channel, id).at(-1);
        assert.equal(last?.notificationType, 'StatusChange');
        assert.equal(last?.messageType, channel.stateMessageType);
        assert.deepEqual(revoked.capabilities, []);
        const gone = await supervisor.rest.get(`/api/v2/me/${channel.collection}/${id}/messages`);
        assert.equal(gone.status, 404);
        assert.equal(gone.json?.statusCode, 6);
      }));

    test('Revoked when placed back in a queue; the agent who takes it next brings in their own watcher', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const jordan = await floor.signIn(secondSupervisor);
        await jordan.monitor(channel, await floor.agentId(agents.marcus.userName), { operationName: 'Coach' });
        const id = await monitoredConversation(floor, supervisor, channel);
        await floor.say(id, 'customer', 'Can someone from billing help?');

        assert.deepEqual(await floor.act(id, 'requeue'), { ok: true, id, state: 'Queued' });
        const revoked = await supervisor.waitForState(
          channel,
          id,
          'Revoked on requeue',
          (resource) => resource.state === 'Revoked',
        );
        assert.deepEqual(revoked.capabilities, []);
        const beforeRevoked = supervisor.lines(channel, id).at(-1);
        assert.equal(beforeRevoked?.type, 'ParticipantLeft');
        assert.equal(beforeRevoked?.from.nickname, 'Ava');

        assert.deepEqual(await floor.act(id, 'join', { agent: agents.marcus.userName }), {
          ok: true,
          id,
          state: 'Chatting',
        });
        const delivered = await jordan.waitForState(
          channel,
          id,
          'Jordan’s delivery after the requeue',
          (_resource, type) => type === 'StatusChange',
        );
        assert.equal(delivered.state, 'Chatting');
        assert.deepEqual(
          delivered.participants.map((person) => [person.nickname, person.visibility]),
          [
            ['Marcus', 'All'],
            ['jellis', 'Agents'],
            ['Grace Adeyemi', 'All'],
          ],
        );
        const history = jordan.logs(channel, id)[0] ?? [];
        assert.deepEqual(
          history.slice(3).map((line) => [line.type, line.from.nickname]),
          [
            ['ParticipantJoined', 'supervisor'],
            ['Text', 'Grace Adeyemi'],
            ['ParticipantLeft', 'Ava'],
            ['ParticipantJoined', 'Marcus'],
            ['ParticipantJoined', 'jellis'],
          ],
          'the whole history, the earlier supervisor and the requeue included',
        );
        const conversation = await floor.conversation(id);
        assert.deepEqual(
          conversation.participants
            .filter((person) => person.role === 'supervisor')
            .map((person) => [person.userName, person.present]),
          [
            ['supervisor', false],
            ['jellis', true],
          ],
          'monitoring that followed Ava does not come back with the conversation',
        );
      }));

    test('transfer: the old agent leaves, the new joins; the supervisor in it stays, the new agent’s watcher joins', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const jordan = await floor.signIn(secondSupervisor);
        await jordan.monitor(channel, await floor.agentId(agents.marcus.userName), { operationName: 'Monitor' });
        const id = await monitoredConversation(floor, supervisor, channel);

        assert.deepEqual(await floor.act(id, 'transfer', { toAgent: agents.marcus.userName }), {
          ok: true,
          id,
          state: 'Chatting',
        });
        await jordan.waitForState(
          channel,
          id,
          'Jordan’s delivery at the transfer',
          (_resource, type) => type === 'StatusChange',
        );
        await supervisor.waitForLine(
          channel,
          id,
          'Ava’s ParticipantLeft',
          (line) => line.type === 'ParticipantLeft' && line.from.nickname === 'Ava',
        );
        const afterHistory = supervisor.logs(channel, id).slice(1).flat();
        const transferLines = afterHistory.filter(
          (line) => line.type === 'ParticipantJoined' || line.type === 'ParticipantLeft',
        );
        assert.deepEqual(
          transferLines.map((line) => [line.type, line.from.nickname]),
          [
            ['ParticipantJoined', 'Marcus'],
            ['ParticipantJoined', 'jellis'],
            ['ParticipantLeft', 'Ava'],
          ],
        );
        const now = supervisor.states(channel, id).at(-1)?.resource;
        assert.deepEqual(
          now?.participants.map((person) => person.nickname),
          ['Marcus', 'supervisor', 'jellis', 'Grace Adeyemi'],
        );
        assert.equal((await floor.conversation(id)).agent, agents.marcus.userName);

        // Monitoring followed Ava, not the conversation: Marcus's next one is Jordan's alone.
        const marcusNext = await floor.start(channel, agents.marcus.userName);
        await jordan.waitForState(channel, marcusNext, 'Marcus’s next conversation at Jordan', () => true);
        await floor.say(id, 'customer', 'Thanks for taking over.');
        await supervisor.waitForLine(
          channel,
          id,
          'the line after the transfer',
          (line) => line.text === 'Thanks for taking over.',
        );
        assert.deepEqual(supervisor.about(channel, marcusNext), []);
      }));

    test('an agent who joined and logs out leaves; the conversation goes on', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel);
        await floor.act(id, 'join', { agent: agents.marcus.userName });
        assert.equal(
          (await floor.control('POST', `/agents/${agents.marcus.userName}/state`, { state: 'LoggedOut' })).status,
          200,
        );
        await supervisor.waitForLine(
          channel,
          id,
          'Marcus’s ParticipantLeft',
          (line) => line.type === 'ParticipantLeft' && line.from.nickname === 'Marcus',
        );
        const conversation = await floor.conversation(id);
        assert.equal(conversation.state, 'Chatting');
        assert.equal(conversation.agent, agents.ava.userName);
      }));
  });
}
