import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { audienceFor } from '../../../../../../electron/common/models/voice';
import type { MicrophoneState, VoiceMode } from '../../../../../../electron/common/models/voice';
import {
  agentMuteAction,
  callerNumber,
  describeAudience,
  describePendingCommand,
  describeSubscription,
  formatBehindLive,
  formatCallDuration,
  formatPacketLoss,
  isHangUpPending,
  isWaitingForCall,
  monitorActionPhrase,
  monitoringPhrase,
  switchOptions,
  whenCallArrives,
  widestAudience,
} from '../../../../../../renderer/ui/features/voice/voice-model';
import { makeCall, makeSubscription } from '../../fixtures';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('describeAudience', () => {
  test('says who hears the supervisor, in the three tones', () => {
    assert.deepEqual(describeAudience(makeCall({ id: 'c', audience: 'nobody' })), {
      tone: 'silent',
      label: 'Silent — nobody can hear you',
      shortLabel: 'Silent',
      detail: null,
    });
    const coach = describeAudience(makeCall({ id: 'c', mode: 'Coach', audience: 'agent', microphone: 'open' }));
    assert.equal(coach.tone, 'coach');
    assert.equal(coach.label, 'Coaching — the agent hears you');
    const live = describeAudience(makeCall({ id: 'c', mode: 'BargeIn', audience: 'everyone', microphone: 'open' }));
    assert.equal(live.tone, 'live');
    assert.equal(live.label, 'Live — agent and customer hear you');
  });

  test('follows the audience main reports, not the mode that was asked for', () => {
    const failedBarge = describeAudience(
      makeCall({
        id: 'c',
        mode: 'BargeIn',
        audience: 'nobody',
        microphone: 'failed',
        error: { code: 'internal', message: 'Microphone access was denied.' },
      }),
    );
    assert.equal(failedBarge.tone, 'silent');
    assert.equal(failedBarge.label, 'Silent — nobody can hear you');
    assert.equal(failedBarge.detail, 'Your microphone did not open: Microphone access was denied.');
  });

  test('a microphone on its way says so, under the wider audience main reports meanwhile', () => {
    const opening = describeAudience(
      makeCall({ id: 'c', mode: 'BargeIn', audience: 'everyone', microphone: 'opening' }),
    );
    assert.equal(opening.tone, 'live');
    assert.equal(opening.detail, 'Opening your microphone…');
    const closing = describeAudience(makeCall({ id: 'c', mode: 'ListenIn', audience: 'agent', microphone: 'closing' }));
    assert.equal(closing.tone, 'coach');
    assert.equal(closing.detail, 'Closing your microphone…');
    const failedWithoutReason = describeAudience(makeCall({ id: 'c', audience: 'nobody', microphone: 'failed' }));
    assert.equal(failedWithoutReason.detail, 'Your microphone did not open, so nobody hears you.');
  });

  test('never calls a possibly open microphone silent, for any mode (with the model’s audienceFor)', () => {
    const modes: VoiceMode[] = ['ListenIn', 'Coach', 'BargeIn'];
    const microphones: MicrophoneState[] = ['closed', 'opening', 'open', 'closing', 'failed'];
    for (const mode of modes) {
      for (const microphone of microphones) {
        const view = describeAudience(makeCall({ id: 'c', mode, microphone, audience: audienceFor(mode, microphone) }));
        const mayBeHeard = microphone === 'opening' || microphone === 'open' || microphone === 'closing';
        assert.equal(view.tone !== 'silent', mayBeHeard, `${mode}/${microphone}`);
      }
    }
  });
});

describe('widestAudience', () => {
  test('is the widest audience over live calls, and null without any', () => {
    assert.equal(widestAudience([]), null);
    assert.equal(
      widestAudience([
        makeCall({ id: 'a', audience: 'nobody' }),
        makeCall({ id: 'b', audience: 'agent' }),
        makeCall({ id: 'c', audience: 'everyone', state: 'ended' }),
      ]),
      'agent',
    );
    assert.equal(widestAudience([makeCall({ id: 'a', state: 'ended' })]), null);
  });
});

describe('switchOptions', () => {
  test('offers only the switch targets; the current mode shows pressed and is never sent', () => {
    assert.deepEqual(switchOptions({ mode: 'ListenIn', switchTargets: ['BargeIn'] }), [
      { mode: 'ListenIn', label: 'Listen', current: true, available: false },
      { mode: 'BargeIn', label: 'Barge in', current: false, available: true },
    ]);
    assert.deepEqual(
      switchOptions({ mode: 'BargeIn', switchTargets: ['ListenIn'] }).map((option) => [option.mode, option.available]),
      [
        ['ListenIn', true],
        ['BargeIn', false],
      ],
    );
  });

  test('a mode main does not offer now is shown but not available', () => {
    assert.deepEqual(
      switchOptions({ mode: 'ListenIn', switchTargets: [] }).map((option) => option.available),
      [false, false],
    );
  });

  test('Coach appears only as the current mode, between the two it can switch to', () => {
    const options = switchOptions({ mode: 'Coach', switchTargets: ['ListenIn', 'BargeIn'] });
    assert.deepEqual(
      options.map((option) => [option.mode, option.current, option.available]),
      [
        ['ListenIn', false, true],
        ['Coach', true, false],
        ['BargeIn', false, true],
      ],
    );
    assert.ok(
      !switchOptions({ mode: 'ListenIn', switchTargets: ['BargeIn'] }).some((option) => option.mode === 'Coach'),
    );
  });
});

describe('agentMuteAction', () => {
  test('mutes, unmutes, or offers nothing, as the call allows', () => {
    assert.deepEqual(agentMuteAction({ agentMuted: false, canMuteAgent: true, canUnmuteAgent: false }), {
      label: 'Mute agent',
      muted: true,
      available: true,
    });
    assert.deepEqual(agentMuteAction({ agentMuted: true, canMuteAgent: false, canUnmuteAgent: true }), {
      label: 'Unmute agent',
      muted: false,
      available: true,
    });
    assert.equal(agentMuteAction({ agentMuted: false, canMuteAgent: false, canUnmuteAgent: false }), null);
  });

  test('a muted agent whom the call cannot unmute still shows as muted', () => {
    assert.deepEqual(agentMuteAction({ agentMuted: true, canMuteAgent: false, canUnmuteAgent: false }), {
      label: 'Unmute agent',
      muted: false,
      available: false,
    });
  });
});

describe('describePendingCommand', () => {
  test('names the known commands in words and anything else generically', () => {
    assert.equal(describePendingCommand(null), null);
    assert.equal(describePendingCommand('SwitchToBargeIn'), 'Barging in…');
    assert.equal(describePendingCommand('SwitchToListenIn'), 'Switching to listen…');
    assert.equal(describePendingCommand('voice:switchMode'), 'Switching mode…');
    assert.equal(describePendingCommand('muteAgent'), 'Muting the agent…');
    assert.equal(describePendingCommand('UnmuteMonitoredUser'), 'Unmuting the agent…');
    assert.equal(describePendingCommand('hangUp'), 'Hanging up…');
    assert.equal(describePendingCommand('setVolume'), null);
    assert.equal(describePendingCommand('somethingNew'), 'Working…');
  });

  test('knows a hang-up on its way', () => {
    assert.equal(isHangUpPending('voice:hangUp'), true);
    assert.equal(isHangUpPending('Hangup'), true);
    assert.equal(isHangUpPending('switchMode'), false);
    assert.equal(isHangUpPending(null), false);
  });
});

describe('subscription', () => {
  test('waits for the next call while no monitored call is up', () => {
    const subscription = makeSubscription({ agentId: 'a1', scope: 'Agent' });
    assert.equal(isWaitingForCall(subscription, []), true);
    assert.equal(isWaitingForCall(subscription, [makeCall({ id: 'c', agentId: 'a1', state: 'ended' })]), true);
    assert.equal(isWaitingForCall(subscription, [makeCall({ id: 'c', agentId: 'a1', state: 'ringing' })]), false);
    assert.equal(isWaitingForCall(subscription, [makeCall({ id: 'c', agentId: 'a2' })]), true);
  });

  test('with Call scope a transferred call still counts', () => {
    const subscription = makeSubscription({ agentId: 'a1', scope: 'Call' });
    assert.equal(isWaitingForCall(subscription, [makeCall({ id: 'c', agentId: 'a2' })]), false);
  });

  test('describes mode, options and status', () => {
    const view = describeSubscription(makeSubscription({ frequency: 'NextCall' }), []);
    assert.equal(view.modeLabel, 'Listening in');
    assert.equal(view.status, 'Waiting for next call');
    assert.equal(view.waiting, true);
    assert.equal(
      view.description,
      'Listening in — Alice Archer: follow the call, next call only. Waiting for next call.',
    );
    assert.equal(describeSubscription(makeSubscription({ pending: true }), []).status, 'Updating…');
    assert.equal(describeSubscription(makeSubscription(), [makeCall({ id: 'c' })]).status, 'On a call');
  });

  test('says when the live call has moved to another mode than the subscription’s', () => {
    const call = makeCall({ id: 'c', mode: 'BargeIn', audience: 'everyone', microphone: 'open' });
    assert.equal(
      describeSubscription(makeSubscription({ mode: 'ListenIn' }), [call]).status,
      'On a call · now Barge in',
    );
  });

  test('tells before the call arrives who will hear the supervisor', () => {
    assert.equal(whenCallArrives('ListenIn', 'Alice'), "You join Alice's next call silently: nobody will hear you.");
    assert.match(whenCallArrives('Coach', 'Alice'), /Alice will hear you, the customer will not/);
    assert.match(whenCallArrives('BargeIn', null), /the agent and the customer will hear you/);
  });

  test('phrases what the supervisor does and would do', () => {
    assert.equal(monitoringPhrase('ListenIn', 'Alice'), 'listening in to Alice');
    assert.equal(monitoringPhrase('Coach', 'Alice'), 'coaching Alice');
    assert.equal(monitoringPhrase('BargeIn', 'Alice'), 'barging in on Alice');
    assert.equal(monitorActionPhrase('ListenIn', 'Bruno'), 'Listen in to Bruno');
    assert.equal(monitorActionPhrase('Coach', 'Bruno'), 'Coach Bruno');
    assert.equal(monitorActionPhrase('BargeIn', 'Bruno'), 'Barge in on Bruno');
  });
});

describe('formatCallDuration', () => {
  test('reads m:ss under an hour and h:mm:ss from then on', () => {
    assert.equal(formatCallDuration(0).text, '0:00');
    assert.equal(formatCallDuration(7 * SECOND + 999).text, '0:07');
    assert.equal(formatCallDuration(12 * MINUTE + 34 * SECOND).text, '12:34');
    assert.equal(formatCallDuration(HOUR + 2 * MINUTE + 3 * SECOND).text, '1:02:03');
  });

  test('a start in the future or a broken value reads as zero', () => {
    assert.equal(formatCallDuration(-3 * SECOND).text, '0:00');
    assert.equal(formatCallDuration(Number.NaN).text, '0:00');
  });

  test('says the span in words', () => {
    assert.equal(formatCallDuration(SECOND).label, '1 second');
    assert.equal(formatCallDuration(3 * MINUTE + 7 * SECOND).label, '3 minutes 7 seconds');
    assert.equal(formatCallDuration(HOUR + 5 * SECOND).label, '1 hour 5 seconds');
  });
});

describe('audio figures', () => {
  test('behind live reads in seconds, two decimals under one', () => {
    assert.equal(formatBehindLive(80), '0.08 s behind live');
    assert.equal(formatBehindLive(345), '0.34 s behind live');
    assert.equal(formatBehindLive(1250), '1.3 s behind live');
    assert.equal(formatBehindLive(null), null);
    assert.equal(formatBehindLive(-1), null);
    assert.equal(formatBehindLive(Number.NaN), null);
  });

  test('packet loss reads as a percentage and flags what a listener hears', () => {
    assert.deepEqual(formatPacketLoss(0), { text: 'No packet loss', noticeable: false });
    assert.deepEqual(formatPacketLoss(0.42), { text: '0.4 % packet loss', noticeable: false });
    assert.deepEqual(formatPacketLoss(4.25), { text: '4.3 % packet loss', noticeable: true });
    assert.deepEqual(formatPacketLoss(12.6), { text: '13 % packet loss', noticeable: true });
    assert.deepEqual(formatPacketLoss(250), { text: '100 % packet loss', noticeable: true });
    assert.equal(formatPacketLoss(null), null);
  });

  test('a caller URI reads as its number', () => {
    assert.equal(callerNumber('sip:+15550199@demo.earshot.local'), '+15550199');
    assert.equal(callerNumber('sips:5001@pbx;transport=ws'), '5001');
    assert.equal(callerNumber('sip:front%20desk@pbx'), 'front desk');
    assert.equal(callerNumber('5002'), '5002');
  });
});
