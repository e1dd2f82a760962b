import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callNotResumedMessage } from '../../../../../electron/main/voice/continuity-notices';

const clock = (at: number): string => `t${at}`;

describe('the notice for a call that could not be resumed', () => {
  test('says when the connection was lost, with whom the call was, and why it ended', () => {
    const call = {
      callId: 'c1',
      agentName: 'Ava Vasquez',
      otherParty: '+15550142',
      lostAt: 1_000,
      outcome: 'call-gone',
    } as const;
    assert.equal(
      callNotResumedMessage(call, 9_000, clock),
      'Connection lost at t1000: the call with Ava Vasquez could not be resumed (the server had ended it meanwhile) and was ended.',
    );
    assert.match(callNotResumedMessage({ ...call, outcome: 'no-answer' }, 9_000, clock), /the server did not answer/);
    assert.match(callNotResumedMessage({ ...call, outcome: 'refused' }, 9_000, clock), /the server refused/);
  });

  test('names the other party where the agent is not known, and the time of the failure where the loss is not', () => {
    assert.equal(
      callNotResumedMessage(
        { callId: 'c1', agentName: null, otherParty: null, lostAt: null, outcome: 'no-answer' },
        9_000,
        clock,
      ),
      'Connection lost at t9000: the monitored call could not be resumed (the server did not answer) and was ended.',
    );
    assert.match(
      callNotResumedMessage(
        { callId: 'c1', agentName: null, otherParty: '+15550142', lostAt: 5, outcome: 'refused' },
        9_000,
        clock,
      ),
      /the call with \+15550142/,
    );
  });
});
