import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isMe,
  toParticipant,
  toTranscriptLine,
  type Me,
} from '../../../../../electron/main/monitoring/messaging-mapping';
import {
  asVisibility,
  composerDisabledReason,
  modeFromVisibility,
  monitorComposerReason,
  sendVisibility,
  switchOperation,
  switchTargets,
} from '../../../../../electron/main/monitoring/messaging-modes';
import {
  parseMessagingNotification,
  type WireMessage,
} from '../../../../../electron/main/contact-center/wire/messaging';
import * as samples from '../../../../fixtures/gws/messaging-samples';

const me: Me = { userId: samples.supervisorUserId, nicknames: new Set(['supervisor', 'Coach Sam']) };

describe('chat/SMS supervision modes', () => {
  test('the mode is read from who can see the supervisor', () => {
    assert.equal(modeFromVisibility('Supervisors'), 'Monitor');
    assert.equal(modeFromVisibility('Agents'), 'Coach');
    assert.equal(modeFromVisibility('All'), 'BargeIn');
    assert.equal(asVisibility('Supervisors'), 'Supervisors');
    assert.equal(asVisibility(undefined), 'All');
    assert.equal(asVisibility('Everyone'), 'All');
  });

  test('switch targets come from the capabilities of seed 003 and the mode table, typo included', () => {
    const monitorCaps = samples.seed003ParticipantsUpdated.smssession.capabilities;
    assert.deepEqual(switchTargets('Monitor', monitorCaps), ['Coach', 'BargeIn']);
    assert.deepEqual(switchTargets('Coach', ['SwitchToMonitor', 'SwitchBargeIn']), ['Monitor', 'BargeIn']);
    assert.deepEqual(switchTargets('BargeIn', ['SwitchToMonitor', 'SwitchToCoach']), ['Monitor', 'Coach']);
    assert.deepEqual(switchTargets('Monitor', ['SwitchToBargeIn']), ['BargeIn']);
    assert.deepEqual(switchTargets('Monitor', []), []);
    // The current mode is never a target, even where a capability names it.
    assert.deepEqual(switchTargets('Coach', ['SwitchToCoach', 'SwitchToMonitor']), ['Monitor']);
  });

  test('the operation is always spelled SwitchToBargeIn', () => {
    assert.equal(switchOperation('BargeIn'), 'SwitchToBargeIn');
    assert.equal(switchOperation('Coach'), 'SwitchToCoach');
    assert.equal(switchOperation('Monitor'), 'SwitchToMonitor');
  });

  test('the composer: closed while monitoring or ended; writing reaches agents in Coach, everyone in BargeIn', () => {
    assert.equal(composerDisabledReason('Monitor', false), monitorComposerReason);
    assert.equal(monitorComposerReason, 'You are monitoring silently. Switch to Coach or Barge in to write.');
    assert.equal(composerDisabledReason('Coach', false), null);
    assert.equal(composerDisabledReason('BargeIn', false), null);
    assert.match(composerDisabledReason('BargeIn', true) ?? '', /ended/);
    assert.equal(sendVisibility('Monitor'), null);
    assert.equal(sendVisibility('Coach'), 'Agents');
    assert.equal(sendVisibility('BargeIn'), 'All');
  });
});

describe('participants and lines as the board shows them', () => {
  const participants = samples.seed003ParticipantsUpdated.smssession.participants.map((participant) =>
    toParticipant(participant, { ...me, userId: samples.supervisorUserId }),
  );

  test('me is recognised by the uri ending with my user id', () => {
    const [agent, supervisor, customer] = participants;
    assert.deepEqual(supervisor, {
      participantId: '00AF5367D3D0000B',
      nickname: 'test_supervisor',
      role: 'Supervisor',
      visibility: 'Supervisors',
      isMe: true,
    });
    assert.deepEqual(agent, {
      participantId: '00AF5367D3D0000A',
      nickname: 'test_agent',
      role: 'Agent',
      visibility: 'All',
      isMe: false,
    });
    assert.equal(customer?.role, 'Customer');
    assert.equal(customer?.isMe, false);
  });

  test('a uri naming someone else is not me, whatever the nickname', () => {
    assert.equal(isMe({ nickname: 'supervisor', uri: `http://h/api/v2/users/${samples.agentUserId}` }, me), false);
    assert.equal(
      isMe({ nickname: 'x', uri: `http://h/api/v2/users/${samples.supervisorUserId.toUpperCase()}` }, me),
      true,
    );
  });

  test('without a uri, my nickname decides', () => {
    assert.equal(isMe({ nickname: 'Coach Sam', type: 'Agent' }, me), true);
    assert.equal(isMe({ nickname: 'Marat', type: 'Agent' }, me), false);
    assert.equal(isMe({ type: 'Agent' }, me), false);
    assert.equal(isMe({ nickname: 'supervisor' }, { userId: null, nicknames: new Set() }), false);
  });

  test('another supervisor is told apart by a visibility narrower than All; unknown types are Other', () => {
    assert.equal(
      toParticipant({ type: 'Agent', nickname: 'Jordan', visibility: 'Supervisors', participantId: 'S2' }, me).role,
      'Supervisor',
    );
    assert.equal(
      toParticipant({ type: 'Agent', nickname: 'Jordan', visibility: 'Agents', participantId: 'S2' }, me).role,
      'Supervisor',
    );
    assert.equal(toParticipant({ type: 'Agent', nickname: 'Marat', participantId: 'A1' }, me).role, 'Agent');
    assert.equal(toParticipant({ type: 'External', nickname: 'Bot' }, me).role, 'Other');
    assert.equal(toParticipant({ nickname: 'Bot' }, me).participantId, 'Bot');
    assert.equal(toParticipant({ id: 'X1' }, me).nickname, 'Unknown');
  });

  function linesOf(sample: unknown): WireMessage[] {
    const parsed = parseMessagingNotification(sample);
    assert.ok(parsed.ok && parsed.value.kind === 'log');
    return [...parsed.value.messages];
  }

  test('a line: sender as the conversation knows them, time from timestampSeconds (ms) or the date text', () => {
    const [rejoined] = linesOf(samples.seed003MessageLog).map((message) => toTranscriptLine(message, participants, me));
    assert.deepEqual(rejoined, {
      index: 4,
      type: 'ParticipantRejoined',
      text: null,
      from: { nickname: 'test_supervisor', role: 'Supervisor', isMe: true },
      visibility: 'All',
      at: 1399313371000,
    });
    const history = linesOf(samples.deliveredChatHistoryEnvelope.data).map((message) =>
      toTranscriptLine(message, [], me),
    );
    assert.equal(history[4]?.at, Date.parse('2016-03-16T09:55:30.000+10:00'));
    assert.deepEqual(history[5]?.from, { nickname: 'supervisor', role: 'Supervisor', isMe: true });
    assert.equal(history[5]?.visibility, 'Supervisors');
  });

  test('notices, URLs and unknown types keep their text; a line with no sender has from null', () => {
    const unusual = linesOf(samples.unusualLinesLog).map((message) => toTranscriptLine(message, [], me));
    assert.equal(unusual[0]?.text, 'https://example.com/track');
    assert.equal(unusual[1]?.from, null);
    assert.equal(unusual[2]?.type, 'Notice', 'a type Earshot does not know is a notice');
    assert.equal(unusual[2]?.text, 'Hologram sent', 'named by its type where it has no text');
    const [notice] = linesOf(samples.chatCustomNoticeLog).map((message) => toTranscriptLine(message, [], me));
    assert.equal(notice?.type, 'Notice');
    assert.equal(notice?.text, 'Customer is a VIP');
    assert.equal(notice?.visibility, 'Agents');
    assert.equal(notice?.from?.role, 'Agent');
  });
});
