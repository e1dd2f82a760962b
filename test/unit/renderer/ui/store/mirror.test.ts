import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptSnapshot,
  emptyMirror,
  failInitialLoad,
  initialUiState,
  reconcileUi,
} from '../../../../../renderer/ui/store/mirror';
import { makeAgent, makeAppState, signedOutState } from '../fixtures';

const problem = { code: 'internal' as const, message: 'Earshot lost contact with its background service.' };

describe('acceptSnapshot', () => {
  test('takes the first snapshot from either source and clears a load error', () => {
    const state = makeAppState();
    const failed = failInitialLoad(emptyMirror, problem);
    assert.deepEqual(acceptSnapshot(failed, state, 'initial'), { app: state, origin: 'initial', loadError: null });
    assert.deepEqual(acceptSnapshot(emptyMirror, state, 'event'), { app: state, origin: 'event', loadError: null });
  });

  test('every event replaces the mirror wholesale', () => {
    const first = acceptSnapshot(emptyMirror, makeAppState(), 'initial');
    const next = signedOutState();
    assert.equal(acceptSnapshot(first, next, 'event').app, next);
  });

  test('drops a state:get answer that an event has already overtaken', () => {
    const pushed = acceptSnapshot(emptyMirror, signedOutState(), 'event');
    assert.equal(acceptSnapshot(pushed, makeAppState(), 'initial'), pushed);
  });
});

describe('failInitialLoad', () => {
  test('records the problem only while there is nothing to show', () => {
    assert.equal(failInitialLoad(emptyMirror, problem).loadError, problem);
    const loaded = acceptSnapshot(emptyMirror, makeAppState(), 'event');
    assert.equal(failInitialLoad(loaded, problem), loaded);
  });
});

describe('reconcileUi', () => {
  const agent = makeAgent({ id: 'a1' });
  const signedIn = makeAppState({ team: { agents: [agent], refreshedAt: 1, error: null } });

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

  test('signing out clears filter and selection but keeps theme and sort', () => {
    const ui = {
      ...initialUiState('dark'),
      sort: { column: 'state' as const, direction: 'descending' as const },
      filterText: 'al',
      stateFilter: 'Ready' as const,
      selectedAgentId: 'a1',
    };
    assert.deepEqual(reconcileUi(ui, signedOutState()), {
      theme: 'dark',
      sort: { column: 'state', direction: 'descending' },
      filterText: '',
      stateFilter: 'all',
      selectedAgentId: null,
    });
  });
});
