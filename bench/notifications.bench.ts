import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { EarshotBridge } from '../electron/common/contract/bridge-api';
import { serverFrameSchema } from '../electron/common/contract/socket-frames';
import type { UiEventChannel, UiInvokeChannel } from '../electron/common/contract/ui-contract';
import { ok, type Result } from '../electron/common/result';
import type { SupervisorSession } from '../electron/main/contact-center/supervisor-session';
import {
  notificationEnvelopeSchema,
  type NotificationEnvelope,
} from '../electron/main/contact-center/wire/notifications';
import { MessagingMonitoring, type MessagingSession } from '../electron/main/monitoring/messaging-monitoring';
import { createMemoryLogger } from '../electron/main/platform/logger';
import type { MediaHostLink } from '../electron/main/sip/media-host-link';
import { SipController } from '../electron/main/sip/sip-controller';
import { signedIn, withTeamAgents } from '../electron/main/state/app-state-reducers';
import { createAppStore, updateAppState } from '../electron/main/state/app-store';
import { createWindowFeed } from '../electron/main/state/window-feed';
import { VoiceCalls } from '../electron/main/voice/voice-calls';
import { VoiceSubscriptions } from '../electron/main/voice/voice-subscriptions';
import { createAppStore as createUiStore } from '../renderer/ui/store/app-store';
import { startMirror } from '../renderer/ui/store/ui-commands';
import { makeAgent } from '../test/fixtures/agents';
import { startCpuHog } from './support/cpu-hog';
import { percentile } from './support/stats';

/**
 * npm run bench:notifications [-- --count N] [--seconds S] [--agents N] [--cpu-hog N]
 *
 * GWS CometD notifications in the shapes GWS documents, mixed as a busy floor sends them to a
 * supervisor (chat and SMS lines with typing notices, conversation state changes, the monitoring
 * calls' state changes, the supervisor's device), through main without a UI: each delivery's JSON
 * parsed, its envelope and message validated (zod), and reduced into the app store by the real
 * monitoring services. Then the same through to the UI bridge: main's window feed, each frame
 * serialised as the browser edition's socket sends it, parsed and validated as its page does, and
 * applied to the UI's mirror. --cpu-hog N runs N busy-loop processes beside it. Figures, never pass/fail.
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    agents: { type: 'string', default: '500' },
    'cpu-hog': { type: 'string', default: '0' },
  },
});
const count = positiveInteger(values.count, '--count');
const maxSeconds = positiveInteger(values.seconds, '--seconds');
const agentCount = positiveInteger(values.agents, '--agents');
const hogs = Number(values['cpu-hog']);
const chatCount = 40;
const smsCount = 40;
const callCount = 20;
/** CometD hands a long-poll's messages over together; main's state flush follows each batch. */
const batchSize = 10;
const goalPerSecond = 20_000;

function positiveInteger(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

const supervisorId = 'supervisor-0001';
const base = 'http://127.0.0.1:8080/api/v2';
const agentId = (index: number) => `agent-${String(index).padStart(4, '0')}`;
const extension = (index: number) => String(5000 + index);

type Kind = 'line' | 'typing' | 'conversation' | 'call' | 'device';
interface Delivery {
  readonly kind: Kind;
  /** As CometD receives it: one message of a long-poll response, still text. */
  readonly json: string;
}

function participants(index: number, visibility: string) {
  return [
    {
      nickname: `Agent ${index}`,
      type: 'Agent',
      uri: `${base}/users/${agentId(index)}`,
      visibility: 'All',
      participantId: `PA-${index}`,
    },
    { nickname: `Customer ${index}`, type: 'Customer', visibility: 'All', participantId: `PC-${index}` },
    {
      nickname: 'supervisor',
      type: 'Agent',
      uri: `${base}/users/${supervisorId}`,
      visibility,
      participantId: `PS-${index}`,
    },
  ];
}

const capabilities = ['SwitchToCoach', 'SwitchToBargeIn', 'Leave', 'SendMessage'];

function conversationMessage(channel: 'chat' | 'sms', index: number, notificationType: string, visibility: string) {
  const id = `${channel === 'chat' ? 'CH' : 'SM'}${String(index).padStart(14, '0')}`;
  const resource = {
    id,
    uri: `${base}/${channel === 'chat' ? 'chats' : 'smssessions'}/${id}`,
    state: 'Chatting',
    chatType: 'Inbound',
    receivedDate: '2026-12-05 09:55:18.000+0000',
    capabilities,
    participants: participants(index, visibility),
  };
  return channel === 'chat'
    ? { channel: '/v2/me/chats', data: { messageType: 'ChatStateChangeMessage', notificationType, chat: resource } }
    : {
        channel: '/v2/me/smssessions',
        data: { messageType: 'SMSsessionStateChangeMessage', notificationType, smssession: resource },
      };
}

function logMessage(channel: 'chat' | 'sms', index: number, lineIndex: number, type: string) {
  const id = `${channel === 'chat' ? 'CH' : 'SM'}${String(index).padStart(14, '0')}`;
  const uriKey = channel === 'chat' ? 'chatUri' : 'smssessionUri';
  const at = Date.UTC(2026, 11, 5, 10) + lineIndex * 1000;
  return {
    channel: channel === 'chat' ? '/v2/me/chats' : '/v2/me/smssessions',
    data: {
      messageType: 'MessageLogUpdated',
      notificationType: 'NewMessages',
      [uriKey]: `${base}/${channel === 'chat' ? 'chats' : 'smssessions'}/${id}`,
      messages: [
        {
          index: lineIndex,
          type,
          ...(type === 'Text' ? { text: `Line ${lineIndex}: could you check where my parcel is?` } : {}),
          visibility: 'All',
          from: { nickname: `Customer ${index}`, type: 'Customer', participantId: `PC-${index}`, visibility: 'All' },
          timestamp: new Date(at).toISOString(),
          timestampSeconds: at,
        },
      ],
    },
  };
}

function callMessage(index: number, state: string, agentMuted: boolean) {
  const id = `CALL${String(index).padStart(28, '0')}`;
  return {
    channel: '/v2/me/calls',
    data: {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: '5999',
      call: {
        id,
        callUuid: id,
        state,
        callType: 'Inbound',
        ani: `+1415555${String(index).padStart(4, '0')}`,
        dnis: extension(index),
        monitoring: true,
        mute: 'On',
        monitoredUserMuted: agentMuted,
        duration: 5,
        capabilities: ['SwitchToBargeIn', 'SwitchToCoach', 'Hangup'],
        participants: [{ phoneNumber: `+1415555${String(index).padStart(4, '0')}` }, { phoneNumber: extension(index) }],
      },
    },
  };
}

function deviceMessage(index: number) {
  return {
    channel: '/v2/me/devices',
    data: {
      messageType: 'DeviceStateChangeMessage',
      devices: [
        {
          id: 'supervisor-device',
          deviceState: 'Active',
          userState: { id: 'NR', displayName: 'Not Ready', state: 'NotReady' },
          phoneNumber: '5999',
          capabilities: ['ListenIn', 'Coach', 'BargeIn', 'CancelSupervisorMonitoring'],
          supervisorMonitoringState: {
            state: 'ListenIn',
            mode: 'AllCalls',
            scope: index % 2 === 0 ? 'Call' : 'Agent',
            targetDeviceUri: `${base}/devices/device-${agentId(index)}`,
          },
        },
      ],
    },
  };
}

/** The floor's opening (every conversation and call delivered), then `total` mixed notifications. */
function workload(total: number): { opening: Delivery[]; stream: Delivery[] } {
  const opening: Delivery[] = [];
  for (let index = 0; index < chatCount; index += 1)
    opening.push({
      kind: 'conversation',
      json: JSON.stringify(conversationMessage('chat', index, 'StatusChange', 'Supervisors')),
    });
  for (let index = 0; index < smsCount; index += 1)
    opening.push({
      kind: 'conversation',
      json: JSON.stringify(conversationMessage('sms', chatCount + index, 'StatusChange', 'Supervisors')),
    });
  for (let index = 0; index < callCount; index += 1) {
    // A monitoring call rings at the supervisor first, then is established.
    for (const state of ['Ringing', 'Established']) {
      opening.push({ kind: 'call', json: JSON.stringify(callMessage(chatCount + smsCount + index, state, false)) });
    }
  }
  const nextLine = new Array<number>(chatCount + smsCount).fill(1);
  const stream: Delivery[] = [];
  for (let step = 0; stream.length < total; step += 1) {
    // Of every 20: 12 lines, 3 typing notices, 2 monitoring-call changes, 2 conversation changes, 1 device.
    const slot = step % 20;
    const conversation = step % (chatCount + smsCount);
    const channel = conversation < chatCount ? 'chat' : 'sms';
    if (slot < 12) {
      stream.push({
        kind: 'line',
        json: JSON.stringify(logMessage(channel, conversation, nextLine[conversation]!++, 'Text')),
      });
    } else if (slot < 15) {
      const type = slot === 14 ? 'TypingStopped' : 'TypingStarted';
      stream.push({
        kind: 'typing',
        json: JSON.stringify(logMessage(channel, conversation, nextLine[conversation]!++, type)),
      });
    } else if (slot < 17) {
      const call = chatCount + smsCount + (step % callCount);
      stream.push({
        kind: 'call',
        json: JSON.stringify(callMessage(call, step % 40 < 20 ? 'Established' : 'Held', slot === 16)),
      });
    } else if (slot < 19) {
      const visibility = slot === 17 ? 'Supervisors' : 'Agents';
      stream.push({
        kind: 'conversation',
        json: JSON.stringify(conversationMessage(channel, conversation, 'ParticipantsUpdated', visibility)),
      });
    } else {
      stream.push({ kind: 'device', json: JSON.stringify(deviceMessage(step % agentCount)) });
    }
  }
  return { opening, stream };
}

class BenchSession implements MessagingSession {
  readonly api = null;
  private readonly listeners = new Set<(notification: NotificationEnvelope) => void>();
  onNotification(listener: (notification: NotificationEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  onUserSnapshot(): () => void {
    return () => {};
  }
  /** What NotificationChannel does with a CometD delivery: validate the envelope, hand it on. */
  deliver(json: string): boolean {
    const raw = JSON.parse(json) as { channel: string; data: unknown };
    const parsed = notificationEnvelopeSchema.safeParse(raw);
    if (!parsed.success) return false;
    for (const listener of this.listeners) listener(parsed.data);
    return true;
  }
}

/** An audio page that is there (so monitoring calls stay on the board) but never answers: no SIP, no audio. */
const inertMediaHost: MediaHostLink = {
  connected: true,
  send: () => {},
  onEvent: () => () => {},
  onConnected: () => () => {},
  onDisconnected: () => () => {},
};

/** Main's services as main-services.ts wires them, on a signed-in store with the team loaded. */
function createMain() {
  const logger = createMemoryLogger();
  const store = createAppStore();
  const team = Array.from({ length: agentCount }, (_, index) =>
    makeAgent({
      id: agentId(index),
      userName: `user${index}`,
      displayName: `Agent ${index}`,
      extension: extension(index),
    }),
  );
  updateAppState(store, (state) =>
    withTeamAgents(
      signedIn(
        state,
        {
          supervisor: { id: supervisorId, userName: 'supervisor', displayName: 'Sam Rivera' },
          server: { baseUrl: 'http://127.0.0.1:8080', isDemo: true },
        },
        Date.now(),
      ),
      { agents: team, groups: [] },
      Date.now(),
    ),
  );
  const session = new BenchSession();
  const sip = new SipController({ link: inertMediaHost, store, logger, restartsByItself: true });
  const supervisorSession = session as unknown as SupervisorSession;
  const calls = new VoiceCalls({ session: supervisorSession, sip, store, logger });
  const subscriptions = new VoiceSubscriptions({ session: supervisorSession, calls, store, logger });
  const messaging = new MessagingMonitoring({ session, store, logger });
  return {
    store,
    session,
    messaging,
    /** Warnings and errors main logged: a notification it skipped would show here. */
    problems: () => logger.records.filter((record) => record.level === 'warn' || record.level === 'error'),
    dispose() {
      subscriptions.dispose();
      calls.dispose();
      messaging.dispose();
      sip.dispose();
    },
  };
}

interface StageResult {
  delivered: number;
  refused: number;
  ms: number;
  perKindUs: Map<Kind, number[]>;
}

/** Delivers the stream in CometD-sized batches; the state flush and the UI run between batches. */
async function drive(
  main: ReturnType<typeof createMain>,
  deliveries: readonly Delivery[],
  deadline: number,
): Promise<StageResult> {
  const perKindUs = new Map<Kind, number[]>();
  let refused = 0;
  let delivered = 0;
  const started = performance.now();
  for (let at = 0; at < deliveries.length && performance.now() < deadline; at += batchSize) {
    for (const delivery of deliveries.slice(at, at + batchSize)) {
      const before = performance.now();
      if (!main.session.deliver(delivery.json)) refused += 1;
      const samples = perKindUs.get(delivery.kind) ?? [];
      samples.push((performance.now() - before) * 1000);
      perKindUs.set(delivery.kind, samples);
      delivered += 1;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { delivered, refused, ms: performance.now() - started, perKindUs };
}

/** The UI side of the browser edition in this process: socket frames as text, parsed as the page does. */
function connectUi(main: ReturnType<typeof createMain>) {
  const feed = createWindowFeed({ store: main.store });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const traffic = { frames: 0, bytes: 0, byChannel: new Map<string, { frames: number; bytes: number }>() };
  const stopFeed = feed.connect((channel, payload) => {
    const text = JSON.stringify({ kind: 'event', channel, payload });
    traffic.frames += 1;
    traffic.bytes += Buffer.byteLength(text);
    const entry = traffic.byChannel.get(channel) ?? { frames: 0, bytes: 0 };
    entry.frames += 1;
    entry.bytes += Buffer.byteLength(text);
    traffic.byChannel.set(channel, entry);
    const frame = serverFrameSchema.safeParse(JSON.parse(text));
    if (!frame.success || frame.data.kind !== 'event') return;
    for (const listener of listeners.get(frame.data.channel) ?? []) listener(frame.data.payload);
  });
  const answers: Partial<Record<UiInvokeChannel, (request: never) => Promise<Result<unknown>>>> = {
    'state:get': async () => ok(feed.snapshot()),
  };
  const bridge = {
    async invoke(channel: UiInvokeChannel, request: unknown) {
      const answer = answers[channel];
      const result = answer ? await answer(request as never) : ok(null);
      return JSON.parse(JSON.stringify(result)) as Result<unknown>;
    },
    on(channel: UiEventChannel, listener: (payload: unknown) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as EarshotBridge;
  const ui = createUiStore({ theme: 'system' });
  const stopMirror = startMirror(bridge, ui);
  return {
    ui,
    traffic,
    stop() {
      stopMirror();
      stopFeed();
      feed.dispose();
    },
  };
}

function printStage(title: string, result: StageResult): void {
  const perSecond = result.delivered / (result.ms / 1000);
  console.log(
    `\n${title}: ${result.delivered} notifications in ${(result.ms / 1000).toFixed(2)} s = ${Math.round(perSecond).toLocaleString('en')}/s ` +
      `(goal in main: ≥ ${goalPerSecond.toLocaleString('en')}/s); refused ${result.refused}`,
  );
  console.log(
    `  ${'kind'.padEnd(14)}${'count'.padStart(8)}${'median'.padStart(11)}${'p95'.padStart(11)}${'max'.padStart(11)}`,
  );
  const us = (value: number) => `${value.toFixed(1)} µs`.padStart(11);
  for (const [kind, samples] of result.perKindUs) {
    console.log(
      `  ${kind.padEnd(14)}${String(samples.length).padStart(8)}${us(percentile(samples, 0.5))}${us(percentile(samples, 0.95))}${us(percentile(samples, 1))}`,
    );
  }
}

function printProblems(records: ReadonlyArray<{ message: string }>): void {
  if (records.length === 0) return;
  const byMessage = new Map<string, number>();
  for (const record of records) byMessage.set(record.message, (byMessage.get(record.message) ?? 0) + 1);
  for (const [message, times] of byMessage) console.log(`  main warned ${times}×: ${message}`);
}

async function main(): Promise<void> {
  const hog = hogs > 0 ? startCpuHog(hogs, maxSeconds * 3 + 60) : null;
  try {
    // Let the hog's load show in the load average before the first figure.
    if (hog !== null) await new Promise((resolve) => setTimeout(resolve, 5_000));
    const loadBefore = loadavg()[0]!;
    const { opening, stream } = workload(count);
    console.log(
      `Notifications benchmark: ${agentCount} agents, ${chatCount} chats, ${smsCount} SMS sessions and ${callCount} monitored calls live; ` +
        `${stream.length} notifications (lines, typing, calls, conversation changes, the device), batches of ${batchSize}, at most ${maxSeconds} s a stage` +
        (hog === null ? '' : `; WITH ${hogs} busy-loop process(es) (CPU hog) beside it`),
    );

    const alone = createMain();
    await drive(alone, opening, Number.POSITIVE_INFINITY);
    const mainOnly = await drive(alone, stream, performance.now() + maxSeconds * 1000);
    alone.dispose();
    printStage('Parsed, validated and reduced in main (no UI)', mainOnly);
    printProblems(alone.problems());

    const withUi = createMain();
    const ui = connectUi(withUi);
    await drive(withUi, opening, Number.POSITIVE_INFINITY);
    const bytesBefore = ui.traffic.bytes;
    const framesBefore = ui.traffic.frames;
    const through = await drive(withUi, stream, performance.now() + maxSeconds * 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    printStage('The same through to the UI bridge (window feed → frame text → page parse → mirror)', through);
    const frames = ui.traffic.frames - framesBefore;
    const bytes = ui.traffic.bytes - bytesBefore;
    console.log(
      `  bridge: ${frames} frames, ${(bytes / 1024 / 1024).toFixed(1)} MiB; per notification ${(bytes / through.delivered).toFixed(0)} bytes, ${(frames / through.delivered).toFixed(2)} frames`,
    );
    for (const [channel, entry] of ui.traffic.byChannel) {
      console.log(
        `    ${channel.padEnd(32)}${String(entry.frames).padStart(8)} frames ${(entry.bytes / 1024).toFixed(0).padStart(10)} KiB (whole run)`,
      );
    }
    printProblems(withUi.problems());
    const conversations = ui.ui.getState().mirror.app?.messaging.conversations.length ?? 0;
    const ended = ui.ui.getState().mirror.app?.history.items.filter((item) => item.channel === 'voice').length ?? 0;
    console.log(
      `  the UI's mirror holds ${conversations} conversations, ${ui.ui.getState().mirror.app?.voice.calls.length ?? 0} calls (${ended} ended)`,
    );
    ui.stop();
    withUi.dispose();
    console.log(
      `\nmachine: ${availableParallelism()} CPUs, 1-minute load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after (other work on the machine skews every figure)`,
    );
  } finally {
    await hog?.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
