import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { AuditEntry } from '../../../../../electron/common/models/audit';
import { startHistory } from '../../../../../electron/main/history/history-service';
import { AuditTrail } from '../../../../../electron/main/platform/audit-trail';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { signedIn, signedOut } from '../../../../../electron/main/state/app-state-reducers';
import { createAppStore, updateAppState, type AppStore } from '../../../../../electron/main/state/app-store';
import { makeConversation } from '../../../renderer/ui/fixtures';
import { waitFor } from '../../../../support/wait-for';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function trailPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-history-'));
  folders.push(folder);
  return join(folder, 'audit', 'audit.jsonl');
}

let clock = Date.UTC(2025, 5, 2, 9);

function line(overrides: Partial<AuditEntry>): AuditEntry {
  clock += 10_000;
  return {
    time: new Date(clock).toISOString(),
    supervisor: 'sam',
    kind: 'switch',
    channel: 'chat',
    agentId: 'a1',
    agentName: 'Ava Reed',
    interactionId: 'chat-1',
    mode: null,
    text: null,
    detail: null,
    otherParty: 'Robin',
    ending: null,
    transferredTo: null,
    ...overrides,
  };
}

function signIn(store: AppStore, userName = 'sam'): void {
  updateAppState(store, (state) =>
    signedIn(
      state,
      {
        supervisor: { id: `id-${userName}`, userName, displayName: userName },
        server: { baseUrl: 'http://127.0.0.1:1', isDemo: true },
      },
      0,
    ),
  );
}

function signOut(store: AppStore): void {
  updateAppState(store, (state) => signedOut(state, null, 0));
}

async function loaded(store: AppStore) {
  await waitFor('the history read', () => store.getState().session !== null && !store.getState().history.loading);
  return store.getState().history.items;
}

function setUp(filePath = trailPath()) {
  const trail = new AuditTrail({ filePath });
  const store = createAppStore(() => 0);
  const stop = startHistory({ store, trail, logger: createMemoryLogger() });
  return { trail, store, stop, filePath };
}

describe('the history service', () => {
  test('at sign-in: the supervisor’s own interactions from the trail, what Earshot closed on as such', async () => {
    const { trail, store, stop } = setUp();
    trail.append(line({ kind: 'joined', mode: 'Monitor' }));
    trail.append(line({ kind: 'ended', ending: 'you-left' }));
    trail.append(line({ kind: 'joined', interactionId: 'theirs', supervisor: 'kim', mode: 'Monitor' }));
    trail.append(line({ kind: 'ended', interactionId: 'theirs', supervisor: 'kim', ending: 'ended' }));
    trail.append(line({ kind: 'joined', channel: 'voice', interactionId: 'call-1', mode: 'ListenIn' }));
    trail.append(line({ kind: 'switch', channel: 'voice', interactionId: 'call-1', mode: 'BargeIn' }));
    assert.deepEqual(store.getState().history, { loading: false, items: [] }, 'nobody signed in: nothing to show');

    signIn(store);
    assert.equal(store.getState().history.loading, true);
    const items = await loaded(store);
    assert.deepEqual(
      items.map((item) => [item.id, item.ending, item.youDid.map((part) => part.activity)]),
      [
        ['voice:call-1', 'earshot-closed', ['listened', 'barged-in']],
        ['chat:chat-1', 'you-left', ['monitored']],
      ],
    );
    stop();
  });

  test('extended live: an interaction shows once it ended, its transcript readable while main holds it', async () => {
    const { trail, store, stop } = setUp();
    signIn(store);
    await loaded(store);
    trail.append(line({ kind: 'joined', mode: 'Monitor' }));
    trail.append(line({ kind: 'switch', mode: 'Coach' }));
    assert.deepEqual(store.getState().history.items, [], 'live: on the board, not in the history');

    const ended = makeConversation({ id: 'chat-1', ended: true, ending: 'you-left', endedAt: clock });
    updateAppState(store, (state) => ({ ...state, messaging: { ...state.messaging, history: [ended] } }));
    trail.append(line({ kind: 'ended', ending: 'you-left' }));
    const [item] = store.getState().history.items;
    assert.equal(item?.ending, 'you-left');
    assert.equal(item?.transcript, 'readable');
    assert.deepEqual(
      item?.youDid.map((part) => part.activity),
      ['monitored', 'coached'],
    );

    trail.append(line({ kind: 'joined', channel: 'voice', interactionId: 'call-9', mode: 'ListenIn' }));
    trail.append(line({ kind: 'ended', channel: 'voice', interactionId: 'call-9', ending: 'ended' }));
    const [call, chat] = store.getState().history.items;
    assert.equal(call?.id, 'voice:call-9');
    assert.equal(chat, item, 'an item that did not change keeps its object');

    updateAppState(store, (state) => ({ ...state, messaging: { ...state.messaging, history: [] } }));
    assert.equal(store.getState().history.items[1]?.transcript, 'not-kept', 'the transcript went with main’s memory');
    stop();
  });

  test('survives a sign-out: cleared while signed out, read again at sign-in, with what ended meanwhile', async () => {
    const { trail, store, stop } = setUp();
    signIn(store);
    await loaded(store);
    trail.append(line({ kind: 'joined', channel: 'voice', interactionId: 'call-2', mode: 'ListenIn' }));
    signOut(store);
    assert.deepEqual(store.getState().history, { loading: false, items: [] });
    // A call's end comes once its leg is gone, after the session.
    trail.append(line({ kind: 'ended', channel: 'voice', interactionId: 'call-2', ending: 'signed-out' }));

    signIn(store, 'kim');
    assert.deepEqual(await loaded(store), [], 'another supervisor sees only their own');
    signOut(store);
    signIn(store);
    const [item] = await loaded(store);
    assert.equal(item?.id, 'voice:call-2');
    assert.equal(item?.ending, 'signed-out');
    stop();
  });

  test('lines written while the trail is read are this session’s: live, not closed by the read', async () => {
    const { trail, store, stop } = setUp();
    trail.append(line({ kind: 'joined', interactionId: 'old', mode: 'Monitor' }));
    signIn(store);
    // Before the read finishes: the new chat is live, whatever the read sees of it.
    trail.append(line({ kind: 'joined', interactionId: 'new', mode: 'Monitor' }));
    await loaded(store);
    trail.append(line({ kind: 'switch', interactionId: 'new', mode: 'Coach' }));
    assert.deepEqual(
      store.getState().history.items.map((item) => item.interactionId),
      ['old'],
    );
    trail.append(line({ kind: 'ended', interactionId: 'new', ending: 'ended' }));
    const items = store.getState().history.items;
    assert.deepEqual(
      items.map((item) => [item.interactionId, item.ending]),
      [
        ['new', 'ended'],
        ['old', 'earshot-closed'],
      ],
    );
    assert.deepEqual(
      items[0]?.youDid.map((part) => [part.activity, part.ms]),
      [
        ['monitored', 10_000],
        ['coached', 10_000],
      ],
    );
    stop();
  });

  test('survives a restart: a new trail on the same file gives the same history', async () => {
    const first = setUp();
    first.trail.append(line({ kind: 'joined', channel: 'sms', interactionId: 'sms-1', mode: 'Monitor' }));
    first.trail.append(line({ kind: 'ended', channel: 'sms', interactionId: 'sms-1', ending: 'ended' }));
    signIn(first.store);
    const before = await loaded(first.store);
    first.stop();
    first.trail.close();

    const second = setUp(first.filePath);
    signIn(second.store);
    const afterRestart = await loaded(second.store);
    assert.deepEqual(
      afterRestart,
      before.map((item) => ({ ...item, transcript: 'not-kept' })),
    );
    second.stop();
  });
});
