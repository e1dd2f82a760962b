import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Conversation } from '../../../../electron/simulator/messaging/conversation';

function conversation(): Conversation {
  return new Conversation({
    id: '0001Da9PFC93000S',
    kind: 'chat',
    customer: { name: 'Olivia Park', phoneNumber: '+14155550101' },
    customerParticipantId: '00AF5367D3AD0008',
    startedAt: 1_700_000_000_000,
  });
}

describe('Conversation', () => {
  test('the customer is the first participant; indices count from 1 with no gaps', () => {
    const chat = conversation();
    const customer = chat.customerParticipant;
    assert.deepEqual(
      [customer.role, customer.nickname, customer.visibility, customer.present],
      ['customer', 'Olivia Park', 'All', true],
    );
    const agent = chat.add({
      participantId: 'A',
      role: 'agent',
      nickname: 'Ava',
      userId: 'u-ava',
      visibility: 'All',
      mode: null,
    });
    chat.append('ParticipantJoined', customer, 'All', null, 1);
    chat.append('Text', customer, 'All', 'Hi', 2);
    chat.append('ParticipantJoined', agent, 'All', null, 3);
    assert.deepEqual(
      chat.log.map((line) => line.index),
      [1, 2, 3],
    );
  });

  test('recipients are those present whose role may see the line, never the sender', () => {
    const chat = conversation();
    const customer = chat.customerParticipant;
    const agent = chat.add({
      participantId: 'A',
      role: 'agent',
      nickname: 'Ava',
      userId: 'u-ava',
      visibility: 'All',
      mode: null,
    });
    const coach = chat.add({
      participantId: 'S',
      role: 'supervisor',
      nickname: 'Sam',
      userId: 'u-sam',
      visibility: 'Agents',
      mode: 'Coach',
    });
    const monitor = chat.add({
      participantId: 'M',
      role: 'supervisor',
      nickname: 'Jo',
      userId: 'u-jo',
      visibility: 'Supervisors',
      mode: 'Monitor',
    });
    assert.deepEqual(chat.append('Text', coach, 'Agents', 'Offer a refund', 1).recipients, ['A', 'M']);
    assert.deepEqual(chat.append('ParticipantJoined', monitor, 'Supervisors', null, 2).recipients, ['S']);
    assert.deepEqual(chat.append('Text', customer, 'All', 'Thanks', 3).recipients, ['A', 'S', 'M']);
    agent.present = false;
    assert.deepEqual(chat.append('Text', coach, 'Agents', 'Anyone?', 4).recipients, ['M']);
  });

  test('the sender is recorded as they were: a later mode change does not rewrite old lines', () => {
    const chat = conversation();
    const supervisor = chat.add({
      participantId: 'S',
      role: 'supervisor',
      nickname: 'Sam',
      userId: 'u-sam',
      visibility: 'Supervisors',
      mode: 'Monitor',
    });
    const joined = chat.append('ParticipantJoined', supervisor, 'Supervisors', null, 1);
    supervisor.mode = 'BargeIn';
    supervisor.visibility = 'All';
    assert.equal(joined.from.visibility, 'Supervisors');
    assert.equal(chat.append('ParticipantRejoined', supervisor, 'All', null, 2).from.visibility, 'All');
  });

  test('a backdated line never predates the one before it', () => {
    const chat = conversation();
    chat.append('Text', chat.customerParticipant, 'All', 'later', 5_000);
    assert.equal(chat.append('Text', chat.customerParticipant, 'All', 'earlier', 4_000).at, 5_000);
  });

  test('each role reads its share of the log, from a start index, at most a count', () => {
    const chat = conversation();
    const customer = chat.customerParticipant;
    const supervisor = chat.add({
      participantId: 'S',
      role: 'supervisor',
      nickname: 'Sam',
      userId: 'u-sam',
      visibility: 'Supervisors',
      mode: 'Monitor',
    });
    chat.append('Text', customer, 'All', 'one', 1);
    chat.append('ParticipantJoined', supervisor, 'Supervisors', null, 2);
    chat.append('Text', supervisor, 'Agents', 'three', 3);
    chat.append('Text', customer, 'All', 'four', 4);
    const indices = (role: 'customer' | 'agent' | 'supervisor', start?: number, count?: number) =>
      chat.readableBy(role, start, count).map((line) => line.index);
    assert.deepEqual(indices('supervisor'), [1, 2, 3, 4]);
    assert.deepEqual(indices('agent'), [1, 3, 4]);
    assert.deepEqual(indices('customer'), [1, 4]);
    assert.deepEqual(indices('supervisor', 2, 2), [2, 3]);
    assert.deepEqual(indices('agent', 2, 1), [3]);
  });

  test('presence lookups by user and role', () => {
    const chat = conversation();
    const agent = chat.add({
      participantId: 'A',
      role: 'agent',
      nickname: 'Ava',
      userId: 'u-ava',
      visibility: 'All',
      mode: null,
    });
    assert.equal(chat.presentUser('u-ava', 'agent'), agent);
    assert.equal(chat.presentUser('u-ava', 'supervisor'), undefined);
    agent.present = false;
    assert.equal(chat.presentUser('u-ava', 'agent'), undefined);
    assert.deepEqual(chat.presentAgents(), []);
    assert.deepEqual(chat.participants.length, 2);
  });
});
