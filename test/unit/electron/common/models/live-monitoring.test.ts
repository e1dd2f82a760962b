import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLiveMonitoring } from '../../../../../electron/common/models/live-monitoring';
import { makeCall, makeConversation } from '../../../renderer/ui/fixtures';

describe('describeLiveMonitoring', () => {
  test('nothing live ends nothing', () => {
    assert.equal(describeLiveMonitoring([], []), null);
    assert.equal(describeLiveMonitoring([], [makeConversation({ id: 'x', ended: true, endedAt: 5 })]), null);
  });

  test('names what would end, in counts a supervisor reads at a glance', () => {
    const chats = [1, 2, 3].map((n) => makeConversation({ id: `chat-${n}` }));
    assert.deepEqual(describeLiveMonitoring([makeCall({ id: 'c1' })], chats), {
      text: '1 call and 3 chats',
      someoneHearsYou: false,
    });
    assert.equal(
      describeLiveMonitoring(
        [makeCall({ id: 'c1' }), makeCall({ id: 'c2' })],
        [makeConversation({ id: 'x' }), makeConversation({ id: 's', channel: 'sms' })],
      )?.text,
      '2 calls, 1 chat and 1 SMS session',
    );
  });

  test('says when someone hears or sees the supervisor', () => {
    assert.equal(
      describeLiveMonitoring([makeCall({ id: 'c', audience: 'agent', mode: 'Coach' })], [])?.someoneHearsYou,
      true,
    );
    assert.equal(
      describeLiveMonitoring([], [makeConversation({ id: 'x', mode: 'Coach', myVisibility: 'Agents' })])
        ?.someoneHearsYou,
      true,
    );
  });
});
