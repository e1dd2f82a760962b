import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry, SupervisorAction } from '../../../../../electron/common/models/audit';
import { err, ok, type Result } from '../../../../../electron/common/result';
import { startAuditRecorder, type SupervisorActionSource } from '../../../../../electron/main/platform/audit-recorder';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { signedIn, signedOut, withTeamAgents } from '../../../../../electron/main/state/app-state-reducers';
import { createAppStore, updateAppState } from '../../../../../electron/main/state/app-store';
import { makeAgent } from '../../../../fixtures/agents';

class FakeSource implements SupervisorActionSource {
  private readonly listeners = new Set<(action: SupervisorAction) => void>();
  onAction(listener: (action: SupervisorAction) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(action: SupervisorAction): void {
    for (const listener of this.listeners) listener(action);
  }
}

const switched: SupervisorAction = {
  kind: 'switch',
  channel: 'voice',
  agentId: 'a1',
  interactionId: 'call-1',
  mode: 'BargeIn',
  text: null,
  detail: null,
};

function signedInStore() {
  const store = createAppStore(() => 0);
  updateAppState(store, (state) =>
    signedIn(
      state,
      {
        supervisor: { id: 's1', userName: 'sam', displayName: 'Sam Lee' },
        server: { baseUrl: 'http://127.0.0.1:1', isDemo: true },
      },
      0,
    ),
  );
  updateAppState(store, (state) =>
    withTeamAgents(
      state,
      {
        agents: [
          makeAgent({
            id: 'a1',
            userName: 'ana',
            displayName: 'Ana Lopez',
            extension: '5001',
            status: 'Busy',
            activity: { onCall: true, chats: 0, smsSessions: 0 },
          }),
        ],
        groups: [],
      },
      0,
    ),
  );
  return store;
}

test('each action from any source becomes an entry with the time, the supervisor and the agent name', () => {
  const voice = new FakeSource();
  const messaging = new FakeSource();
  const entries: AuditEntry[] = [];
  const stop = startAuditRecorder({
    sources: [voice, messaging],
    store: signedInStore(),
    trail: { append: (entry): Result<null> => (entries.push(entry), ok(null)) },
    logger: createMemoryLogger(),
    now: () => Date.UTC(2025, 0, 1, 9),
  });
  voice.emit(switched);
  messaging.emit({
    kind: 'send',
    channel: 'chat',
    agentId: 'gone',
    interactionId: 'chat-1',
    mode: 'Coach',
    text: 'Offer the voucher',
    detail: null,
  });
  stop();
  voice.emit(switched);
  assert.deepEqual(entries, [
    {
      ...switched,
      otherParty: null,
      ending: null,
      transferredTo: null,
      time: '2025-01-01T09:00:00.000Z',
      supervisor: 'sam',
      agentName: 'Ana Lopez',
    },
    {
      kind: 'send',
      channel: 'chat',
      agentId: 'gone',
      interactionId: 'chat-1',
      mode: 'Coach',
      text: 'Offer the voucher',
      detail: null,
      otherParty: null,
      ending: null,
      transferredTo: null,
      time: '2025-01-01T09:00:00.000Z',
      supervisor: 'sam',
      agentName: null,
    },
  ]);
});

test('an entry that cannot be written is logged as an error; the action is not undone', () => {
  const source = new FakeSource();
  const logger = createMemoryLogger();
  startAuditRecorder({
    sources: [source],
    store: signedInStore(),
    trail: { append: () => err('internal', 'disk full', 'ENOSPC') },
    logger,
  });
  source.emit(switched);
  const record = logger.records.find((entry) => entry.level === 'error');
  assert.equal(record?.message, 'An action is missing from the audit trail');
  assert.deepEqual(record?.fields, { kind: 'switch', interactionId: 'call-1', reason: 'ENOSPC' });
});

test('an end reported after sign-out is still the signed-out supervisor’s, with how it ended and with whom', () => {
  const source = new FakeSource();
  const store = signedInStore();
  const entries: AuditEntry[] = [];
  startAuditRecorder({
    sources: [source],
    store,
    trail: { append: (entry): Result<null> => (entries.push(entry), ok(null)) },
    logger: createMemoryLogger(),
  });
  source.emit({ ...switched, kind: 'joined', mode: 'ListenIn', otherParty: '+15550100' });
  updateAppState(store, (state) => signedOut(state, null, 0));
  source.emit({ ...switched, kind: 'ended', mode: null, otherParty: '+15550100', ending: 'signed-out' });
  assert.deepEqual(
    entries.map(({ kind, supervisor, otherParty, ending }) => ({ kind, supervisor, otherParty, ending })),
    [
      { kind: 'joined', supervisor: 'sam', otherParty: '+15550100', ending: null },
      { kind: 'ended', supervisor: 'sam', otherParty: '+15550100', ending: 'signed-out' },
    ],
  );
});
