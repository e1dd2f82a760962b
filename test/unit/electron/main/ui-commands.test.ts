import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initialAppState } from '../../../../electron/main/state/app-state-reducers';
import { createUiInvoke, type UiCommandHandlers } from '../../../../electron/main/ui-commands';
import { createMemoryLogger } from '../../../../electron/main/platform/logger';
import { ok } from '../../../../electron/common/result';
import { uiInvokeContract } from '../../../../electron/common/contract/ui-contract';

function setup(signIn: UiCommandHandlers['session:signIn']) {
  const logger = createMemoryLogger();
  const nothing: Record<string, unknown> = Object.fromEntries(
    Object.keys(uiInvokeContract).map((channel) => [channel, async () => ok(null)]),
  );
  const handlers = {
    ...nothing,
    'session:getSignInDefaults': async () =>
      ok({ demo: { available: false, userName: '', password: '' }, lastServer: null }),
    'session:signIn': signIn,
    'state:get': async () => ok(initialAppState(0)),
  } as unknown as UiCommandHandlers;
  return { logger, invoke: createUiInvoke(handlers, logger) };
}

describe('createUiInvoke', () => {
  test('passes a valid command to its handler, parsed', async () => {
    const seen: unknown[] = [];
    const { invoke } = setup(async (request) => {
      seen.push(request);
      return ok(null);
    });
    const result = await invoke('session:signIn', {
      server: { kind: 'demo' },
      userName: ' supervisor ',
      password: 'demo',
    });
    assert.deepEqual(result, { ok: true, value: null });
    assert.deepEqual(seen, [{ server: { kind: 'demo' }, userName: 'supervisor', password: 'demo' }]);
  });

  test('refuses unknown channels and prototype names, and logs why', async () => {
    const { invoke, logger } = setup(async () => ok(null));
    for (const channel of ['session:hack', '__proto__', 'toString', 42]) {
      const result = await invoke(channel, {});
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.code, 'invalid-input');
    }
    assert.equal(logger.records.filter((record) => record.level === 'warn').length, 4);
  });

  test('refuses a payload that fails the schema with the schema’s message', async () => {
    const { invoke } = setup(async () => ok(null));
    const result = await invoke('session:signIn', {
      server: { kind: 'gws', baseUrl: 'nonsense' },
      userName: 'x',
      password: 'y',
    });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error.message : '', /http:\/\/host:port/);
    const extra = await invoke('session:signOut', { surprise: true });
    assert.equal(extra.ok, false);
  });

  test('a handler that throws becomes an internal error value', async () => {
    const { invoke } = setup(async () => {
      throw new Error('boom');
    });
    const result = await invoke('session:signIn', { server: { kind: 'demo' }, userName: 'x', password: 'y' });
    assert.equal(!result.ok && result.error.code, 'internal');
  });
});
