import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSettings, type NotificationSettings } from '../../../../../electron/common/models/settings';
import { interactionNotices } from '../../../../../electron/main/state/interaction-notices';
import {
  makeAppState,
  makeCall,
  makeConversation,
  makeMessagingState,
  makeVoiceState,
  signedOutState,
} from '../../../renderer/ui/fixtures';

const defaults: NotificationSettings = defaultSettings().notifications;
const quiet = { firstAudioAt: null, level: 0, behindLiveMs: null, packetLossPercent: null, packetsSent: 0 };

describe('interaction notices', () => {
  test('a monitored call starting and ending, while no audio plays', () => {
    const idle = makeAppState();
    const delivered = makeAppState({ voice: makeVoiceState({ calls: [makeCall({ id: 'c1', audio: quiet })] }) });
    assert.deepEqual(interactionNotices(idle, delivered, defaults), [
      {
        key: 'voice:c1:started',
        channel: 'voice',
        event: 'started',
        title: 'Monitoring Alice Archer',
        body: 'Call with +15550100, listening silently: nobody hears you.',
      },
    ]);
    const ended = makeAppState({ voice: makeVoiceState({ calls: [] }) });
    assert.deepEqual(interactionNotices(delivered, ended, defaults), [
      {
        key: 'voice:c1:ended',
        channel: 'voice',
        event: 'ended',
        title: 'Monitored call ended',
        body: 'Alice Archer with +15550100.',
      },
    ]);
  });

  test('voice notices wait while a call plays audio, unless the supervisor wants them', () => {
    const playing = makeCall({ id: 'c1' });
    const before = makeAppState({ voice: makeVoiceState({ calls: [playing] }) });
    const after = makeAppState({ voice: makeVoiceState({ calls: [playing, makeCall({ id: 'c2', audio: quiet })] }) });
    assert.deepEqual(interactionNotices(before, after, defaults), []);
    assert.deepEqual(
      interactionNotices(before, after, { ...defaults, voiceWhileAudioPlays: true }).map((notice) => notice.key),
      ['voice:c2:started'],
    );
    assert.deepEqual(
      interactionNotices(
        makeAppState(),
        makeAppState({ voice: makeVoiceState({ calls: [makeCall({ id: 'c1', audio: quiet })] }) }),
        { ...defaults, voice: false },
      ),
      [],
    );
  });

  test('chats and SMS sessions starting and ending, each channel switchable', () => {
    const chat = makeConversation({ id: 'x1' });
    const sms = makeConversation({ id: 's1', channel: 'sms', customerName: null, mode: 'BargeIn' });
    const before = makeAppState();
    const after = makeAppState({ messaging: makeMessagingState({ conversations: [chat, sms] }) });
    assert.deepEqual(interactionNotices(before, after, defaults), [
      {
        key: 'chat:x1:started',
        channel: 'chat',
        event: 'started',
        title: "Monitoring Alice Archer's chat",
        body: 'With Maria Lopez, monitoring silently.',
      },
      {
        key: 'sms:s1:started',
        channel: 'sms',
        event: 'started',
        title: "Monitoring Alice Archer's SMS",
        body: 'Barged in: everyone sees what you write.',
      },
    ]);
    assert.deepEqual(
      interactionNotices(before, after, { ...defaults, sms: false }).map((notice) => notice.key),
      ['chat:x1:started'],
    );

    const ended = makeAppState({
      messaging: makeMessagingState({ conversations: [sms], history: [{ ...chat, ended: true, ending: 'requeued' }] }),
    });
    assert.deepEqual(interactionNotices(after, ended, defaults), [
      {
        key: 'chat:x1:ended',
        channel: 'chat',
        event: 'ended',
        title: 'Chat ended',
        body: 'Alice Archer with Maria Lopez: it went back to a queue.',
      },
    ]);
  });

  test('signing in or out is no interaction starting or ending', () => {
    const busy = makeAppState({
      voice: makeVoiceState({ calls: [makeCall({ id: 'c1', audio: quiet })] }),
      messaging: makeMessagingState({ conversations: [makeConversation({ id: 'x1' })] }),
    });
    assert.deepEqual(interactionNotices(busy, signedOutState(), defaults), []);
    assert.deepEqual(interactionNotices(signedOutState(), busy, defaults), []);
  });

  test('changes within an interaction notify nothing', () => {
    const before = makeAppState({ voice: makeVoiceState({ calls: [makeCall({ id: 'c1', audio: quiet })] }) });
    const after = makeAppState({
      voice: makeVoiceState({ calls: [makeCall({ id: 'c1', mode: 'BargeIn', audio: quiet })] }),
    });
    assert.deepEqual(interactionNotices(before, after, defaults), []);
  });
});
