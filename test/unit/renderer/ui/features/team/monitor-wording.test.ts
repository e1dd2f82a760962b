import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MessagingSubscription } from '../../../../../../electron/common/models/messaging';
import {
  messagingButtonWording,
  messagingPillText,
  messagingTriggerName,
  monitorButtonWording,
  monitorTiming,
} from '../../../../../../renderer/ui/features/team/monitor-wording';

const options = { scope: 'Call', frequency: 'AllCalls', usual: false } as const;

function subscription(overrides: Partial<MessagingSubscription> = {}): MessagingSubscription {
  return {
    agentId: 'a1',
    agentName: 'Ava',
    channel: 'chat',
    mode: 'Monitor',
    frequency: 'AllChats',
    nickname: null,
    pending: false,
    ...overrides,
  };
}

describe('what a monitor button says before the click', () => {
  test('Listen in and Coach start with the agent’s next call, also when a call is in progress', () => {
    for (const mode of ['ListenIn', 'Coach'] as const) {
      assert.equal(monitorTiming(mode, 'Ava', false), 'From Ava’s next call.');
      assert.equal(monitorTiming(mode, 'Ava', true), 'From Ava’s next call, not the one in progress.');
    }
  });

  test('Barge in says now when the agent is on a call, and what happens where the server does not join one', () => {
    assert.equal(
      monitorTiming('BargeIn', 'Ava', true),
      'Now, joining the call in progress, where your contact center allows it; otherwise from Ava’s next call.',
    );
    assert.equal(monitorTiming('BargeIn', 'Ava', false), 'From Ava’s next call.');
  });

  test('the description says who hears, when, and with which options', () => {
    const barge = monitorButtonWording('BargeIn', { name: 'Ava', onCall: true }, { ...options, usual: true });
    assert.equal(barge.text, 'Barge in');
    assert.equal(barge.name, 'Barge in on Ava');
    assert.equal(
      barge.description,
      'Barge in on Ava: Ava and the customer hear you. Now, joining the call in progress, where your contact ' +
        'center allows it; otherwise from Ava’s next call. Follow the call, all calls. Your usual choice.',
    );
    const listen = monitorButtonWording('ListenIn', { name: 'Ava', onCall: false }, { ...options, scope: 'Agent' });
    assert.equal(
      listen.description,
      'Listen in to Ava: silent, nobody hears you. From Ava’s next call. This agent only, all calls.',
    );
  });

  test('every accessible name starts with the visible text (WCAG 2.5.3)', () => {
    for (const mode of ['ListenIn', 'Coach', 'BargeIn'] as const) {
      for (const onCall of [false, true]) {
        const wording = monitorButtonWording(mode, { name: 'Ava', onCall }, options);
        assert.ok(wording.name.startsWith(wording.text), `${wording.name} / ${wording.text}`);
      }
    }
  });
});

describe('the Chats & SMS menu', () => {
  test('mode buttons are named by what they show, current or not', () => {
    const names: string[] = [];
    for (const mode of ['Monitor', 'Coach', 'BargeIn'] as const) {
      for (const current of [false, true]) {
        const wording = messagingButtonWording(mode, 'chat', 'Ava', { current, usual: false });
        assert.ok(wording.name.startsWith(wording.text), `${wording.name} / ${wording.text}`);
        names.push(wording.name);
      }
    }
    assert.deepEqual(names, [
      'Monitor Ava’s chats',
      'Monitoring Ava’s chats',
      'Coach in Ava’s chats',
      'Coaching in Ava’s chats',
      'Barge in on Ava’s chats',
      'Barging in on Ava’s chats',
    ]);
  });

  test('they say supervision starts with the next conversation', () => {
    assert.equal(
      messagingButtonWording('BargeIn', 'sms', 'Ava', { current: false, usual: true }).description,
      'Barge in on Ava’s SMS sessions: the agent and the customer see you and what you write. ' +
        'From Ava’s next SMS session, not those in progress. Your usual choice.',
    );
  });

  test('the trigger is named by its pills, or by "Chats & SMS"', () => {
    const pills = [
      subscription(),
      subscription({ channel: 'sms', mode: 'Coach', frequency: 'NextChat' }),
      subscription({ pending: true }),
    ].map(messagingPillText);
    assert.deepEqual(pills, ['Monitoring', 'Coaching · next', 'Updating…']);
    assert.equal(messagingTriggerName('Ava', []), 'Chats & SMS of Ava');
    assert.equal(messagingTriggerName('Ava', pills.slice(0, 2)), 'Monitoring, Coaching · next: chats and SMS of Ava');
  });
});
