import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitFor } from './gws-test-client';
import { agents, wireChannels, withFloor } from './messaging-harness';

const genericOpenings = {
  chat: 'Hi, I need some help with my account.',
  sms: 'Hi, I have a question about my account',
} as const;

for (const channel of wireChannels) {
  describe(`${channel.kind}: the control API’s conversation levers`, () => {
    test('starting one makes a real conversation: the customer’s nickname and first line, accepted by the agent', () =>
      withFloor(async (floor) => {
        const id = await floor.start(channel, agents.ava.userName, { customerName: 'Isla Murphy' });
        const conversation = await floor.conversation(id);
        assert.equal(conversation.kind, channel.kind);
        assert.equal(conversation.state, 'Chatting');
        assert.equal(conversation.agent, agents.ava.userName);
        assert.deepEqual(
          conversation.participants.map((person) => [
            person.role,
            person.nickname,
            person.userName,
            person.visibility,
            person.present,
          ]),
          [
            ['customer', 'Isla Murphy', null, 'All', true],
            ['agent', 'Ava', agents.ava.userName, 'All', true],
          ],
        );
        assert.deepEqual(
          conversation.messages.map((message) => [
            message.index,
            message.type,
            message.from.role,
            message.text,
            message.visibleTo,
          ]),
          [
            [1, 'ParticipantJoined', 'customer', null, ['customer', 'agent', 'supervisor']],
            [2, 'Text', 'customer', genericOpenings[channel.kind], ['customer', 'agent', 'supervisor']],
            [3, 'ParticipantJoined', 'agent', null, ['customer', 'agent', 'supervisor']],
          ],
        );

        const agent = await floor.signIn(agents.ava);
        const own = await agent.rest.get(`/api/v2/me/${channel.collection}?fields=*`);
        const items = own.json?.[channel.collection] as Array<{
          id: string;
          participants: Array<{ nickname: string }>;
        }>;
        assert.deepEqual(
          items.map((item) => [item.id, item.participants.map((person) => person.nickname)]),
          [[id, ['Ava', 'Isla Murphy']]],
        );
        const agentLog = await agent.rest.get(`/api/v2/me/${channel.collection}/${id}/messages`);
        assert.equal((agentLog.json?.messages as unknown[]).length, 3);
      }));

    test('with its script the conversation talks by itself, lines only', () =>
      withFloor(async (floor) => {
        const started = await floor.control('POST', `/agents/${agents.ava.userName}/interactions`, {
          kind: channel.kind,
        });
        assert.equal(started.status, 200);
        const id = String(started.json.id);
        const opening = (await floor.conversation(id)).messages[1]?.text;
        assert.notEqual(opening, genericOpenings[channel.kind], 'the opening comes from a script');
        const reply = await waitFor(
          'the agent’s scripted reply',
          async () =>
            (await floor.conversation(id)).messages.find(
              (message) => message.type === 'Text' && message.from.role === 'agent',
            ),
          20_000,
        );
        assert.equal(reply.visibility, 'All');
        assert.ok(reply.text && !/\{(customer|agent|second|ref)\}/.test(reply.text), 'placeholders are filled in');
      }));

    test('bad requests: 404 for unknown conversations and users, 400 for bad bodies and wrong states', () =>
      withFloor(async (floor) => {
        const id = await floor.start(channel, agents.ava.userName);
        const expect = async (method: string, path: string, body: unknown, status: number) => {
          const reply = await floor.control(method, path, body);
          assert.equal(
            reply.status,
            status,
            `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(reply.json)}`,
          );
          assert.equal(typeof reply.json.error, 'string');
        };
        await expect('POST', '/interactions/0000Xa0000000000/messages', { from: 'customer', text: 'hi' }, 404);
        await expect('GET', '/messaging/0000Xa0000000000', undefined, 404);
        await expect('POST', `/interactions/${id}/messages`, { from: 'supervisor', text: 'hi' }, 400);
        await expect('POST', `/interactions/${id}/messages`, { from: 'customer' }, 400);
        await expect('POST', `/interactions/${id}/messages`, { from: 'customer', text: 'hi', extra: 1 }, 400);
        await expect(
          'POST',
          `/interactions/${id}/messages`,
          { from: 'agent', text: 'hi', agent: agents.marcus.userName },
          400,
        );
        await expect('POST', `/interactions/${id}/messages`, { from: 'agent', text: 'hi', agent: 'nobody' }, 404);
        await expect('POST', `/interactions/${id}/typing`, { from: 'customer', typing: 'yes' }, 400);
        await expect('POST', `/interactions/${id}/join`, { agent: 'nobody' }, 404);
        await expect('POST', `/interactions/${id}/join`, { agent: 'supervisor' }, 400);
        await expect('POST', `/interactions/${id}/join`, { agent: agents.ava.userName }, 400);
        await expect('POST', `/interactions/${id}/join`, { agent: 'lobrien' }, 400);
        await expect('POST', `/interactions/${id}/leave`, { agent: agents.marcus.userName }, 400);
        await expect('POST', `/interactions/${id}/transfer`, { toAgent: agents.ava.userName }, 400);
        await expect('POST', `/interactions/${id}/transfer`, { toAgent: 'lobrien' }, 400);
        await expect('POST', `/interactions/${id}/requeue`, { now: true }, 400);
        await expect('POST', `/agents/${agents.ava.userName}/interactions`, { kind: 'call', customerName: 'Zoe' }, 400);
        await expect('POST', `/agents/${agents.ava.userName}/interactions`, { kind: channel.kind, script: 'no' }, 400);
        await expect('POST', '/agents/supervisor/interactions', { kind: channel.kind }, 400);
        await expect('POST', '/agents/lobrien/interactions', { kind: channel.kind }, 400);

        assert.deepEqual(await floor.act(id, 'requeue'), { ok: true, id, state: 'Queued' });
        await expect('POST', `/interactions/${id}/requeue`, {}, 400);
        await expect('POST', `/interactions/${id}/messages`, { from: 'customer', text: 'anyone?' }, 400);
        assert.deepEqual(await floor.act(id, 'complete'), { ok: true, id, state: 'Completed' });
        await expect('POST', `/interactions/${id}/complete`, {}, 400);
        await expect('POST', `/interactions/${id}/join`, { agent: agents.marcus.userName }, 400);
      }));

    test('DELETE /control/interactions/{id} ends it like complete; GET /control/messaging keeps the ended log', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        await supervisor.monitor(channel, await floor.agentId(agents.ava.userName), { operationName: 'Monitor' });
        const id = await floor.start(channel, agents.ava.userName);
        await supervisor.waitForState(channel, id, 'the delivery', () => true);
        assert.equal((await floor.control('DELETE', `/interactions/${id}`)).status, 200);
        await supervisor.waitForState(channel, id, 'Revoked', (resource) => resource.state === 'Revoked');
        const everything = await floor.control('GET', '/messaging');
        const listed = (everything.json.interactions as Array<{ id: string; state: string }>).find(
          (item) => item.id === id,
        );
        assert.equal(listed?.state, 'Completed');
        assert.deepEqual(
          (everything.json.subscriptions as Array<Record<string, unknown>>).map((item) => [
            item.supervisor,
            item.agent,
            item.channel,
            item.operationName,
            item.supervisorMonitoringMode,
            item.nickname,
          ]),
          [['supervisor', agents.ava.userName, channel.kind, 'Monitor', 'AllChats', 'supervisor']],
        );
      }));
  });
}
