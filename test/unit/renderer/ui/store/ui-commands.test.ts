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

describe('startMirror', () => {
  test('fills the mirror from state:get, then follows state:changed', async () => {
    const initial = signedOutState();
    const fake = createFakeBridge({ 'state:get': () => ({ ok: true, value: initial }) });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(store.getState().mirror.app, initial);
      const next = makeAppState();
      fake.emitState(next);
      assert.deepEqual(store.getState().mirror.app, next);
    } finally {
      stop();
    }
    assert.equal(fake.listenerCount(), 0);
  });

  test('subscribes before asking, and a late state:get answer does not roll the mirror back', async () => {
    const answer = deferred<Result<AppState>>();
    const fake = createFakeBridge({ 'state:get': () => answer.promise });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      assert.equal(fake.listenerCount(), 1);
      const pushed = makeAppState();
      fake.emitState(pushed);
      answer.resolve({ ok: true, value: signedOutState() });
      await answer.promise;
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(store.getState().mirror.app, pushed);
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
          : { ok: true, value: recovered };
      },
    });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(store.getState().mirror.loadError?.message, 'Earshot is still starting. Try again.');
      await createUiCommands(fake.bridge, store).reloadState();
      assert.equal(store.getState().mirror.app, recovered);
      assert.equal(store.getState().mirror.loadError, null);
    } finally {
      stop();
    }
  });

  test('patches apply to the last state main sent; one that cannot apply asks for the whole state once', async () => {
    const fake = createFakeBridge({
      'state:get': () => new Promise(() => {}),
      'state:resync': () => ({ ok: true, value: null }),
    });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      const ada = makeAgent({ id: 'a1' });
      const bob = makeAgent({ id: 'b2' });
      fake.emitPatch({ team: { upsert: [ada], remove: [], order: null } });
      fake.emitPatch({ team: { upsert: [bob], remove: [], order: null } });
      assert.equal(store.getState().mirror.app, null, 'nothing to patch yet');
      assert.deepEqual(
        fake.invocations.map((invocation) => invocation.channel),
        ['state:get', 'state:resync'],
      );

      fake.emitState(makeAppState({ team: makeTeam([ada]) }));
      const before = store.getState().mirror.app!;
      fake.emitPatch({ team: { upsert: [bob], remove: [], order: null, refreshedAt: 5 } });
      const after = store.getState().mirror.app!;
      assert.deepEqual(
        after.team.agents.map((agent) => agent.id),
        ['a1', 'b2'],
      );
      assert.equal(after.team.agents[0], before.team.agents[0], 'an untouched agent keeps its object');
      assert.equal(after.voice, before.voice);
      assert.equal(after.team.refreshedAt, 5);

      fake.emitPatch({ team: { upsert: [], remove: ['nobody'], order: ['a1', 'ghost'] } });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(fake.invocations.filter((invocation) => invocation.channel === 'state:resync').length, 2);
      assert.equal(store.getState().mirror.app, after, 'a patch that does not fit changes nothing');
    } finally {
      stop();
    }
  });

  test('a new snapshot drops the selection of an agent who left', () => {
    const fake = createFakeBridge({ 'state:get': () => new Promise(() => {}) });
    const store = createAppStore({ theme: 'system' });
    const stop = startMirror(fake.bridge, store);
    try {
      fake.emitState(makeAppState({ team: makeTeam([makeAgent({ id: 'a1' })]) }));
      store.getState().uiActions.selectAgent('a1');
      fake.emitState(makeAppState({ team: makeTeam([], { refreshedAt: 2 }) }));
      assert.equal(store.getState().ui.selectedAgentId, null);
    } finally {
      stop();
    }
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
