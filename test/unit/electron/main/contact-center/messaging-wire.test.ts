import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  conversationListResponseSchema,
  conversationResponseSchema,
  idFromLink,
  messagesResponseSchema,
  parseEach,
  parseMessagingNotification,
  participantUserId,
  wireConversationSchema,
  wireMessageSchema,
  type MessagingNotification,
} from '../../../../../electron/main/contact-center/wire/messaging';
import { notificationEnvelopeSchema } from '../../../../../electron/main/contact-center/wire/notifications';
import { userResponseSchema } from '../../../../../electron/main/contact-center/wire/users';
import * as samples from '../../../../fixtures/gws/messaging-samples';
import { agentSmsSessionsResponse } from '../../../../fixtures/gws/samples';

/** As the service sees a delivery: the envelope unwrapped (or a bare data object), then parsed. */
function parse(sample: unknown): MessagingNotification {
  const envelope = notificationEnvelopeSchema.parse(sample);
  const result = parseMessagingNotification(envelope.data, envelope.channel);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value;
}

function state(sample: unknown) {
  const message = parse(sample);
  assert.equal(message.kind, 'state');
  return message as Extract<MessagingNotification, { kind: 'state' }>;
}

function log(sample: unknown) {
  const message = parse(sample);
  assert.equal(message.kind, 'log');
  return message as Extract<MessagingNotification, { kind: 'log' }>;
}

describe('chat and SMS wire schemas accept every documented variant', () => {
  test('seed 003: bare SMSsessionStateChangeMessage under `smssession`', () => {
    const message = state(samples.seed003ParticipantsUpdated);
    assert.equal(message.channel, 'sms');
    assert.equal(message.notificationType, 'ParticipantsUpdated');
    assert.equal(message.conversation.id, '0001Da9PFC93000S');
    assert.equal(message.conversation.participants?.[1]?.visibility, 'Supervisors');
    assert.ok(message.conversation.capabilities?.includes('SwitchBargeIn'));
  });

  test('seed 003: MessageLogUpdated with smssessionUri and timestampSeconds as a Java long', () => {
    const message = log(samples.seed003MessageLog);
    assert.equal(message.channel, 'sms');
    assert.equal(message.conversationId, '0001Da9PFC93000S');
    assert.equal(message.messages[0]?.timestampSeconds, 1399313371000);
    assert.equal(message.messages[0]?.type, 'ParticipantRejoined');
    assert.deepEqual(message.rejected, []);
  });

  test('§5.3: the chat twins of seed 003', () => {
    assert.equal(state(samples.chatSwitchParticipantsUpdated).channel, 'chat');
    const message = log(samples.chatSwitchMessageLog);
    assert.equal(message.channel, 'chat');
    assert.equal(message.messages[0]?.timestampSeconds, 1399313371000);
  });

  test('A.5: an enveloped Invited chat with no participants', () => {
    const message = state(samples.chatInvitedEnvelope);
    assert.equal(message.conversation.state, 'Invited');
    assert.deepEqual(message.conversation.participants, []);
    assert.deepEqual(message.conversation.userData, {});
  });

  test('A.6: referenceId, and participants with no uri or visibility', () => {
    assert.equal(state(samples.chatAcceptedStatusChange).conversation.state, 'Chatting');
    const participants = state(samples.chatAcceptedParticipantsUpdated).conversation.participants ?? [];
    assert.equal(participants[0]?.nickname, 'Marat');
    assert.equal(participants[0]?.visibility, undefined);
  });

  test('A.7: LeftChat and Completed', () => {
    assert.equal(state(samples.chatLeftChat).conversation.state, 'LeftChat');
    assert.deepEqual(state(samples.chatCompleted).conversation.capabilities, []);
  });

  test('A.8: chat and SMS message logs', () => {
    const chat = log(samples.chatSendMessageLog);
    assert.equal(chat.channel, 'chat');
    assert.equal(chat.conversationId, '0000Wa9CAM6W00FN');
    assert.equal(chat.messages[0]?.text, 'How may I help you?');
    const sms = log(samples.smsSendMessageLog);
    assert.equal(sms.channel, 'sms');
    assert.equal(sms.conversationId, '0000Wa9CAM6W00FN');
  });

  test('A.9: chatPath beside chatUri, a notice text, a sender with id and path', () => {
    const message = log(samples.chatCustomNoticeLog);
    assert.equal(message.conversationId, '0000Wa9CAM6W00FN');
    assert.equal(message.messages[0]?.noticeText, 'Customer is a VIP');
    assert.equal(message.messages[0]?.from?.id, '0093564DAC510041');
    const pathOnly = log({ ...samples.chatCustomNoticeLog, chatUri: undefined });
    assert.equal(pathOnly.conversationId, '0000Wa9CAM6W00FN');
  });

  test('A.10: SMS barge-in participants', () => {
    const message = state(samples.smsBargedInParticipantsUpdated);
    assert.equal(
      message.conversation.participants?.find((participant) => participant.nickname === 'test_supervisor')?.visibility,
      'All',
    );
  });

  test('A.11 and A.12: a session resource and a summary without state', () => {
    assert.equal(wireConversationSchema.parse(samples.smsSessionResource).state, 'Chatting');
    const summary = wireConversationSchema.parse(samples.agentSmsSessionSummary);
    assert.equal(summary.state, undefined);
    assert.equal(summary.participants, undefined);
    const user = userResponseSchema.parse(agentSmsSessionsResponse).user;
    assert.equal(parseEach(user.smssessions ?? [], wireConversationSchema).parsed[0]?.id, '0000PaB3QTCG001U');
  });

  test('the wire brief: enveloped delivery and history, with typing and the three date styles', () => {
    const delivered = state(samples.deliveredChatEnvelope);
    assert.equal(delivered.conversation.receivedDate, '2016-03-16 09:55:18.000+1000');
    const history = log(samples.deliveredChatHistoryEnvelope);
    assert.deepEqual(
      history.messages.map((message) => message.index),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(history.messages[1]?.timestampSeconds, 1458086120000);
    assert.equal(history.messages[4]?.timestampSeconds, undefined);
    assert.equal(history.messages[3]?.type, 'TypingStarted');
    assert.equal(state(samples.revokedChatEnvelope).conversation.state, 'Revoked');
  });

  test('unknown line types are kept as they are', () => {
    const message = log(samples.unusualLinesLog);
    assert.deepEqual(
      message.messages.map((line) => line.type),
      ['PushUrl', 'Notice', 'HologramSent'],
    );
    assert.equal(message.messages[0]?.url, 'https://example.com/track');
    assert.equal(message.messages[1]?.from, undefined);
  });

  test('lines arrive sorted by index; a malformed line is skipped with its reason, the others kept', () => {
    const message = log({
      ...samples.chatSendMessageLog,
      messages: [
        { index: 9, type: 'Text', text: 'later' },
        { type: 'Text', text: 'no index' },
        { index: '8', type: 'Text', text: 'earlier' },
      ],
    });
    assert.deepEqual(
      message.messages.map((line) => line.index),
      [8, 9],
    );
    assert.equal(message.rejected.length, 1);
  });

  test('what is not a chat/SMS message, or names no conversation, is an error with a reason', () => {
    const unnamed = parseMessagingNotification({ messageType: 'MessageLogUpdated', messages: [] });
    assert.equal(unnamed.ok, false);
    const device = parseMessagingNotification({ messageType: 'DeviceStateChangeMessage', devices: [] });
    assert.equal(device.ok, false);
    const noId = parseMessagingNotification({ messageType: 'ChatStateChangeMessage', chat: { state: 'Chatting' } });
    assert.equal(noId.ok, false);
    assert.match(noId.ok ? '' : noId.reason, /ChatStateChangeMessage/);
    assert.equal(parseMessagingNotification('garbage').ok, false);
    assert.equal(parseMessagingNotification(null).ok, false);
  });

  test('a log update with only a path takes its channel from the topic', () => {
    const both = log({
      channel: '/v2/me/smssessions',
      data: {
        messageType: 'MessageLogUpdated',
        chatPath: '/chats/A1',
        smssessionPath: '/smssessions/B2',
        messages: [],
      },
    });
    assert.equal(both.channel, 'sms');
    assert.equal(both.conversationId, 'B2');
  });

  test('REST bodies: messages, lists (fields or links only), single resources, `status` for statusCode', () => {
    assert.equal(messagesResponseSchema.parse(samples.messagesResponse).messages.length, 6);
    assert.equal(messagesResponseSchema.parse({ status: 0, messages: [] }).statusCode, 0);
    assert.equal(messagesResponseSchema.safeParse({ statusCode: 6, statusMessage: 'not found' }).success, false);
    assert.equal(conversationListResponseSchema.parse(samples.smsListResponse).smssessions?.length, 1);
    assert.equal(conversationListResponseSchema.parse(samples.chatLinksResponse).uris?.length, 1);
    assert.ok(conversationResponseSchema.parse(samples.chatResponse).chat);
  });

  test('messages: a numeric-string index; no type becomes Unknown', () => {
    assert.equal(wireMessageSchema.parse({ index: '12' }).index, 12);
    assert.equal(wireMessageSchema.parse({ index: 1 }).type, 'Unknown');
    assert.equal(wireMessageSchema.safeParse({ index: 1.5 }).success, false);
  });

  test('ids from uris and paths, user ids from participant links', () => {
    assert.equal(idFromLink('http://10.10.15.212:9090/api/v2/chats/0001Da9PFC93000S'), '0001Da9PFC93000S');
    assert.equal(idFromLink('/chats/0001Da9PFC93000S/'), '0001Da9PFC93000S');
    assert.equal(idFromLink('chats/X?fields=*'), 'X');
    assert.equal(idFromLink(''), null);
    assert.equal(idFromLink('http://'), null);
    assert.equal(participantUserId({ uri: `http://host/api/v2/users/${samples.agentUserId}` }), samples.agentUserId);
    assert.equal(participantUserId({ path: '/users/abc' }), 'abc');
    assert.equal(participantUserId({ uri: 'http://host/api/v2/chats/abc' }), null);
    assert.equal(participantUserId({}), null);
  });
});
