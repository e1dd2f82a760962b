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

  test('a call that has ended holds nothing up, nor does a conversation that ended', () => {
    const state = makeAppState({
      voice: makeVoiceState({ calls: [makeCall({ id: 'c1', state: 'ended' })] }),
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
    assert.match(confirmation?.detail ?? '', /hangs up your monitoring call\b/);
    assert.match(confirmation?.detail ?? '', /close the window instead/);
  });

  test('says so when someone can hear the supervisor', () => {
    const call = makeCall({ id: 'c1', mode: 'BargeIn', microphone: 'open', audience: 'everyone' });
    const confirmation = quitConfirmation(makeAppState({ voice: makeVoiceState({ calls: [call] }) }));
    assert.equal(confirmation?.message, 'Quit while someone can hear you?');
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
    assert.match(
      quitConfirmation(state)?.detail ?? '',
      /hangs up your 2 monitoring calls and leaves your 2 monitored chat and SMS sessions/,
    );
  });
});
