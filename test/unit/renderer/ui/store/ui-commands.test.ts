import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guardBridge } from '../../../../../renderer/ui/bridge';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';
import { createUiCommands, startMirror } from '../../../../../renderer/ui/store/ui-commands';
import type { AppState } from '../../../../../electron/common/models/app-state';
import type { Result } from '../../../../../electron/common/result';
import { makeAgent, makeAppState, makeTeam, signedOutState } from '../fixtures';
import { createFakeBridge } from './fake-bridge';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const ok = <T>(value: T) => ({ ok: true as const, value });

describe('startMirror', () => {
  const ada = makeAgent({ id: 'a1' });
  const bob = makeAgent({ id: 'b2' });
  const start = makeAppState({ team: makeTeam([ada]) });
  const joins = (seq: number, agent = bob) => ({
    seq,
    changes: { team: { agents: { upsert: [agent], remove: [], order: null } } },
  });

  test('starts from the snapshot, then applies each numbered change; untouched parts keep their objects', async () => {
    const fake = createFakeBridge({ 'state:get': () => ok({ seq: 4, state: start }) });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      await settle();
      assert.equal(store.getState().mirror.app, start);
      fake.emitChanges(joins(5));
      const after = store.getState().mirror.app!;
      assert.deepEqual(
        after.team.agents.map((agent) => agent.id),
        ['a1', 'b2'],
      );
      assert.equal(after.team.agents[0], start.team.agents[0]);
      assert.equal(after.voice, start.voice);
      assert.equal(store.getState().mirror.seq, 5);
      fake.emitChanges({
        seq: 6,
        changes: { team: { agents: { upsert: [{ id: 'b2', displayName: 'Bob' }], remove: [], order: null } } },
      });
      assert.equal(store.getState().mirror.app!.team.agents[1]!.displayName, 'Bob');
      assert.equal(store.getState().mirror.app!.team.agents[1]!.userName, 'b2', 'an upsert changes only its fields');
    } finally {
      stop();
    }
    assert.equal(fake.listenerCount(), 0);
  });

  test('changes that come before the snapshot wait for it; those it already holds are dropped', async () => {
    const answer = deferred<Result<{ seq: number; state: AppState }>>();
    const fake = createFakeBridge({ 'state:get': () => answer.promise });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      assert.equal(fake.listenerCount(), 1, 'subscribed before asking');
      const carl = makeAgent({ id: 'c3' });
      fake.emitChanges(joins(7, carl));
      fake.emitChanges(joins(6));
      answer.resolve(ok({ seq: 6, state: makeAppState({ team: makeTeam([ada, bob]) }) }));
      await settle();
      assert.deepEqual(
        store.getState().mirror.app?.team.agents.map((agent) => agent.id),
        ['a1', 'b2', 'c3'],
      );
      assert.equal(store.getState().mirror.seq, 7);
    } finally {
      stop();
    }
  });

  test('a gap asks for a snapshot once and resumes after it; a batch that does not fit does too', async () => {
    const snapshots = [
      ok({ seq: 1, state: start }),
      ok({ seq: 9, state: makeAppState({ team: makeTeam([ada, bob]) }) }),
    ];
    const fake = createFakeBridge({ 'state:get': () => snapshots.shift() ?? ok({ seq: 20, state: start }) });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    const asked = () => fake.invocations.filter((invocation) => invocation.channel === 'state:get').length;
    try {
      await settle();
      const before = store.getState().mirror.app;
      fake.emitChanges(joins(3));
      fake.emitChanges(joins(4));
      assert.equal(store.getState().mirror.app, before, 'nothing applies across a gap');
      await settle();
      assert.equal(asked(), 2);
      assert.equal(store.getState().mirror.seq, 9);
      fake.emitChanges({ seq: 10, changes: { team: { agents: { upsert: [], remove: [], order: ['a1', 'ghost'] } } } });
      await settle();
      assert.equal(asked(), 3, 'a batch naming an agent the mirror lacks');
      assert.equal(store.getState().mirror.seq, 20);
      assert.deepEqual(
        store.getState().mirror.app?.team.agents.map((agent) => agent.id),
        ['a1'],
      );
    } finally {
      stop();
    }
  });

  test('a failed first load is kept as a problem, and reloadState recovers', async () => {
    let attempt = 0;
    const recovered = signedOutState();
    const fake = createFakeBridge({
      'state:get': () => {
        attempt += 1;
        return attempt === 1
          ? { ok: false, error: { code: 'timeout', message: 'Earshot is still starting. Try again.' } }
          : ok({ seq: 0, state: recovered });
      },
    });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      await settle();
      assert.equal(store.getState().mirror.loadError?.message, 'Earshot is still starting. Try again.');
      await createUiCommands(fake.bridge, store).reloadState();
      assert.equal(store.getState().mirror.app, recovered);
      assert.equal(store.getState().mirror.loadError, null);
    } finally {
      stop();
    }
  });

  test('a change that removes the selected agent drops the selection', async () => {
    const fake = createFakeBridge({ 'state:get': () => ok({ seq: 1, state: start }) });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      await settle();
      store.getState().uiActions.selectAgent('a1');
      fake.emitChanges({ seq: 2, changes: { team: { agents: { upsert: [], remove: ['a1'], order: null } } } });
      assert.equal(store.getState().ui.selectedAgentId, null);
    } finally {
      stop();
    }
  });

  test('the bridge guard drops an event that does not match the contract (a gap then brings a snapshot)', () => {
    const fake = createFakeBridge({});
    const seen: unknown[] = [];
    const warn = console.warn;
    console.warn = () => {};
    try {
      const stop = guardBridge(fake.bridge).on('state:changes', (frame) => seen.push(frame));
      fake.emitChanges({ seq: 0, changes: {} });
      fake.emitChanges(joins(1));
      stop();
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(seen, [joins(1)]);
  });
});

describe('createUiCommands', () => {
  test('sends commands and returns their Results without touching the mirror', async () => {
    const refusal = {
      ok: false as const,
      error: { code: 'unauthorized' as const, message: 'Wrong user name or password.' },
    };
    const fake = createFakeBridge({
      'session:signIn': () => refusal,
      'session:signOut': () => ({ ok: true, value: null }),
    });
    const store = createAppStore({ theme: 'system' });
    const commands = createUiCommands(fake.bridge, store);
    const request = { server: { kind: 'demo' as const }, userName: 'demo', password: 'demo' };
    assert.deepEqual(await commands.signIn(request), refusal);
    assert.deepEqual(await commands.signOut(), { ok: true, value: null });
    assert.deepEqual(fake.invocations, [
      { channel: 'session:signIn', request },
      { channel: 'session:signOut', request: {} },
    ]);
    assert.equal(store.getState().mirror.app, null);
  });
});

describe('guardBridge', () => {
  test('turns a rejected invoke into an error Result a supervisor can read', async () => {
    const fake = createFakeBridge({
      'session:signOut': () => {
        throw new Error('socket closed');
      },
    });
    const result = await guardBridge(fake.bridge).invoke('session:signOut', {});
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'internal');
      assert.match(result.error.message, /lost contact/);
      assert.match(result.error.detail ?? '', /session:signOut: Error: socket closed/);
    }
  });
});
