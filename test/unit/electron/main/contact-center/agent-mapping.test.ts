import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fromUserState,
  readContact,
  readConversations,
} from '../../../../../electron/main/contact-center/agent-mapping';
import { contactSchema, userSchema } from '../../../../../electron/main/contact-center/wire/users';
import * as samples from '../../../../fixtures/gws/samples';

const willard = contactSchema.parse(samples.contactsResponse.contacts[0]);

function withChannels(channels: unknown[]) {
  return contactSchema.parse({ ...samples.contactsResponse.contacts[0], availability: { channels } });
}

describe('readContact', () => {
  test('the documented contact is a Ready agent with its extension, idle on every channel', () => {
    const reading = readContact(willard);
    assert.equal(reading.displayName, 'Willard Clinton');
    assert.equal(reading.userName, 'WillardC');
    assert.equal(reading.extension, '15000');
    assert.deepEqual(reading.state, { kind: 'Ready', label: 'Ready', reason: null });
    assert.deepEqual(reading.busy, { call: false, chat: false, sms: false });
    assert.deepEqual(reading.groups, []);
  });

  test('Not Ready keeps its reason; a channel that is not Idle is busy; unavailable is never busy', () => {
    const reading = readContact(
      withChannels([
        {
          channel: 'voice',
          available: true,
          userActivity: 'Busy',
          userState: { state: 'NotReady', displayName: 'Not Ready', reason: 'Lunch' },
        },
        { channel: 'chat', available: true, userActivity: 'Busy' },
        { channel: 'smssession', available: false, userActivity: 'Busy' },
      ]),
    );
    assert.deepEqual(reading.state, { kind: 'NotReady', label: 'Not Ready', reason: 'Lunch' });
    assert.deepEqual(reading.busy, { call: true, chat: true, sms: false });
  });

  test('unavailable without a state is logged out; no availability at all too', () => {
    assert.equal(readContact(withChannels([{ channel: 'voice', available: false }])).state.kind, 'LoggedOut');
    assert.equal(readContact(withChannels([])).state.kind, 'LoggedOut');
  });

  test('agent groups from business units: names or {id, name}, each once, nameless ones dropped', () => {
    const contact = contactSchema.parse({
      ...samples.contactsResponse.contacts[0],
      businessUnits: ['Billing', { id: 'x', name: 'Sales' }, { id: 'y' }, 7, 'Billing', { displayName: 'Retention' }],
    });
    assert.deepEqual(readContact(contact).groups, ['Billing', 'Sales', 'Retention']);
  });
});

describe('readConversations', () => {
  test('chats and SMS sessions by id, with the start GWS reports where it can be read', () => {
    const user = userSchema.parse({
      id: 'u1',
      userName: 'a1',
      chats: [{ id: 'c1', receivedDate: '2016-03-16 09:55:18.000+1000' }, { id: 'c2' }],
      smssessions: [{ id: 's1', receivedDate: 'yesterday' }],
    });
    assert.deepEqual(readConversations(user), {
      chats: [
        { id: 'c1', receivedAt: Date.parse('2016-03-16T09:55:18.000+10:00') },
        { id: 'c2', receivedAt: null },
      ],
      sms: [{ id: 's1', receivedAt: null }],
    });
    assert.deepEqual(readConversations(userSchema.parse({ id: 'u1', userName: 'a1' })), { chats: [], sms: [] });
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
