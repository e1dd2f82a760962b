import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { trayState } from '../../../../../electron/main/state/tray-state';
import {
  makeAppState,
  makeCall,
  makeConversation,
  makeMessagingState,
  makeMessagingSubscription,
  makeSubscription,
  makeVoiceState,
  signedOutState,
} from '../../../renderer/ui/fixtures';

describe('tray state', () => {
  test('signed out, or signed in with nothing monitored: idle', () => {
    assert.deepEqual(trayState(signedOutState()), { status: 'idle', tooltip: 'Earshot: signed out' });
    assert.deepEqual(trayState(makeAppState()), { status: 'idle', tooltip: 'Earshot: signed in, not monitoring' });
  });

  test('silent calls, chats and waiting subscriptions: monitoring, counted in the tooltip', () => {
    const waiting = makeAppState({ voice: makeVoiceState({ subscription: makeSubscription() }) });
    assert.deepEqual(trayState(waiting), {
      status: 'monitoring',
      tooltip: "Earshot: monitoring waiting for Alice Archer's next call",
    });

    const busy = makeAppState({
      voice: makeVoiceState({ subscription: makeSubscription(), calls: [makeCall({ id: 'c1' })] }),
      messaging: makeMessagingState({
        subscriptions: [makeMessagingSubscription()],
        conversations: [
          makeConversation({ id: 'x1' }),
          makeConversation({ id: 'x2' }),
          makeConversation({ id: 's1', channel: 'sms', mode: 'Coach' }),
        ],
      }),
    });
    assert.deepEqual(trayState(busy), {
      status: 'monitoring',
      tooltip: 'Earshot: monitoring 1 call, 2 chats, 1 SMS, visible in 1',
    });

    const subscribedOnly = makeAppState({
      messaging: makeMessagingState({
        subscriptions: [makeMessagingSubscription(), makeMessagingSubscription({ channel: 'sms' })],
      }),
    });
    assert.equal(trayState(subscribedOnly).tooltip, 'Earshot: monitoring 2 chat/SMS subscriptions');
  });

  test('a call whose microphone is open or opening: live, naming who hears the supervisor', () => {
    const coaching = makeAppState({
      voice: makeVoiceState({ calls: [makeCall({ id: 'c1', mode: 'Coach', microphone: 'open', audience: 'agent' })] }),
    });
    assert.deepEqual(trayState(coaching), { status: 'live', tooltip: 'Earshot: LIVE, Alice Archer can hear you' });
    const barging = makeAppState({
      voice: makeVoiceState({
        calls: [
          makeCall({ id: 'c0' }),
          makeCall({ id: 'c1', mode: 'BargeIn', microphone: 'opening', audience: 'everyone', agentName: null }),
        ],
      }),
    });
    assert.deepEqual(trayState(barging), {
      status: 'live',
      tooltip: "Earshot: LIVE, everyone on the agent's call can hear you",
    });
  });

  test('the mode alone is not enough: a Barge in whose microphone stayed closed is not live', () => {
    const failed = makeAppState({
      voice: makeVoiceState({
        calls: [makeCall({ id: 'c1', mode: 'BargeIn', microphone: 'closed', audience: 'nobody' })],
      }),
    });
    assert.equal(trayState(failed).status, 'monitoring');
  });

  test('the tray follows main’s overall audience: a microphone not yet confirmed closed is live, signed out or not', () => {
    const lost = makeAppState({ session: null, voice: makeVoiceState({ calls: [], audience: 'everyone' }) });
    assert.equal(trayState(lost).status, 'live');
  });

  test('a lost connection is noted, and the tooltip never exceeds 127 characters', () => {
    const reconnecting = makeAppState({
      connection: { status: 'reconnecting', message: null, since: 0 },
      voice: makeVoiceState({
        calls: [
          makeCall({ id: 'c1', mode: 'BargeIn', microphone: 'open', audience: 'everyone', agentName: 'A'.repeat(200) }),
        ],
      }),
    });
    const tray = trayState(reconnecting);
    assert.equal(tray.status, 'live');
    assert.equal(tray.tooltip.length, 127);
    assert.ok(tray.tooltip.endsWith('…'));
    assert.equal(
      trayState(makeAppState({ connection: { status: 'offline', message: null, since: 0 } })).tooltip,
      'Earshot: signed in, not monitoring (offline)',
    );
    assert.equal(
      trayState(makeAppState({ connection: { status: 'live-updates-down', message: null, since: 0 } })).tooltip,
      'Earshot: signed in, not monitoring (live updates down)',
    );
  });
});
