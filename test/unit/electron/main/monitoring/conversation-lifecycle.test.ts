import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Participant } from '../../../../../electron/common/models/messaging';
import {
  conversationStateOf,
  endingOf,
  isEndState,
} from '../../../../../electron/main/monitoring/conversation-lifecycle';

const customer = { role: 'Customer' } as const satisfies Pick<Participant, 'role'>;
const agent = { role: 'Agent' } as const satisfies Pick<Participant, 'role'>;
const supervisor = { role: 'Supervisor' } as const satisfies Pick<Participant, 'role'>;

describe('a conversation’s life as the supervisor sees it', () => {
  test('states that end the supervisor’s part', () => {
    for (const state of ['Revoked', 'Completed', 'LeftChat']) assert.equal(isEndState(state), true, state);
    for (const state of ['Chatting', 'Invited', 'Accepted', undefined])
      assert.equal(isEndState(state), false, String(state));
  });

  test('GWS states become the contract’s, and one GWS has not documented counts as under way', () => {
    assert.equal(conversationStateOf('Invited'), 'invited');
    assert.equal(conversationStateOf('Accepted'), 'accepted');
    assert.equal(conversationStateOf('Chatting'), 'live');
    assert.equal(conversationStateOf('SomethingNew'), 'live');
  });

  test('leaving is the supervisor’s own ending, whoever is still there', () => {
    for (const finalState of ['Revoked', 'Completed', 'LeftChat'])
      assert.equal(endingOf({ leftByMe: true, finalState, participants: [customer] }), 'you-left');
  });

  test('Revoked with the customer waiting and no agent left: back in a queue', () => {
    assert.equal(endingOf({ leftByMe: false, finalState: 'Revoked', participants: [customer] }), 'requeued');
    assert.equal(
      endingOf({ leftByMe: false, finalState: 'Revoked', participants: [customer, supervisor] }),
      'requeued',
      'another supervisor is not an agent the customer is with',
    );
  });

  test('Revoked with an agent still there, or without the customer: the conversation was finished', () => {
    assert.equal(endingOf({ leftByMe: false, finalState: 'Revoked', participants: [customer, agent] }), 'ended');
    assert.equal(endingOf({ leftByMe: false, finalState: 'Revoked', participants: [agent] }), 'ended');
    assert.equal(endingOf({ leftByMe: false, finalState: 'Revoked', participants: [] }), 'ended');
  });

  test('other end states never read as a queue', () => {
    for (const finalState of ['Completed', 'LeftChat'])
      assert.equal(endingOf({ leftByMe: false, finalState, participants: [customer] }), 'ended');
  });
});
