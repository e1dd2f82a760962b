import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Directory } from '../../../../electron/simulator/directory/directory';
import { FloorModel, type InitialState } from '../../../../electron/simulator/floor/floor-model';
import { InteractionIds } from '../../../../electron/simulator/floor/interaction-ids';
import { LiveFloor } from '../../../../electron/simulator/floor/live-floor';
import { openingStates } from '../../../../electron/simulator/floor/opening-states';
import { MessagingCenter } from '../../../../electron/simulator/messaging/messaging-center';

interface Published {
  readonly second: number;
  readonly userId: string;
  readonly topic: string;
  readonly data: Record<string, unknown>;
}

/** The live floor and its conversations on a virtual clock, a supervisor watching every agent's chats and SMS. */
function run(seed: number, seconds: number) {
  let nowMs = 1_700_000_000_000;
  let second = 0;
  const directory = new Directory();
  const initial = new Map<string, InitialState>();
  for (const user of directory.all()) {
    const opening = openingStates[user.userName];
    if (opening) initial.set(user.id, opening);
  }
  const floor = new FloorModel({
    userIds: directory.all().map((user) => user.id),
    initial,
    ids: new InteractionIds(seed),
    now: () => nowMs,
  });
  const live = new LiveFloor({
    model: floor,
    agentIds: directory.agents().map((user) => user.id),
    seed,
    scriptedTexts: true,
  });
  const published: Published[] = [];
  const center = new MessagingCenter({
    directory,
    floor,
    baseUrl: () => 'http://127.0.0.1:8090',
    publish: (userId, topic, data) => published.push({ second, userId, topic, data }),
    seed,
    floorRunning: () => true,
    log: () => undefined,
  });
  const supervisor = directory.byUserName('supervisor')!;
  for (const agent of directory.agents()) {
    for (const channel of ['chat', 'sms'] as const) {
      center.monitor({ supervisor, agent, channel, operation: 'Monitor', frequency: 'AllChats', nickname: undefined });
    }
  }
  const floorEvents: string[] = [];
  floor.subscribe((event) => {
    if (event.type === 'stateChanged') return;
    floorEvents.push(`${second} ${event.type} ${event.interaction.id}`);
  });
  live.warmUp();
  for (second = 1; second <= seconds; second++) {
    nowMs += 1000;
    live.tick();
    center.tick();
  }
  center.close();
  return { center, published, floorEvents, supervisorId: supervisor.id };
}

function transcript(center: MessagingCenter): string[] {
  return center
    .conversations()
    .map(
      (conversation) =>
        `${conversation.id} ${conversation.kind} ${conversation.state}: ` +
        conversation.log
          .map(
            (line) =>
              `${line.index}/${line.type}/${line.from.nickname}/${line.visibility}/${line.text ?? ''}/${line.at}`,
          )
          .join(' | '),
    );
}

describe('MessagingCenter on the live floor (virtual clock)', () => {
  const seconds = 900;
  const first = run(7, seconds);

  test('the same seed replays the same conversations, line for line; another seed does not', () => {
    assert.deepEqual(transcript(run(7, seconds).center), transcript(first.center));
    assert.notDeepEqual(transcript(run(8, seconds).center), transcript(first.center));
  });

  test('every log counts from 1 without gaps, in time order, with its placeholders filled', () => {
    for (const conversation of first.center.conversations()) {
      conversation.log.forEach((line, position) => {
        assert.equal(line.index, position + 1);
        if (position > 0)
          assert.ok(line.at >= conversation.log[position - 1]!.at, `${conversation.id} is in time order`);
        assert.ok(!/\{(customer|agent|second|ref)\}/.test(line.text ?? ''), line.text ?? '');
      });
    }
  });

  test('the plots happen: colleagues join, conversations are transferred and requeued, and most complete after a couple of minutes', () => {
    const conversations = first.center.conversations();
    const colleagueCameAndWent = conversations.some((conversation) => {
      const agentLines = conversation.log.filter((line) => line.from.role === 'agent').slice(1);
      return agentLines.some((joined, position) => {
        if (joined.type !== 'ParticipantJoined') return false;
        const later = agentLines
          .slice(position + 1)
          .filter((line) => line.from.participantId === joined.from.participantId);
        const left = later.findIndex((line) => line.type === 'ParticipantLeft');
        return left > 0 && later.slice(0, left).some((line) => line.type === 'Text');
      });
    });
    assert.ok(colleagueCameAndWent, 'a colleague joined, spoke and left');
    assert.ok(
      first.floorEvents.some((event) => event.includes('textTransferred')),
      'a transfer',
    );
    const started = first.floorEvents
      .filter((event) => event.includes('interactionStarted'))
      .map((event) => event.split(' ')[2]);
    assert.ok(started.length > new Set(started).size, 'a requeued conversation reached an agent again');

    const startedAt = new Map(
      first.floorEvents
        .filter((event) => event.includes('interactionStarted'))
        .map((event) => [event.split(' ')[2], Number(event.split(' ')[0])]),
    );
    const durations = conversations
      .filter((conversation) => conversation.state === 'Completed' && (startedAt.get(conversation.id) ?? 0) > 0)
      .map((conversation) => (conversation.log.at(-1)!.at - conversation.log[2]!.at) / 1000)
      .sort((a, b) => a - b);
    assert.ok(durations.length >= 20, `${durations.length} conversations started and completed during the run`);
    const median = durations[Math.floor(durations.length / 2)]!;
    assert.ok(median >= 45 && median <= 240, `median length ${median} s`);
    const waiting = conversations.filter((conversation) => conversation.state !== 'Completed');
    assert.ok(waiting.length > 0 && waiting.length < conversations.length / 2, 'some are still going, most have ended');
  });

  test('the watching supervisor gets each new conversation, and its end as Revoked', () => {
    const toSupervisor = first.published.filter((item) => item.userId === first.supervisorId);
    const states = toSupervisor.filter((item) => item.data.messageType !== 'MessageLogUpdated');
    const byConversation = new Map<string, string[]>();
    for (const item of states) {
      const resource = (item.data.chat ?? item.data.smssession) as { id: string; state: string };
      byConversation.set(resource.id, [
        ...(byConversation.get(resource.id) ?? []),
        `${String(item.data.notificationType)}:${resource.state}`,
      ]);
    }
    assert.ok(byConversation.size >= 20);
    for (const [id, sequence] of byConversation) {
      assert.equal(sequence[0], 'StatusChange:Chatting', `${id} starts with the delivery`);
      const conversation = first.center.conversation(id);
      if (conversation?.state === 'Completed')
        assert.equal(sequence.at(-1), 'StatusChange:Revoked', `${id} ends Revoked`);
    }
    for (const item of toSupervisor) {
      const kind = item.data.chat !== undefined || item.data.chatUri !== undefined ? 'chat' : 'sms';
      assert.equal(item.topic, kind === 'chat' ? '/v2/me/chats' : '/v2/me/smssessions');
    }
  });
});
