import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  epochMillisSchema,
  parseGwsDate,
  secondsSchema,
  statusBodySchema,
} from '../../../../../electron/main/contact-center/wire/common';
import {
  deviceStateChangeMessageSchema,
  notificationEnvelopeSchema,
} from '../../../../../electron/main/contact-center/wire/notifications';
import {
  contactSchema,
  contactsResponseSchema,
  userResponseSchema,
} from '../../../../../electron/main/contact-center/wire/users';
import * as samples from '../../../../fixtures/gws/samples';

describe('GWS wire schemas accept every documented variant', () => {
  test('statusCode bodies, including the `status` typo', () => {
    assert.equal(statusBodySchema.parse({ statusCode: 0 }).statusCode, 0);
    assert.equal(statusBodySchema.parse(samples.accessDenied).statusCode, 20);
    assert.equal(statusBodySchema.parse(samples.statusInsteadOfStatusCode).statusCode, 0);
    assert.equal(statusBodySchema.safeParse({ hello: 'world' }).success, false);
  });

  test('GET /api/v2/me', () => {
    const { user } = userResponseSchema.parse(samples.meResponse);
    assert.equal(user.userName, 'ksippo');
    assert.deepEqual(user.roles, ['ROLE_AGENT']);
  });

  test('a user with smssessions subresource (A.12)', () => {
    const { user } = userResponseSchema.parse(samples.agentSmsSessionsResponse);
    assert.equal(user.smssessions?.length, 1);
    assert.equal(user.smssessions?.[0]?.id, '0000PaB3QTCG001U');
  });

  test('contacts with availability (A.13)', () => {
    const body = contactsResponseSchema.parse(samples.contactsResponse);
    const contact = contactSchema.parse(body.contacts[0]);
    assert.equal(contact.availability?.channels[0]?.userState?.state, 'Ready');
    assert.equal(contact.phoneNumbers?.[0]?.phoneNumber, '15000');
  });

  test('device notifications with envelope, by phone number (8.6.0) and bare', () => {
    for (const sample of [
      samples.listenInDeviceNotification,
      samples.listenInByPhoneNumberNotification,
      samples.bareDeviceNotification,
    ]) {
      const envelope = notificationEnvelopeSchema.parse(sample);
      const message = deviceStateChangeMessageSchema.parse(envelope.data);
      assert.equal(message.devices[0]?.id, 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a');
    }
    const byPhone = deviceStateChangeMessageSchema.parse(samples.listenInByPhoneNumberNotification.data);
    assert.equal(byPhone.devices[0]?.supervisorMonitoringState?.targetDeviceUri, '');
    assert.equal(byPhone.devices[0]?.supervisorMonitoringState?.phoneNumber, '<monitored_phone_number>');
    assert.equal(notificationEnvelopeSchema.parse(samples.bareDeviceNotification).channel, '');
  });

  test('a notification without messageType is rejected', () => {
    assert.equal(
      notificationEnvelopeSchema.safeParse({ channel: '/v2/me/devices', data: { devices: [] } }).success,
      false,
    );
    assert.equal(notificationEnvelopeSchema.safeParse('not an object').success, false);
  });

  test('durations as strings, timestampSeconds as milliseconds with a Java L', () => {
    assert.equal(secondsSchema.parse('75'), 75);
    assert.equal(secondsSchema.parse(75), 75);
    assert.equal(epochMillisSchema.parse('1399313371000L'), 1399313371000);
    assert.equal(epochMillisSchema.parse(1389261492035), 1389261492035);
  });

  test('the three date formats', () => {
    assert.equal(parseGwsDate('2014-05-0511:08:45.000-0700'), Date.parse('2014-05-05T11:08:45.000-07:00'));
    assert.equal(parseGwsDate('2016-03-16 09:55:18.000+1000'), Date.parse('2016-03-16T09:55:18.000+10:00'));
    assert.equal(parseGwsDate('2014-01-09T11:58:12.035Z'), Date.parse('2014-01-09T11:58:12.035Z'));
    assert.equal(parseGwsDate('yesterday'), null);
  });
});
