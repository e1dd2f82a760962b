import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  contactToAgent,
  fromUserState,
  hasMultimediaWork,
} from '../../../../../electron/main/contact-center/agent-mapping';
import { contactSchema } from '../../../../../electron/main/contact-center/wire/users';
import * as samples from '../../../../fixtures/gws/samples';

const willard = contactSchema.parse(samples.contactsResponse.contacts[0]);

function withChannels(channels: unknown[]) {
  return contactSchema.parse({ ...samples.contactsResponse.contacts[0], availability: { channels } });
}

describe('contactToAgent', () => {
  test('the documented contact becomes a Ready agent with its extension', () => {
    const agent = contactToAgent(willard, null);
    assert.equal(agent.displayName, 'Willard Clinton');
    assert.equal(agent.extension, '15000');
    assert.deepEqual(agent.state, { kind: 'Ready', label: 'Ready', reason: null });
    assert.deepEqual(agent.activity, { onCall: false, chats: 0, smsSessions: 0 });
  });

  test('Not Ready keeps its reason; busy voice means on a call; counts come from the user resource', () => {
    const agent = contactToAgent(
      withChannels([
        {
          channel: 'voice',
          available: true,
          userActivity: 'Busy',
          userState: { state: 'NotReady', displayName: 'Not Ready', reason: 'Lunch' },
        },
        { channel: 'chat', available: true, userActivity: 'Busy' },
      ]),
      { chats: 2, smsSessions: 1 },
    );
    assert.deepEqual(agent.state, { kind: 'NotReady', label: 'Not Ready', reason: 'Lunch' });
    assert.deepEqual(agent.activity, { onCall: true, chats: 2, smsSessions: 1 });
  });

  test('unavailable without a state is logged out; no availability at all too', () => {
    assert.equal(contactToAgent(withChannels([{ channel: 'voice', available: false }]), null).state.kind, 'LoggedOut');
    assert.equal(contactToAgent(withChannels([]), null).state.kind, 'LoggedOut');
  });

  test('busy chat without a count shows at least one chat', () => {
    const contact = withChannels([
      { channel: 'chat', available: true, userActivity: 'Busy', userState: { state: 'Ready' } },
    ]);
    assert.equal(hasMultimediaWork(contact), true);
    assert.equal(contactToAgent(contact, null).activity.chats, 1);
    assert.equal(hasMultimediaWork(willard), false);
  });
});

describe('fromUserState', () => {
  test('states and work modes', () => {
    assert.equal(fromUserState({ state: 'AfterCallWork' }).kind, 'AfterCallWork');
    assert.equal(fromUserState({ state: 'NotReady', workMode: 'AfterCallWork' }).kind, 'AfterCallWork');
    assert.equal(fromUserState({ state: 'NotReady', workMode: 'AuxWork' }).reason, null);
    assert.equal(fromUserState({ state: 'LoggedOut' }).kind, 'LoggedOut');
    assert.deepEqual(fromUserState({ state: 'Dancing', displayName: 'Dancing' }), {
      kind: 'Unknown',
      label: 'Dancing',
      reason: null,
    });
  });
});
