import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { auditQuerySchema, type AuditEntry } from '../../../electron/common/models/audit';
import { ok } from '../../../electron/common/result';
import { SupervisorSession } from '../../../electron/main/contact-center/supervisor-session';
import { MessagingMonitoring } from '../../../electron/main/monitoring/messaging-monitoring';
import { startAuditRecorder } from '../../../electron/main/platform/audit-recorder';
import { AuditTrail } from '../../../electron/main/platform/audit-trail';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import type { MediaHostLink } from '../../../electron/main/sip/media-host-link';
import { SipController } from '../../../electron/main/sip/sip-controller';
import { createAppStore } from '../../../electron/main/state/app-store';
import { VoiceCalls } from '../../../electron/main/voice/voice-calls';
import { VoiceSubscriptions } from '../../../electron/main/voice/voice-subscriptions';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { waitFor } from '../../support/wait-for';
import { callControl } from '../../support/simulator-control';

/** No media host: these supervisor actions are GWS operations, and no call audio is needed to audit them. */
const absentMediaHost: MediaHostLink = {
  send: () => undefined,
  onEvent: () => () => undefined,
  onConnected: () => () => undefined,
  onDisconnected: () => () => undefined,
  connected: false,
};

let simulator: RunningSimulator;
const folder = mkdtempSync(join(tmpdir(), 'earshot-audit-services-'));

before(async () => {
  simulator = await startSimulator({ liveFloor: false, seed: 5 });
});

after(async () => {
  await simulator.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  return callControl(simulator.baseUrl, method, path, body);
}

test('the voice and chat services report each accepted action, and the trail keeps it with who and to whom', async () => {
  const store = createAppStore();
  const logger = createMemoryLogger();
  const session = new SupervisorSession({
    store,
    logger: logger.child('session'),
    teamRefresh: { requestsPerSecond: 0.05 },
    requestTimeoutMs: 3_000,
  });
  const sip = new SipController({ link: absentMediaHost, store, logger: logger.child('sip'), restartsByItself: false });
  const calls = new VoiceCalls({ session, sip, store, logger: logger.child('voice') });
  const voice = new VoiceSubscriptions({ session, calls, store, logger: logger.child('voice') });
  const messaging = new MessagingMonitoring({ session, store, logger: logger.child('messaging') });
  const trail = new AuditTrail({ filePath: join(folder, 'audit.jsonl') });
  const stopRecorder = startAuditRecorder({
    sources: [voice, calls, messaging],
    store,
    trail,
    logger: logger.child('audit'),
  });
  let conversationId: string | null = null;

  try {
    assert.deepEqual(
      await session.signIn({ baseUrl: simulator.baseUrl, isDemo: true, credentials: simulator.demo }),
      ok(null),
    );
    const [voiceAgent, chatAgent] = await waitFor('two logged-in agents', () => {
      const agents = store.getState().team.agents.filter((agent) => agent.state.kind !== 'LoggedOut');
      return agents.length >= 2 ? agents : undefined;
    });
    assert.ok(voiceAgent && chatAgent);

    assert.deepEqual(
      await voice.monitor({ agentId: voiceAgent.id, mode: 'ListenIn', scope: 'Call', frequency: 'AllCalls' }),
      ok(null),
    );
    // No media host here, so the confirmed subscription shows as paused: calls could not be heard.
    await waitFor('the voice subscription', () => store.getState().voice.subscription?.status === 'paused');
    assert.deepEqual(await voice.cancel(), ok(null));

    assert.deepEqual(
      await messaging.monitor({
        agentId: chatAgent.id,
        channel: 'chat',
        mode: 'Monitor',
        frequency: 'AllChats',
        nickname: 'Team lead',
      }),
      ok(null),
    );
    const started = (await control('POST', `/agents/${chatAgent.id}/interactions`, {
      kind: 'chat',
      customerName: 'Dana Tester',
      script: false,
    })) as { id: string };
    conversationId = started.id;
    await waitFor('the conversation delivered', () =>
      store.getState().messaging.conversations.some((conversation) => conversation.id === started.id),
    );
    assert.deepEqual(await messaging.switchMode(started.id, 'Coach'), ok(null));
    assert.deepEqual(await messaging.send(started.id, 'Offer the "gold" voucher, then close'), ok(null));
    assert.deepEqual(
      await messaging.switchMode(started.id, 'Coach'),
      ok(null),
      'a switch to the mode it is in: nothing to audit',
    );
    assert.deepEqual(await messaging.leave(started.id, 'Thanks, bye'), ok(null));
    assert.deepEqual(await messaging.cancelMonitoring({ agentId: chatAgent.id, channel: 'chat' }), ok(null));

    const entries = (await trail.list(auditQuerySchema.parse({ limit: 50 }))).entries.slice().reverse();
    const common = (entry: AuditEntry) => ({ supervisor: entry.supervisor, agentName: entry.agentName });
    assert.deepEqual(
      entries.map(({ kind, channel, agentId, interactionId, mode, text, detail }) => ({
        kind,
        channel,
        agentId,
        interactionId,
        mode,
        text,
        detail,
      })),
      [
        {
          kind: 'monitor',
          channel: 'voice',
          agentId: voiceAgent.id,
          interactionId: null,
          mode: 'ListenIn',
          text: null,
          detail: 'Call scope, all calls',
        },
        {
          kind: 'cancel',
          channel: 'voice',
          agentId: voiceAgent.id,
          interactionId: null,
          mode: 'ListenIn',
          text: null,
          detail: null,
        },
        {
          kind: 'monitor',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: null,
          mode: 'Monitor',
          text: null,
          detail: 'all chats, as Team lead',
        },
        {
          kind: 'joined',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: started.id,
          mode: 'Monitor',
          text: null,
          detail: null,
        },
        {
          kind: 'switch',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: started.id,
          mode: 'Coach',
          text: null,
          detail: null,
        },
        {
          kind: 'send',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: started.id,
          mode: 'Coach',
          text: 'Offer the "gold" voucher, then close',
          detail: null,
        },
        {
          kind: 'leave',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: started.id,
          mode: 'Coach',
          text: 'Thanks, bye',
          detail: null,
        },
        {
          kind: 'ended',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: started.id,
          mode: null,
          text: null,
          detail: null,
        },
        {
          kind: 'cancel',
          channel: 'chat',
          agentId: chatAgent.id,
          interactionId: null,
          mode: 'Monitor',
          text: null,
          detail: null,
        },
      ],
    );
    assert.deepEqual(common(entries[0] as AuditEntry), {
      supervisor: simulator.demo.userName,
      agentName: voiceAgent.displayName,
    });
    assert.deepEqual(common(entries[4] as AuditEntry), {
      supervisor: simulator.demo.userName,
      agentName: chatAgent.displayName,
    });
    // The conversation's life: whom it was with, and how it ended for the supervisor.
    const life = entries.filter((entry) => entry.kind === 'joined' || entry.kind === 'ended');
    assert.deepEqual(
      life.map(({ kind, otherParty, ending }) => ({ kind, otherParty, ending })),
      [
        { kind: 'joined', otherParty: 'Dana Tester', ending: null },
        { kind: 'ended', otherParty: 'Dana Tester', ending: 'you-left' },
      ],
    );

    // On disk as JSON lines, and out as CSV with the message quoted.
    assert.equal(readFileSync(trail.filePath, 'utf8').trimEnd().split('\n').length, 9);
    assert.match((await trail.exportCsv({ kind: 'send' })).csv, /,"Offer the ""gold"" voucher, then close",/);
  } finally {
    stopRecorder();
    if (conversationId) await control('POST', `/interactions/${conversationId}/complete`, {}).catch(() => undefined);
    voice.dispose();
    calls.dispose();
    messaging.dispose();
    sip.dispose();
    await session.dispose();
    trail.close();
  }
});
