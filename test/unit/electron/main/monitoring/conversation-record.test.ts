import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MessagingSubscription } from '../../../../../electron/common/models/messaging';
import type { WireParticipant } from '../../../../../electron/main/contact-center/wire/messaging';
import {
  linesChange,
  monitoredAgent,
  newRecord,
  renderConversation,
  resourceChange,
  type RecordContext,
} from '../../../../../electron/main/monitoring/conversation-record';

const team: Readonly<Record<string, string>> = { ava: 'Ava Reed', marcus: 'Marcus Chen' };
const subscription = (agentId: string): MessagingSubscription => ({
  agentId,
  agentName: team[agentId] ?? agentId,
  channel: 'chat',
  mode: 'Monitor',
  frequency: 'AllChats',
  nickname: null,
  pending: false,
});
const context = (subscriptions: MessagingSubscription[] = []): RecordContext => ({
  me: { userId: 'sup', nicknames: new Set(['sam']) },
  now: 10_000,
  subscriptions,
  agentName: (agentId) => team[agentId],
});
const agent = (userId: string, nickname: string): WireParticipant => ({
  nickname,
  type: 'Agent',
  visibility: 'All',
  uri: `http://gws/api/v2/users/${userId}`,
});
const customer: WireParticipant = { nickname: 'Dana', type: 'Customer', visibility: 'All' };
const me: WireParticipant = {
  nickname: 'sam',
  type: 'Agent',
  visibility: 'Supervisors',
  uri: 'http://gws/api/v2/users/sup',
};

describe('a conversation record and its pure steps', () => {
  test('a delivery: the subscribed agent, the customer, Monitor from the supervisor’s own visibility', () => {
    const { record, subscription: via } = newRecord(
      'chat',
      { id: 'c1', state: 'Chatting', participants: [customer, agent('ava', 'Ava'), me] },
      context([subscription('ava')]),
      20_000,
    );
    assert.equal(via?.agentId, 'ava');
    assert.deepEqual([record.agentId, record.agentName, record.customerName], ['ava', 'Ava Reed', 'Dana']);
    assert.equal(record.mode, 'Monitor');
    assert.equal(record.startedAt, 10_000, 'a received date in the future is taken as now');
    const card = renderConversation(record);
    assert.deepEqual([card.state, card.ended, card.myVisibility], ['live', false, 'Supervisors']);
  });

  test('the monitored agent stays while there; a colleague takes over when they leave', () => {
    const participants = [customer, agent('marcus', 'Marcus'), agent('ava', 'Ava')];
    assert.equal(monitoredAgent(context(), participants, 'ava').agentId, 'ava');
    assert.equal(monitoredAgent(context([subscription('marcus')]), participants, null).agentId, 'marcus');
    assert.equal(monitoredAgent(context(), [customer, agent('marcus', 'Marcus')], 'ava').agentId, 'marcus');
    assert.deepEqual(monitoredAgent(context(), [customer, me], null), {
      agentId: null,
      agentName: null,
      subscription: null,
    });
  });

  test('a resource: state and capabilities always; participants only when listed or updated', () => {
    const { record } = newRecord(
      'chat',
      { id: 'c1', participants: [customer, agent('ava', 'Ava'), me] },
      context(),
      null,
    );
    record.typing = ['Dana', 'Ava'];
    assert.deepEqual(
      resourceChange(record, { id: 'c1', state: 'Chatting', participants: [] }, 'StatusChange', context()),
      {
        state: 'Chatting',
      },
    );
    const left = resourceChange(record, { id: 'c1', participants: [customer, me] }, 'ParticipantsUpdated', context());
    assert.deepEqual(left.typing, ['Dana'], 'who left stops typing');
    assert.equal(left.participants?.length, 2);
    assert.equal('agentId' in left, false, 'with no agent left, the card keeps the agent it had');
    const coached = resourceChange(
      record,
      { id: 'c1', participants: [customer, agent('ava', 'Ava'), { ...me, visibility: 'Agents' }] },
      'ParticipantsUpdated',
      context(),
    );
    assert.equal(coached.mode, 'Coach');
  });

  test('lines: duplicates change nothing; a gap is named once; typing and the last message follow', () => {
    const { record } = newRecord(
      'chat',
      { id: 'c1', participants: [customer, agent('ava', 'Ava'), me] },
      context(),
      null,
    );
    const text = (index: number) => ({
      index,
      type: 'Text',
      text: `line ${index}`,
      from: customer,
      timestampSeconds: 5_000,
    });
    const first = linesChange(record, [text(1), { index: 2, type: 'TypingStarted', from: customer }], context());
    assert.deepEqual(first.gaps, []);
    Object.assign(record, first.change);
    assert.deepEqual(record.typing, ['Dana']);
    assert.equal(record.lastMessageAt, 5_000);
    assert.deepEqual(linesChange(record, [text(1)], context()), { change: null, gaps: [] });

    const jump = linesChange(record, [text(5)], context());
    assert.deepEqual(jump.gaps, [{ startIndex: 3, count: 2 }]);
    Object.assign(record, jump.change);
    assert.deepEqual(record.typing, [], 'a line from the typist ends their typing');
    assert.deepEqual(linesChange(record, [text(6)], context()).gaps, [], 'a gap already asked for is not asked again');
  });
});
