import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitFor } from './gws-test-client';
import {
  agents,
  secondSupervisor,
  seedCapabilities,
  wireChannels,
  withFloor,
  type MessagingFloor,
  type WireChannel,
  type WireMessage,
  type WireUser,
} from './messaging-harness';

async function monitoredConversation(
  floor: MessagingFloor,
  supervisor: WireUser,
  channel: WireChannel,
  operationName = 'Monitor',
): Promise<string> {
  await supervisor.monitor(channel, await floor.agentId(agents.ava.userName), { operationName });
  const id = await floor.start(channel, agents.ava.userName, { customerName: 'Felix Weber' });
  await supervisor.waitForState(channel, id, 'the delivered conversation', () => true);
  return id;
}

function expectFailure(
  response: { status: number; json: Record<string, unknown> | undefined },
  status: number,
  statusCode: number,
): void {
  assert.equal(response.status, status);
  assert.equal(response.json?.statusCode, statusCode);
  assert.equal(typeof response.json?.statusMessage, 'string');
}

for (const channel of wireChannels) {
  describe(`${channel.kind}: the supervisor’s operations (POST /me/${channel.collection}/{id})`, () => {
    test('switches follow the mode table and answer with ParticipantsUpdated, then ParticipantRejoined (seed 003)', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'SwitchToMonitor' }), 400, 2);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'SwitchBargeIn' }), 400, 1);

        const steps = [
          { operationName: 'SwitchToCoach', visibility: 'Agents', switches: ['SwitchToMonitor', 'SwitchBargeIn'] },
          { operationName: 'SwitchToBargeIn', visibility: 'All', switches: ['SwitchToMonitor', 'SwitchToCoach'] },
          { operationName: 'SwitchToMonitor', visibility: 'Supervisors', switches: ['SwitchToCoach', 'SwitchBargeIn'] },
        ];
        for (const step of steps) {
          const before = supervisor.about(channel, id).length;
          assert.deepEqual((await supervisor.operate(channel, id, { operationName: step.operationName })).json, {
            statusCode: 0,
          });
          const [updated, logged] = await waitFor(`the two notifications of ${step.operationName}`, () => {
            const fresh = supervisor.about(channel, id).slice(before);
            return fresh.length >= 2 ? fresh : undefined;
          });
          assert.equal(updated?.data.messageType, channel.stateMessageType);
          assert.equal(updated?.data.notificationType, 'ParticipantsUpdated');
          const resource = updated?.data[channel.resourceKey] as {
            state: string;
            capabilities: string[];
            participants: Array<{ nickname: string; visibility: string }>;
          };
          assert.equal(resource.state, 'Chatting');
          assert.deepEqual(resource.capabilities, [...seedCapabilities, ...step.switches]);
          assert.equal(
            resource.participants.find((person) => person.nickname === 'supervisor')?.visibility,
            step.visibility,
          );
          assert.equal(logged?.data.messageType, 'MessageLogUpdated');
          assert.equal(logged?.data[channel.uriKey], `${floor.baseUrl}/api/v2/${channel.collection}/${id}`);
          const [rejoined, ...rest] = logged?.data.messages as WireMessage[];
          assert.deepEqual(rest, []);
          assert.equal(rejoined?.type, 'ParticipantRejoined');
          assert.equal(rejoined?.visibility, 'All');
          assert.equal(rejoined?.from.nickname, 'supervisor');
          assert.equal(rejoined?.from.visibility, step.visibility);
          expectFailure(await supervisor.operate(channel, id, { operationName: step.operationName }), 400, 2);
        }
      }));

    test('Monitor cannot send; a Coach line reaches only agents; a BargeIn line reaches everyone', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const agent = await floor.signIn(agents.ava);
        const id = await monitoredConversation(floor, supervisor, channel);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'SendMessage', text: 'Hello' }), 400, 2);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'SendStartTypingNotification' }), 400, 2);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'SendToAgents', text: 'Psst' }), 400, 2);

        await supervisor.operate(channel, id, { operationName: 'SwitchToCoach' });
        expectFailure(await supervisor.operate(channel, id, { operationName: 'SendMessage' }), 400, 1);
        assert.deepEqual(
          (await supervisor.operate(channel, id, { operationName: 'SendStartTypingNotification' })).json,
          { statusCode: 0 },
        );
        assert.deepEqual(
          (await supervisor.operate(channel, id, { operationName: 'SendMessage', text: 'Offer the refund.' })).json,
          { statusCode: 0 },
        );
        const coachLine = await supervisor.waitForLine(
          channel,
          id,
          'the coach line',
          (line) => line.text === 'Offer the refund.',
        );
        assert.equal(coachLine.visibility, 'Agents');
        assert.equal(coachLine.from.visibility, 'Agents');
        assert.equal(coachLine.type, 'Text');
        const agentCopy = await agent.waitForLine(
          channel,
          id,
          'the coach line at the agent',
          (line) => line.text === 'Offer the refund.',
        );
        assert.equal(agentCopy.visibility, 'Agents');

        await supervisor.operate(channel, id, { operationName: 'SwitchToBargeIn' });
        await supervisor.operate(channel, id, { operationName: 'SendMessage', text: 'Hi Felix, I’m joining to help.' });
        await supervisor.waitForLine(
          channel,
          id,
          'the barge-in line',
          (line) => line.text === 'Hi Felix, I’m joining to help.',
        );

        const recorded = await floor.conversation(id);
        const fromSupervisor = recorded.messages.filter((message) => message.from.role === 'supervisor');
        assert.deepEqual(
          fromSupervisor.map((message) => [
            message.type,
            message.text,
            message.visibility,
            message.visibleTo,
            message.recipients.map((person) => person.role).sort(),
          ]),
          [
            ['ParticipantJoined', null, 'Supervisors', ['supervisor'], []],
            ['ParticipantRejoined', null, 'All', ['customer', 'agent', 'supervisor'], ['agent', 'customer']],
            ['TypingStarted', null, 'Agents', ['agent', 'supervisor'], ['agent']],
            ['Text', 'Offer the refund.', 'Agents', ['agent', 'supervisor'], ['agent']],
            ['ParticipantRejoined', null, 'All', ['customer', 'agent', 'supervisor'], ['agent', 'customer']],
            [
              'Text',
              'Hi Felix, I’m joining to help.',
              'All',
              ['customer', 'agent', 'supervisor'],
              ['agent', 'customer'],
            ],
          ],
          'what the supervisor sent, with its visibility and who it reached',
        );

        const agentLog = await agent.rest.get(`/api/v2/me/${channel.collection}/${id}/messages`);
        const agentTexts = (agentLog.json?.messages as WireMessage[])
          .filter((line) => line.from.nickname === 'supervisor')
          .map((line) => line.type);
        assert.deepEqual(
          agentTexts,
          ['ParticipantRejoined', 'TypingStarted', 'Text', 'ParticipantRejoined', 'Text'],
          'the agent never reads the Monitor-mode join',
        );
      }));

    test('Leave with a farewell: the supervisor’s copy is Completed and the conversation goes on without them', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel, 'BargeIn');
        const delivered = supervisor.states(channel, id)[0]?.resource;
        assert.equal(delivered?.participants.find((person) => person.nickname === 'supervisor')?.visibility, 'All');
        assert.deepEqual(delivered?.capabilities.slice(-2), ['SwitchToMonitor', 'SwitchToCoach']);

        assert.deepEqual(
          (await supervisor.operate(channel, id, { operationName: 'Leave', text: 'Felix is in good hands, bye!' }))
            .json,
          { statusCode: 0 },
        );
        const completed = await supervisor.waitForState(
          channel,
          id,
          'the Completed copy',
          (resource) => resource.state === 'Completed',
        );
        assert.deepEqual(completed.capabilities, []);
        const farewell = supervisor.logs(channel, id).at(-1) ?? [];
        assert.deepEqual(
          farewell.map((line) => [line.type, line.text, line.visibility]),
          [
            ['Text', 'Felix is in good hands, bye!', 'All'],
            ['ParticipantLeft', undefined, 'All'],
          ],
        );
        expectFailure(
          await supervisor.operate(channel, id, { operationName: 'SendMessage', text: 'still here?' }),
          404,
          6,
        );

        await floor.say(id, 'customer', 'Thanks both!');
        const recorded = await floor.conversation(id);
        assert.equal(recorded.state, 'Chatting');
        const after = recorded.messages.at(-1);
        assert.equal(after?.text, 'Thanks both!');
        assert.deepEqual(
          after?.recipients.map((person) => person.role),
          ['agent'],
          'the supervisor who left no longer receives lines',
        );
      }));

    test('reads: message log with paging, the supervised list and resources; only for those in it', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const jordan = await floor.signIn(secondSupervisor);
        const id = await monitoredConversation(floor, supervisor, channel);
        await floor.say(id, 'customer', 'Line five');

        const all = await supervisor.rest.get(`/api/v2/me/${channel.collection}/${id}/messages`);
        assert.equal(all.json?.statusCode, 0);
        const messages = all.json?.messages as WireMessage[];
        assert.deepEqual(
          messages.map((line) => line.index),
          [1, 2, 3, 4, 5],
        );
        const page = await supervisor.rest.get(`/api/v2/me/${channel.collection}/${id}/messages?startIndex=2&count=2`);
        assert.deepEqual(
          (page.json?.messages as WireMessage[]).map((line) => line.index),
          [2, 3],
        );
        expectFailure(await supervisor.rest.get(`/api/v2/me/${channel.collection}/${id}/messages?count=0`), 400, 10);
        expectFailure(
          await supervisor.rest.get(`/api/v2/me/${channel.collection}/${id}/messages?startIndex=first`),
          400,
          1,
        );
        expectFailure(await jordan.rest.get(`/api/v2/me/${channel.collection}/${id}/messages`), 404, 6);
        const otherCollection = channel.collection === 'chats' ? 'smssessions' : 'chats';
        expectFailure(await supervisor.rest.get(`/api/v2/me/${otherCollection}/${id}/messages`), 404, 6);

        const listed = await supervisor.rest.get(`/api/v2/me/${channel.collection}?fields=*`);
        const items = listed.json?.[channel.collection] as Array<{ id: string; state: string; capabilities: string[] }>;
        assert.deepEqual(
          items.map((item) => [item.id, item.state]),
          [[id, 'Chatting']],
        );
        assert.deepEqual((await supervisor.rest.get(`/api/v2/me/${channel.collection}`)).json, {
          statusCode: 0,
          uris: [`${floor.baseUrl}/api/v2/${channel.collection}/${id}`],
        });
        const me = await supervisor.rest.get(`/api/v2/me?subresources=${channel.collection}`);
        const embedded = (me.json?.user as Record<string, Array<{ id: string; capabilities: string[] }>>)[
          channel.collection
        ];
        assert.deepEqual(
          embedded?.map((item) => [item.id, item.capabilities.at(-1)]),
          [[id, 'SwitchBargeIn']],
          'GET /me?subresources lists the supervised conversation too',
        );
        const one = await supervisor.rest.get(`/api/v2/me/${channel.collection}/${id}`);
        assert.equal((one.json?.[channel.resourceKey] as { id: string }).id, id);
        const byUri = await supervisor.rest.get(`/api/v2/${channel.collection}/${id}`);
        assert.deepEqual(byUri.json, one.json);
        expectFailure(await jordan.rest.get(`/api/v2/${channel.collection}/${id}`), 404, 6);
      }));

    test('unknown operations, unknown ids, the other channel’s path and the misspelled path', () =>
      withFloor(async (floor) => {
        const supervisor = await floor.supervisor();
        const id = await monitoredConversation(floor, supervisor, channel);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'Transfer' }), 400, 1);
        expectFailure(await supervisor.operate(channel, id, { operationName: 'Dance' }), 400, 1);
        expectFailure(await supervisor.operate(channel, id, { text: 'no operation' }), 400, 1);
        expectFailure(
          await supervisor.operate(channel, '0000Xa0000000000', { operationName: 'SwitchToCoach' }),
          404,
          6,
        );
        const otherCollection = channel.collection === 'chats' ? 'smssessions' : 'chats';
        expectFailure(
          await supervisor.operate(channel, id, { operationName: 'SwitchToCoach' }, otherCollection),
          404,
          6,
        );
        for (const alias of channel.operationAliases) {
          assert.deepEqual((await supervisor.operate(channel, id, { operationName: 'SwitchToCoach' }, alias)).json, {
            statusCode: 0,
          });
          assert.deepEqual((await supervisor.operate(channel, id, { operationName: 'SwitchToMonitor' }, alias)).json, {
            statusCode: 0,
          });
        }
        const agent = await floor.signIn(agents.ava);
        expectFailure(await agent.operate(channel, id, { operationName: 'SwitchToCoach' }), 404, 6);
      }));
  });
}
