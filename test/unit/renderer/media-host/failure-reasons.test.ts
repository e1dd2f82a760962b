import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeIceRestartEnd,
  describeCallEnd,
  describeConnectionLoss,
  describeMicrophoneError,
  describeRegistrationFailure,
} from '../../../../renderer/media-host/failure-reasons';

describe('failure reasons in words', () => {
  test('registration failures name the likely fix and the SIP status', () => {
    assert.equal(
      describeRegistrationFailure('Authentication Error', { code: 401, reason: 'Unauthorized' }),
      'The SIP server refused the user name or password (401 Unauthorized).',
    );
    assert.equal(
      describeRegistrationFailure('Rejected', { code: 403, reason: 'Forbidden' }),
      'The SIP server refused the user name or password (403 Forbidden).',
    );
    assert.equal(
      describeRegistrationFailure('Rejected', { code: 603, reason: 'Decline' }),
      'The SIP server refused to register this phone (603 Decline).',
    );
    assert.equal(describeRegistrationFailure('Connection Error', null), 'Cannot reach the SIP server.');
    assert.equal(
      describeRegistrationFailure('SIP Failure Code', { code: 500, reason: 'Server Error' }),
      'The SIP server refused the registration (500 Server Error).',
    );
    assert.equal(
      describeRegistrationFailure('Something New', null),
      'The SIP server refused the registration (Something New).',
    );
  });

  test('a lost connection says whether it ever worked', () => {
    assert.match(describeConnectionLoss('ws://127.0.0.1:5066', true), /Lost the connection .* reconnecting/);
    assert.match(
      describeConnectionLoss('ws://127.0.0.1:5066', false),
      /Cannot reach .*ws:\/\/127\.0\.0\.1:5066.* retrying/,
    );
  });

  test('call ends say who ended the call', () => {
    assert.equal(describeCallEnd('remote', 'Terminated'), 'The other side hung up.');
    assert.equal(describeCallEnd('local', 'Terminated'), 'Hung up.');
    assert.equal(describeCallEnd('local', 'Rejected'), 'Declined.');
    assert.equal(describeCallEnd('remote', 'Canceled'), 'The call was withdrawn before it was answered.');
    assert.equal(describeCallEnd('system', 'Weird'), 'The call ended (Weird).');
  });

  test('microphone errors by DOMException name', () => {
    assert.equal(describeMicrophoneError({ name: 'NotAllowedError' }), 'Earshot is not allowed to use the microphone.');
    assert.equal(describeMicrophoneError({ name: 'NotFoundError' }), 'The chosen microphone is not connected.');
    assert.equal(describeMicrophoneError({ name: 'OverconstrainedError' }), 'The chosen microphone is not connected.');
    assert.match(describeMicrophoneError({ name: 'NotReadableError' }), /another application/);
    assert.match(describeMicrophoneError(new Error('boom')), /\(boom\)/);
  });

  test('a call that ended while its ICE restart waited says how it failed', () => {
    assert.deepEqual(describeIceRestartEnd('local', 'Dialog Error'), {
      outcome: 'call-gone',
      reason: 'The SIP server no longer has this call.',
    });
    assert.equal(describeIceRestartEnd('local', 'Request Timeout').outcome, 'no-answer');
    assert.equal(describeIceRestartEnd('local', 'Connection Error').outcome, 'no-answer');
    assert.deepEqual(describeIceRestartEnd('remote', 'Terminated'), {
      outcome: 'refused',
      reason: 'The other side hung up.',
    });
  });
});
