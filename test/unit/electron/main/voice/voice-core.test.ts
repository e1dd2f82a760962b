import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  initialVoiceCore,
  MATCH_WINDOW_MS,
  step,
  type ServerCallFacts,
  type VoiceCore,
  type VoiceCoreEvent,
  type VoiceEffect,
} from '../../../../../electron/main/voice/voice-core';
import type { OfferedLeg } from '../../../../../electron/main/sip/sip-events';
import { renderVoice } from '../../../../../electron/main/voice/voice-view';

const context = { now: 5_000, inputDeviceId: null, initialVolume: 1 };
const running = { status: 'running', reason: null, reopenable: false } as const;

function run(core: VoiceCore, ...events: VoiceCoreEvent[]): { core: VoiceCore; effects: VoiceEffect[] } {
  const effects: VoiceEffect[] = [];
  let current = core;
  for (const event of events) {
    const next = step(current, event, context);
    effects.push(...next.effects);
    current = next.core;
  }
  return { core: current, effects };
}

const subscribed: VoiceCoreEvent = {
  type: 'subscription',
  facts: { agentId: 'a1', agentName: 'Ava', mode: 'ListenIn', scope: 'Call', frequency: 'AllCalls' },
};

function gwsCall(overrides: Partial<ServerCallFacts> = {}): VoiceCoreEvent {
  return {
    type: 'gws-call',
    call: {
      id: 'call-1',
      callUuid: 'uuid-1',
      state: 'Ringing',
      mute: true,
      capabilities: ['SwitchToBargeIn', 'SwitchToListenIn', 'Hangup'],
      agentMuted: false,
      monitoring: null,
      agent: { id: 'a1', name: 'Ava' },
      customerNumber: '+1555',
      startedAt: 0,
      ...overrides,
    },
  };
}

function offered(overrides: Partial<OfferedLeg> = {}): VoiceCoreEvent {
  return {
    type: 'leg-offered',
    leg: {
      id: 'leg-1',
      sipCallId: 'sip-1',
      genesysCallUuid: 'uuid-1',
      from: 'sip:5001@demo',
      displayName: null,
      at: 0,
      ...overrides,
    },
  };
}

const mediaCommands = (effects: readonly VoiceEffect[]) =>
  effects.flatMap((effect) => (effect.type === 'media' ? [effect.command] : []));
const auditLines = (effects: readonly VoiceEffect[]) => effects.filter((effect) => effect.type === 'audit');

describe('SIP legs', () => {
  test('a leg whose CallUUID matches a monitoring call is answered, and belongs to that card', () => {
    const { core, effects } = run(initialVoiceCore(running), subscribed, gwsCall(), offered());
    assert.deepEqual(mediaCommands(effects), [{ type: 'answer', callId: 'leg-1' }]);
    assert.equal(core.calls[0]?.leg?.id, 'leg-1');
    assert.equal(core.invites.length, 0);
  });

  test('an INVITE before GWS’s notification waits for it, then is answered', () => {
    const waiting = run(initialVoiceCore(running), subscribed, offered());
    assert.deepEqual(
      waiting.effects.filter((effect) => effect.type === 'start-timer'),
      [{ type: 'start-timer', key: 'invite:leg-1', ms: MATCH_WINDOW_MS }],
    );
    assert.equal(renderVoice(waiting.core).incoming.length, 0, 'waiting, not ringing');
    const matched = run(waiting.core, gwsCall());
    assert.deepEqual(mediaCommands(matched.effects), [{ type: 'answer', callId: 'leg-1' }]);
    assert.ok(matched.effects.some((effect) => effect.type === 'cancel-timer' && effect.key === 'invite:leg-1'));
  });

  test('a waiting INVITE that nothing matches in time rings, never answered', () => {
    const rang = run(initialVoiceCore(running), subscribed, offered(), { type: 'timer', key: 'invite:leg-1' });
    assert.deepEqual(
      renderVoice(rang.core).incoming.map((call) => call.id),
      ['leg-1'],
    );
    assert.deepEqual(mediaCommands(rang.effects), []);
  });

  test('an INVITE without monitoring rings at once', () => {
    const rang = run(initialVoiceCore(running), offered({ genesysCallUuid: null }));
    assert.deepEqual(
      renderVoice(rang.core).incoming.map((call) => call.id),
      ['leg-1'],
    );
  });

  test('a second INVITE with a Call-ID already seen is refused, never answered', () => {
    const { core } = run(initialVoiceCore(running), subscribed, gwsCall(), offered());
    const duplicate = run(core, offered({ id: 'leg-2' }));
    assert.deepEqual(mediaCommands(duplicate.effects), [{ type: 'decline', callId: 'leg-2', statusCode: 482 }]);
    assert.equal(duplicate.core.calls[0]?.leg?.id, 'leg-1', 'the card keeps its leg');
  });

  test('a second leg for a call that has one is refused: one answered leg per call', () => {
    const { core } = run(initialVoiceCore(running), subscribed, gwsCall(), offered());
    const second = run(core, offered({ id: 'leg-2', sipCallId: 'sip-2' }));
    assert.deepEqual(mediaCommands(second.effects), [{ type: 'decline', callId: 'leg-2', statusCode: 486 }]);
  });

  test('an INVITE for a call that ended here is refused', () => {
    const ended = run(initialVoiceCore(running), subscribed, gwsCall(), offered(), {
      type: 'leg-state',
      legId: 'leg-1',
      state: 'ended',
      reason: null,
    });
    const late = run(ended.core, offered({ id: 'leg-3', sipCallId: 'sip-3' }));
    assert.deepEqual(mediaCommands(late.effects), [{ type: 'decline', callId: 'leg-3', statusCode: 486 }]);
  });

  test('answering an ordinary call makes a card; the trail has it from connecting to the leg ending', () => {
    const rang = run(initialVoiceCore(running), offered({ genesysCallUuid: null, displayName: 'Front desk' }));
    const answered = run(rang.core, { type: 'answer-incoming', legId: 'leg-1' });
    assert.deepEqual(mediaCommands(answered.effects), [{ type: 'answer', callId: 'leg-1' }]);
    const view = renderVoice(answered.core);
    assert.equal(view.calls[0]?.kind, 'ordinary');
    assert.equal(view.calls[0]?.canHangUp, true);
    assert.equal(view.incoming.length, 0);
    const connected = run(answered.core, { type: 'leg-state', legId: 'leg-1', state: 'established', reason: null });
    const ended = run(connected.core, { type: 'leg-state', legId: 'leg-1', state: 'ended', reason: null });
    assert.equal(ended.core.calls.length, 0);
    assert.deepEqual(auditLines([...connected.effects, ...ended.effects]), [
      {
        type: 'audit',
        kind: 'joined',
        callId: 'leg-1',
        agentId: null,
        otherParty: 'Front desk',
        mode: null,
        ending: null,
        detail: null,
        transferredTo: null,
      },
      {
        type: 'audit',
        kind: 'ended',
        callId: 'leg-1',
        agentId: null,
        otherParty: 'Front desk',
        mode: null,
        ending: 'ended',
        detail: null,
        transferredTo: null,
      },
    ]);
  });

  test('a microphone reported on a leg no card owns is ended at once', () => {
    const stray = run(initialVoiceCore(running), {
      type: 'leg-microphone',
      legId: 'ghost',
      report: 'sending',
      error: null,
    });
    assert.deepEqual(mediaCommands(stray.effects), [{ type: 'hangUp', callId: 'ghost' }]);
  });
});

describe('the media host', () => {
  function barged(): VoiceCore {
    return run(
      initialVoiceCore(running),
      subscribed,
      gwsCall({ state: 'Established' }),
      offered(),
      { type: 'leg-state', legId: 'leg-1', state: 'established', reason: null },
      { type: 'command', callId: 'call-1', command: { type: 'switch', target: 'BargeIn' } },
      { type: 'leg-microphone', legId: 'leg-1', report: 'acquired', error: null },
      gwsCall({ state: 'Established', mute: false }),
      { type: 'leg-microphone', legId: 'leg-1', report: 'sending', error: null },
    ).core;
  }

  test('lost: every call ends on both sides, and the microphone stays reported open until a media host confirms', () => {
    const lost = run(barged(), {
      type: 'media-lost',
      microphoneReleased: false,
      reason: 'The audio window was closed.',
      restarting: false,
      reopenable: true,
    });
    assert.ok(lost.effects.some((effect) => effect.type === 'gws' && effect.operation === 'Hangup'));
    assert.equal(lost.core.calls.length, 0);
    assert.deepEqual(
      auditLines(lost.effects).map(({ kind, ending, detail }) => ({ kind, ending, detail })),
      [{ kind: 'ended', ending: 'audio-lost', detail: 'The audio window was closed.' }],
    );
    const view = renderVoice(lost.core);
    assert.equal(view.audience, 'everyone');
    assert.equal(view.subscription?.status, 'paused');
    assert.deepEqual(view.audioEngine, { status: 'lost', reason: 'The audio window was closed.', reopenable: true });

    const back = run(lost.core, { type: 'media-ready', heldLegs: [] });
    assert.equal(renderVoice(back.core).audience, 'nobody');
    assert.equal(renderVoice(back.core).subscription?.status, 'waiting');
  });

  test('lost with its process gone: nothing can still capture', () => {
    const lost = run(barged(), {
      type: 'media-lost',
      microphoneReleased: true,
      reason: 'gone',
      restarting: true,
      reopenable: false,
    });
    assert.equal(renderVoice(lost.core).audience, 'nobody');
    assert.equal(renderVoice(lost.core).audioEngine.status, 'starting');
  });

  test('a media host that comes back still holding a live microphone: hung up, audience kept until it ends', () => {
    const back = run(initialVoiceCore(running), {
      type: 'media-ready',
      heldLegs: [{ legId: 'old', microphoneLive: true }],
    });
    assert.deepEqual(mediaCommands(back.effects), [{ type: 'hangUp', callId: 'old' }]);
    assert.equal(renderVoice(back.core).audience, 'agent');
    const gone = run(back.core, { type: 'leg-state', legId: 'old', state: 'ended', reason: null });
    assert.equal(renderVoice(gone.core).audience, 'nobody');
  });

  test('a monitoring call delivered while the audio window is closed is hung up and noted', () => {
    const lost = run(initialVoiceCore({ status: 'lost', reason: 'closed', reopenable: true }), subscribed, gwsCall());
    assert.ok(lost.effects.some((effect) => effect.type === 'gws' && effect.operation === 'Hangup'));
    assert.equal(lost.core.calls.length, 0);
    assert.equal(lost.core.endedCallIds.includes('call-1'), true);
    assert.deepEqual(auditLines(lost.effects), [], 'never joined: nothing for the history');
  });
});

describe('what the screen is told', () => {
  test('a call GWS no longer lists after a re-read is released', () => {
    const { core } = run(initialVoiceCore(running), subscribed, gwsCall({ state: 'Established' }));
    const reread = run(core, { type: 'gws-calls-present', ids: [] });
    assert.equal(reread.core.calls.length, 0);
  });

  test('the subscription: requesting, then waiting; on a call; its agent row says who hears', () => {
    const requesting = run(initialVoiceCore(running), {
      type: 'subscription-request',
      request: {
        kind: 'requesting',
        facts: { agentId: 'a1', agentName: 'Ava', mode: 'BargeIn', scope: 'Call', frequency: 'AllCalls' },
      },
      error: null,
    });
    assert.equal(renderVoice(requesting.core).subscription?.status, 'requesting');
    const stale = run(requesting.core, subscribed);
    assert.equal(renderVoice(stale.core).subscription?.status, 'requesting', 'an older notification does not end it');
    const confirmed = run(stale.core, {
      type: 'subscription',
      facts: { agentId: 'a1', agentName: 'Ava', mode: 'BargeIn', scope: 'Call', frequency: 'AllCalls' },
    });
    assert.equal(renderVoice(confirmed.core).subscription?.status, 'waiting');
    const onCall = run(confirmed.core, gwsCall());
    const view = renderVoice(onCall.core);
    assert.equal(view.subscription?.status, 'on-call');
    assert.deepEqual(view.monitoredAgents, [
      { agentId: 'a1', status: 'on-call', mode: 'ListenIn', audience: 'nobody' },
    ]);
  });

  test('a notification for a call that is not monitoring is left alone', () => {
    const ignored = run(initialVoiceCore(running), gwsCall({ monitoring: false }));
    assert.equal(ignored.core.calls.length, 0);
    const unexpected = run(initialVoiceCore(running), gwsCall());
    assert.equal(unexpected.core.calls.length, 0, 'no subscription, no monitoring flag: not ours');
  });
});

describe('a network change during a live call', () => {
  const established: VoiceCoreEvent = { type: 'leg-state', legId: 'leg-1', state: 'established', reason: null };
  const listening = (): VoiceCore =>
    run(initialVoiceCore(running), subscribed, gwsCall({ state: 'Established' }), offered(), established).core;
  const barged = (): VoiceCore =>
    run(
      listening(),
      { type: 'command', callId: 'call-1', command: { type: 'switch', target: 'BargeIn' } },
      { type: 'leg-microphone', legId: 'leg-1', report: 'acquired', error: null },
      gwsCall({ state: 'Established', mute: false, capabilities: ['SwitchToListenIn', 'Hangup'] }),
      { type: 'leg-microphone', legId: 'leg-1', report: 'sending', error: null },
    ).core;
  const lostAt = (core: VoiceCore): VoiceCore => step(core, { type: 'line-lost' }, { ...context, now: 1_000 }).core;

  test('the line’s return moves each established call to the new network, and nothing else', () => {
    const silent = run(lostAt(listening()), { type: 'line-restored' });
    assert.deepEqual(mediaCommands(silent.effects), [{ type: 'restartIce', callId: 'leg-1' }]);
    assert.equal(renderVoice(silent.core).audience, 'nobody', 'receive-only stays receive-only');
    assert.equal(silent.core.calls[0]?.microphone, 'closed');

    const live = run(lostAt(barged()), { type: 'line-restored' });
    assert.deepEqual(
      mediaCommands(live.effects),
      [{ type: 'restartIce', callId: 'leg-1' }],
      'an open microphone is neither released nor opened again: the move changes the path, not what is sent',
    );
    assert.equal(live.core.calls[0]?.microphone, 'sending');
    assert.equal(live.effects.filter((effect) => effect.type === 'gws').length, 0, 'GWS is not asked anything');
  });

  test('a call still being answered, or being hung up, is not moved', () => {
    const answering = run(initialVoiceCore(running), subscribed, gwsCall(), offered(), { type: 'line-restored' });
    assert.deepEqual(mediaCommands(answering.effects), [{ type: 'answer', callId: 'leg-1' }]);
    const hangingUp = run(
      listening(),
      { type: 'command', callId: 'call-1', command: { type: 'hang-up' } },
      { type: 'line-restored' },
    );
    assert.ok(!mediaCommands(hangingUp.effects).some((command) => command.type === 'restartIce'));
  });

  test('a call that moved goes on as it was, without a notice', () => {
    const before = run(lostAt(listening()), { type: 'line-restored' }).core;
    const moved = run(before, { type: 'leg-ice-restart', legId: 'leg-1', outcome: 'restarted', reason: null });
    assert.deepEqual(mediaCommands(moved.effects), []);
    assert.equal(moved.core.calls[0], before.calls[0], 'the call machine is untouched');
    assert.ok(!moved.effects.some((effect) => effect.type === 'call-not-resumed'));
  });

  test('a call that could not move ends as lost audio on both sides, with a notice of when and with whom', () => {
    const before = run(lostAt(barged()), { type: 'line-restored' }).core;
    const failed = run(before, {
      type: 'leg-ice-restart',
      legId: 'leg-1',
      outcome: 'call-gone',
      reason: 'The SIP server no longer has this call.',
    });
    assert.deepEqual(mediaCommands(failed.effects), [{ type: 'hangUp', callId: 'leg-1' }]);
    assert.ok(failed.effects.some((effect) => effect.type === 'gws' && effect.operation === 'Hangup'));
    assert.deepEqual(
      failed.effects.filter((effect) => effect.type === 'call-not-resumed'),
      [
        {
          type: 'call-not-resumed',
          callId: 'call-1',
          agentName: 'Ava',
          otherParty: '+1555',
          lostAt: 1_000,
          outcome: 'call-gone',
        },
      ],
    );
    assert.equal(
      renderVoice(failed.core).audience,
      'everyone',
      'until the media host confirms the leg ended, the open microphone is still shown',
    );

    const ended = run(failed.core, { type: 'leg-state', legId: 'leg-1', state: 'ended', reason: null });
    assert.equal(ended.core.calls.length, 0);
    assert.equal(renderVoice(ended.core).audience, 'nobody');
    assert.deepEqual(
      auditLines(ended.effects).map(({ kind, ending }) => ({ kind, ending })),
      [{ kind: 'ended', ending: 'audio-lost' }],
    );
  });

  test('a failure reported for a call already ending, or gone, asks nothing more', () => {
    const hangingUp = run(lostAt(listening()), { type: 'command', callId: 'call-1', command: { type: 'hang-up' } });
    const late = run(hangingUp.core, { type: 'leg-ice-restart', legId: 'leg-1', outcome: 'no-answer', reason: null });
    assert.deepEqual(mediaCommands(late.effects), []);
    assert.ok(!late.effects.some((effect) => effect.type === 'call-not-resumed'));
    const stray = run(initialVoiceCore(running), {
      type: 'leg-ice-restart',
      legId: 'leg-9',
      outcome: 'refused',
      reason: null,
    });
    assert.deepEqual(
      stray.effects.map((effect) => effect.type),
      ['log'],
    );
  });

  test('a call the server released while the line was lost ends the same way, even when GWS is back first', () => {
    const away = lostAt(listening());
    const reread = run(away, { type: 'gws-calls-present', ids: [] });
    assert.deepEqual(mediaCommands(reread.effects), [{ type: 'hangUp', callId: 'leg-1' }]);
    assert.ok(!reread.effects.some((effect) => effect.type === 'gws'), 'the server released it: nothing to ask');
    assert.deepEqual(
      reread.effects.filter((effect) => effect.type === 'call-not-resumed').map((effect) => effect.type),
      ['call-not-resumed'],
    );
    const ended = run(reread.core, { type: 'leg-state', legId: 'leg-1', state: 'ended', reason: null });
    assert.deepEqual(
      auditLines(ended.effects).map(({ ending }) => ending),
      ['audio-lost'],
    );

    const notified = run(away, gwsCall({ state: 'Released' }));
    assert.ok(notified.effects.some((effect) => effect.type === 'call-not-resumed'));

    const moving = run(away, { type: 'line-restored' }, gwsCall({ state: 'Released' }));
    assert.ok(
      moving.effects.some((effect) => effect.type === 'call-not-resumed'),
      'released while its move was on its way: not resumed either',
    );
    const moved = run(
      away,
      { type: 'line-restored' },
      { type: 'leg-ice-restart', legId: 'leg-1', outcome: 'restarted', reason: null },
      gwsCall({ state: 'Released' }),
    );
    assert.ok(
      !moved.effects.some((effect) => effect.type === 'call-not-resumed'),
      'once the call has moved, a release is the call ending, as ever',
    );
    assert.deepEqual(moved.core.moving, []);
    const signedOut = run(away, { type: 'reset', reason: 'You signed out.' });
    assert.equal(signedOut.core.lineAway, false, 'the next session’s line starts afresh');
    const newPage = run(away, { type: 'media-ready', heldLegs: [] });
    assert.equal(newPage.core.lineAway, false, 'so does a new audio page’s');
  });
});
