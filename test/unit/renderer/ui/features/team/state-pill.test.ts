import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { busyLabel, stateLabel } from '../../../../../../renderer/ui/features/team/state-pill';

describe('what the state column says', () => {
  test('a busy agent is named by their work: a call first, then chats and SMS counted', () => {
    assert.equal(busyLabel({ onCall: true, chats: 2, smsSessions: 1 }), 'On call');
    assert.equal(busyLabel({ onCall: false, chats: 2, smsSessions: 0 }), '2 chats');
    assert.equal(busyLabel({ onCall: false, chats: 1, smsSessions: 0 }), '1 chat');
    assert.equal(busyLabel({ onCall: false, chats: 1, smsSessions: 3 }), '1 chat, 3 SMS');
    assert.equal(busyLabel({ onCall: false, chats: 0, smsSessions: 1 }), '1 SMS');
  });

  test('one vocabulary for the states; an unknown one keeps the server’s name', () => {
    assert.equal(stateLabel({ kind: 'AfterCallWork', label: 'ACW', reason: null }), 'After Call Work');
    assert.equal(stateLabel({ kind: 'Unknown', label: 'Wrap-up', reason: null }), 'Wrap-up');
    assert.equal(stateLabel({ kind: 'Unknown', label: ' ', reason: null }), 'Unknown');
  });
});
