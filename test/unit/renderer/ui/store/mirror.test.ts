import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptChanges,
  acceptSnapshot,
  emptyMirror,
  failInitialLoad,
  initialUiState,
  reconcileUi,
} from '../../../../../renderer/ui/store/mirror';
import {
  makeAgent,
  makeAppState,
  makeCall,
  makeConversation,
  makeMessagingState,
  makeSubscription,
  makeTeam,
  makeVoiceState,
  signedOutState,
} from '../fixtures';

const problem = { code: 'internal' as const, message: 'Earshot lost contact with its background service.' };

describe('acceptSnapshot and acceptChanges', () => {
  test('a snapshot fills the mirror and clears a load error; an older or the same one changes nothing', () => {
    const state = makeAppState();
    const failed = failInitialLoad(emptyMirror, problem);
    const loaded = acceptSnapshot(failed, at(3, state));
    assert.deepEqual(loaded, { app: state, seq: 3, loadError: null });
    assert.equal(acceptSnapshot(loaded, at(2, signedOutState())), loaded);
    assert.equal(acceptSnapshot(loaded, at(3, signedOutState())), loaded);
    assert.deepEqual(acceptSnapshot(loaded, at(4, signedOutState())).app, signedOutState());
  });

  test('changes apply only to the state before them: stale, gap, no snapshot, misfit', () => {
    const loaded = acceptSnapshot(emptyMirror, at(3, makeAppState({ team: makeTeam([makeAgent({ id: 'a1' })]) })));
    const next = { seq: 4, changes: { signInError: problem } };
    assert.equal(acceptChanges(emptyMirror, next).outcome, 'no-snapshot');
    assert.equal(acceptChanges(loaded, { ...next, seq: 3 }).outcome, 'stale');
    assert.equal(acceptChanges(loaded, { ...next, seq: 5 }).outcome, 'gap');
    const misfit = {
      seq: 4,
      changes: { team: { agents: { upsert: [{ id: 'new', displayName: 'Half' }], remove: [], order: null } } },
    };
    assert.equal(acceptChanges(loaded, misfit).outcome, 'misfit', 'a newcomer must come whole');
    const applied = acceptChanges(loaded, next);
    assert.equal(applied.outcome, 'applied');
    assert.equal(applied.mirror.seq, 4);
    assert.deepEqual(applied.mirror.app?.signInError, problem);
    assert.equal(applied.mirror.app?.team, loaded.app?.team);
  });
});

describe('failInitialLoad', () => {
  test('records the problem only while there is nothing to show', () => {
    assert.equal(failInitialLoad(emptyMirror, problem).loadError, problem);
    const loaded = acceptSnapshot(emptyMirror, at(1));
    assert.equal(failInitialLoad(loaded, problem), loaded);
  });
});

function at(seq: number, state = makeAppState()) {
  return { seq, state };
}

describe('reconcileUi', () => {
  const agent = makeAgent({ id: 'a1' });
  const signedIn = makeAppState({ team: makeTeam([agent]) });

  test('returns the same object when nothing needs to change', () => {
    const ui = { ...initialUiState('dark'), filterText: 'al', selectedAgentId: 'a1' };
    assert.equal(reconcileUi(ui, signedIn), ui);
    const clean = initialUiState('system');
    assert.equal(reconcileUi(clean, signedOutState()), clean);
  });

  test('forgets a selection whose agent left the team', () => {
    const ui = { ...initialUiState('system'), selectedAgentId: 'gone' };
    assert.equal(reconcileUi(ui, signedIn).selectedAgentId, null);
  });

  test('signing out clears filters, selection, menus and monitoring choices but keeps theme and sort', () => {
    const ui = {
      ...initialUiState('dark'),
      sort: { column: 'state' as const, direction: 'descending' as const },
      filterText: 'al',
      stateFilter: 'Ready' as const,
      groupFilter: 'Billing',
      selectedAgentId: 'a1',
      monitorOptions: { scope: 'Agent' as const, frequency: 'NextCall' as const },
      pendingReplace: { agentId: 'a1', agentName: 'a1', mode: 'Coach' as const },
      commandStatuses: { subscription: { seq: 1, phase: 'sending' as const } },
      messagingOptions: { frequency: 'NextChat' as const, nickname: 'Coach Sam' },
      messagingMenu: { agentId: 'a1', agentName: 'a1' },
      agentMenu: { agentId: 'a1', agentName: 'a1' },
      readingConversationId: 'c1',
      dismissedEndings: ['c2'],
    };
    assert.deepEqual(reconcileUi(ui, signedOutState()), {
      theme: 'dark',
      sort: { column: 'state', direction: 'descending' },
      filterText: '',
      stateFilter: 'all',
      groupFilter: null,
      selectedAgentId: null,
      monitorOptions: { scope: 'Call', frequency: 'AllCalls' },
      pendingReplace: null,
      commandStatuses: {},
      messagingOptions: { frequency: 'AllChats', nickname: '' },
      messagingMenu: null,
      agentMenu: null,
      readingConversationId: null,
      dismissedEndings: [],
    });
  });

  test('keeps the monitoring options of the session across snapshots', () => {
    const ui = {
      ...initialUiState('system'),
      monitorOptions: { scope: 'Agent' as const, frequency: 'NextCall' as const },
    };
    assert.equal(reconcileUi(ui, signedIn), ui);
  });

  test('a replace question lapses when the subscription it would replace is gone', () => {
    const ui = {
      ...initialUiState('system'),
      pendingReplace: { agentId: 'a1', agentName: 'a1', mode: 'ListenIn' as const },
    };
    const subscribed = makeAppState({
      team: signedIn.team,
      voice: makeVoiceState({ subscription: makeSubscription({ agentId: 'a2' }) }),
    });
    assert.equal(reconcileUi(ui, subscribed), ui);
    assert.equal(reconcileUi(ui, signedIn).pendingReplace, null);
  });

  test('forgets command outcomes of calls and incoming calls that are gone, keeps the rest', () => {
    const failure = { code: 'internal' as const, message: 'No.' };
    const commandStatuses = {
      subscription: { seq: 1, phase: 'failed' as const, error: failure },
      'call:c1': { seq: 2, phase: 'failed' as const, error: failure },
      'hangup:c1': { seq: 3, phase: 'sending' as const },
      'volume:gone': { seq: 4, phase: 'failed' as const, error: failure },
      'incoming:i9': { seq: 5, phase: 'sending' as const },
      devices: { seq: 6, phase: 'failed' as const, error: failure },
    };
    const ui = { ...initialUiState('system'), commandStatuses };
    const app = makeAppState({ team: signedIn.team, voice: makeVoiceState({ calls: [makeCall({ id: 'c1' })] }) });
    assert.deepEqual(Object.keys(reconcileUi(ui, app).commandStatuses).sort(), [
      'call:c1',
      'devices',
      'hangup:c1',
      'subscription',
    ]);
    const kept = { ...ui, commandStatuses: { 'call:c1': commandStatuses['call:c1'] } };
    assert.equal(reconcileUi(kept, app), kept);
  });

  test('keeps chat and SMS choices consistent with what main shows', () => {
    const failure = { code: 'internal' as const, message: 'No.' };
    const live = makeConversation({ id: 'live' });
    const ended = makeConversation({ id: 'ended', ended: true, endedAt: 5 });
    const app = makeAppState({
      team: signedIn.team,
      messaging: makeMessagingState({ conversations: [live], history: [ended] }),
    });
    const ui = {
      ...initialUiState('system'),
      messagingMenu: { agentId: 'gone', agentName: 'Gone' },
      readingConversationId: 'vanished',
      dismissedEndings: ['ended', 'vanished'],
      commandStatuses: {
        'send:live': { seq: 1, phase: 'failed' as const, error: failure },
        'leave:ended': { seq: 2, phase: 'failed' as const, error: failure },
        'conversation:vanished': { seq: 3, phase: 'sending' as const },
        'messaging:gone:chat': { seq: 4, phase: 'failed' as const, error: failure },
      },
    };
    const reconciled = reconcileUi(ui, app);
    assert.equal(reconciled.messagingMenu, null);
    assert.equal(reconciled.readingConversationId, null);
    assert.deepEqual(reconciled.dismissedEndings, ['ended']);
    assert.deepEqual(Object.keys(reconciled.commandStatuses).sort(), [
      'leave:ended',
      'messaging:gone:chat',
      'send:live',
    ]);
    const settled = {
      ...reconciled,
      messagingMenu: { agentId: 'a1', agentName: 'a1' },
      readingConversationId: 'ended',
    };
    assert.equal(reconcileUi(settled, app), settled);
  });
});
