import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quitConfirmation } from '../../../../../electron/main/shell/quit-confirmation';
import {
  makeAppState,
  makeCall,
  makeConversation,
  makeVoiceState,
  signedOutState,
} from '../../../renderer/ui/fixtures';

describe('quitConfirmation', () => {
  test('quits without asking when nothing is monitored', () => {
    assert.equal(quitConfirmation(signedOutState()), null);
    assert.equal(quitConfirmation(makeAppState()), null);
  });

  test('a conversation that ended holds nothing up', () => {
    const state = makeAppState({
      messaging: {
        subscriptions: [],
        subscriptionError: null,
        conversations: [makeConversation({ id: 'x1', ended: true })],
        history: [],
      },
    });
    assert.equal(quitConfirmation(state), null);
  });

  test('asks while listening silently, saying what quitting ends', () => {
    const confirmation = quitConfirmation(makeAppState({ voice: makeVoiceState({ calls: [makeCall({ id: 'c1' })] }) }));
    assert.equal(confirmation?.message, 'Quit while monitoring?');
    assert.match(confirmation?.detail ?? '', /ends 1 call for you/);
    assert.match(confirmation?.detail ?? '', /close the window instead/);
  });

  test('says so when someone can hear the supervisor', () => {
    const call = makeCall({ id: 'c1', mode: 'BargeIn', microphone: 'open', audience: 'everyone' });
    const confirmation = quitConfirmation(makeAppState({ voice: makeVoiceState({ calls: [call] }) }));
    assert.equal(confirmation?.message, 'Quit while someone can hear or see you?');
  });

  test('counts calls and conversations together', () => {
    const state = makeAppState({
      voice: makeVoiceState({ calls: [makeCall({ id: 'c1' }), makeCall({ id: 'c2' })] }),
      messaging: {
        subscriptions: [],
        subscriptionError: null,
        conversations: [makeConversation({ id: 'x1' }), makeConversation({ id: 'x2', channel: 'sms' })],
        history: [],
      },
    });
    assert.match(quitConfirmation(state)?.detail ?? '', /ends 2 calls, 1 chat and 1 SMS session for you/);
  });
});
