import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Audience, MicrophoneState, VoiceCommand } from '../../../../../../electron/common/models/voice';
import { voiceCommandSchema } from '../../../../../../electron/common/models/voice';
import {
  agentMuteAction,
  callerNumber,
  describeAudience,
  describeCallAudience,
  describeMonitoredAgent,
  describePendingCommand,
  describeSubscription,
  formatBehindLive,
  formatCallDuration,
  formatPacketLoss,
  monitorActionPhrase,
  monitoringPhrase,
  switchOptions,
  whenCallArrives,
} from '../../../../../../renderer/ui/features/voice/voice-model';
import { makeCall, makeSubscription } from '../../fixtures';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('describeAudience', () => {
  test('says who hears the supervisor, in three tones', () => {
    assert.deepEqual(describeAudience('nobody'), {
      tone: 'silent',
      label: 'Silent — nobody can hear you',
      shortLabel: 'Silent',
    });
    assert.equal(describeAudience('agent').tone, 'coach');
    assert.equal(describeAudience('agent').label, 'Coaching — the agent hears you');
    assert.equal(describeAudience('everyone').tone, 'live');
    assert.equal(describeAudience('everyone').label, 'Live — agent and customer hear you');
    assert.equal(describeAudience('caller').tone, 'live');
    assert.equal(describeAudience('caller').label, 'Two-way call — the caller hears you');
  });

  test('only "nobody" is ever silent', () => {
    const audiences: Audience[] = ['nobody', 'agent', 'caller', 'everyone'];
    for (const audience of audiences) {
      assert.equal(describeAudience(audience).tone === 'silent', audience === 'nobody', audience);
    }
  });
});

describe('describeCallAudience', () => {
  test('follows the audience main reports; a closed microphone with a problem says it', () => {
    const failedBarge = describeCallAudience(
      makeCall({
        id: 'c',
        mode: 'ListenIn',
        audience: 'nobody',
        microphone: 'closed',
        error: {
          code: 'internal',
          message: 'Your microphone did not open: Microphone access was denied. Nobody hears you.',
        },
      }),
    );
    assert.equal(failedBarge.tone, 'silent');
    assert.equal(failedBarge.detail, 'Your microphone did not open: Microphone access was denied. Nobody hears you.');
    assert.equal(failedBarge.problem, true);
  });

  test('a microphone on its way says so, under the louder audience main reports meanwhile', () => {
    const opening = describeCallAudience(
      makeCall({ id: 'c', mode: 'ListenIn', audience: 'everyone', microphone: 'opening' }),
    );
    assert.equal(opening.tone, 'live');
    assert.equal(opening.detail, 'Opening your microphone…');
    assert.equal(opening.transitional, true);
    const closing = describeCallAudience(
      makeCall({ id: 'c', mode: 'BargeIn', audience: 'everyone', microphone: 'closing' }),
    );
    assert.equal(closing.detail, 'Closing your microphone…');
    const unconfirmed = describeCallAudience(makeCall({ id: 'c', audience: 'agent', microphone: 'unconfirmed' }));
    assert.equal(unconfirmed.detail, 'Checking that your microphone is closed…');
  });

  test('a live mode set outside Earshot is shown with the microphone closed', () => {
    const outside = describeCallAudience(
      makeCall({ id: 'c', mode: 'BargeIn', modeChangedOutside: true, audience: 'nobody', microphone: 'closed' }),
    );
    assert.equal(outside.tone, 'silent');
    assert.match(outside.detail ?? '', /Genesys set this call to Barge in outside Earshot/);
  });

  test('the label comes from the audience alone, whatever the microphone says', () => {
    const microphones: MicrophoneState[] = ['closed', 'opening', 'open', 'closing', 'unconfirmed'];
    for (const microphone of microphones) {
      const view = describeCallAudience(makeCall({ id: 'c', mode: 'BargeIn', microphone, audience: 'everyone' }));
      assert.equal(view.label, 'Live — agent and customer hear you', microphone);
    }
  });
});

describe('describeMonitoredAgent', () => {
  test('says the live mode and who hears, or the subscription status', () => {
    assert.deepEqual(
      describeMonitoredAgent({ agentId: 'a', status: 'on-call', mode: 'BargeIn', audience: 'everyone' }),
      {
        text: 'Barging in · Live — everyone hears you',
        tone: 'live',
      },
    );
    assert.deepEqual(
      describeMonitoredAgent({ agentId: 'a', status: 'on-call', mode: 'ListenIn', audience: 'nobody' }),
      {
        text: 'Listening in · Silent',
        tone: 'silent',
      },
    );
    assert.equal(
      describeMonitoredAgent({ agentId: 'a', status: 'paused', mode: 'ListenIn', audience: 'nobody' }).text,
      'Paused: the audio window is closed',
    );
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
  test('names every command main can report', () => {
    assert.equal(describePendingCommand(null), null);
    for (const command of voiceCommandSchema.options as readonly VoiceCommand[]) {
      assert.match(describePendingCommand(command) ?? '', /…$/, command);
    }
    assert.equal(describePendingCommand('barge-in'), 'Barging in…');
    assert.equal(describePendingCommand('listen'), 'Switching to listen…');
    assert.equal(describePendingCommand('hang-up'), 'Hanging up…');
  });
});

describe('subscription', () => {
  test('describes mode, options and the status main derived', () => {
    const view = describeSubscription(makeSubscription({ frequency: 'NextCall' }));
    assert.equal(view.modeLabel, 'Listening in');
    assert.equal(view.status, 'Waiting for next call');
    assert.equal(view.waiting, true);
    assert.equal(
      view.description,
      'Listening in — Alice Archer: follow the call, next call only. Waiting for next call.',
    );
    assert.equal(describeSubscription(makeSubscription({ status: 'requesting' })).status, 'Starting…');
    assert.equal(describeSubscription(makeSubscription({ status: 'on-call' })).status, 'On a call');
    assert.equal(
      describeSubscription(makeSubscription({ status: 'paused' })).status,
      'Paused: the audio window is closed',
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
    assert.equal(callerNumber('sip:%E0%A4%A@pbx'), '%E0%A4%A');
    assert.equal(callerNumber('sip:front%20desk@pbx'), 'front desk');
    assert.equal(callerNumber('5002'), '5002');
  });
});
