import type { Agent } from '../../../../electron/common/models/agent';
import type { AppState } from '../../../../electron/common/models/app-state';
import type {
  Conversation,
  MessagingState,
  MessagingSubscription,
  TranscriptLine,
} from '../../../../electron/common/models/messaging';
import { defaultSettings } from '../../../../electron/common/models/settings';
import type { ServerProfile, Settings, SettingsView } from '../../../../electron/common/models/settings';
import { louderAudience } from '../../../../electron/common/models/voice';
import type { Audience, MonitoredCall, VoiceState, VoiceSubscription } from '../../../../electron/common/models/voice';

export { makeAgent } from '../../../fixtures/agents';

export function makeAppState(overrides: Partial<AppState> = {}): AppState {
  return {
    connection: { status: 'connected', message: null, since: 0 },
    session: {
      supervisor: { id: 'sup-1', userName: 'supervisor', displayName: 'Sam Supervisor' },
      server: { baseUrl: 'http://127.0.0.1:8090', isDemo: true },
    },
    signInError: null,
    team: makeTeam([]),
    voice: makeVoiceState(),
    messaging: { subscriptions: [], subscriptionError: null, conversations: [], history: [] },
    history: { loading: false, items: [] },
    settings: makeSettingsView(),
    ...overrides,
  };
}

/** A fully loaded team of these agents. */
export function makeTeam(agents: ReadonlyArray<Agent>, overrides: Partial<AppState['team']> = {}): AppState['team'] {
  return {
    agents,
    refreshedAt: 1,
    error: null,
    load: { status: 'complete', received: agents.length, expected: agents.length },
    groups: [],
    ...overrides,
  };
}

/** The overall audience is main's; like main, the fixture takes the widest of the calls' unless told. */
export function makeVoiceState(overrides: Partial<VoiceState> = {}): VoiceState {
  const calls = overrides.calls ?? [];
  return {
    sip: { registration: 'registered', reason: null, address: 'sip:5005@demo.earshot.local' },
    audioEngine: { status: 'running', reason: null, reopenable: false },
    subscription: null,
    subscriptionError: null,
    subscriptionNotice: null,
    calls,
    incoming: [],
    audience: calls.reduce<Audience>((widest, call) => louderAudience(widest, call.audience), 'nobody'),
    monitoredAgents: [],
    devices: { outputs: [], inputs: [], selectedOutputId: null, selectedInputId: null, outputSelection: 'available' },
    ...overrides,
  };
}

/** An established, silent ListenIn call with audio flowing. */
export function makeCall(overrides: Partial<MonitoredCall> & { id: string }): MonitoredCall {
  return {
    kind: 'monitoring',
    agentId: 'a1',
    agentName: 'Alice Archer',
    customerNumber: '+15550100',
    state: 'established',
    startedAt: 0,
    mode: 'ListenIn',
    modeChangedOutside: false,
    audience: 'nobody',
    microphone: 'closed',
    switchTargets: ['BargeIn'],
    canTalk: false,
    canStopTalking: false,
    agentMuted: false,
    canMuteAgent: true,
    canUnmuteAgent: false,
    canHangUp: true,
    volume: 1,
    audio: { firstAudioAt: 0, level: 0.2, behindLiveMs: 80, packetLossPercent: 0, packetsSent: 0 },
    pendingCommand: null,
    error: null,
    ...overrides,
  };
}

export function signedOutState(): AppState {
  return makeAppState({
    connection: { status: 'signed-out', message: null, since: 0 },
    session: null,
    team: { ...makeTeam([]), refreshedAt: null, load: { status: 'loading', received: 0, expected: null } },
  });
}

export function makeSubscription(overrides: Partial<VoiceSubscription> = {}): VoiceSubscription {
  return {
    agentId: 'a1',
    agentName: 'Alice Archer',
    mode: 'ListenIn',
    scope: 'Call',
    frequency: 'AllCalls',
    status: 'waiting',
    ...overrides,
  };
}

export function makeConversation(overrides: Partial<Conversation> & { id: string }): Conversation {
  return {
    channel: 'chat',
    agentId: 'a1',
    agentName: 'Alice Archer',
    customerName: 'Maria Lopez',
    state: 'live',
    ended: false,
    ending: null,
    mode: 'Monitor',
    myVisibility: 'Supervisors',
    participants: [],
    typing: [],
    switchTargets: ['Coach', 'BargeIn'],
    composerDisabledReason: 'You are monitoring silently. Switch to Coach or Barge in to write.',
    sendVisibility: null,
    lines: [],
    lastMessageAt: null,
    startedAt: 0,
    endedAt: null,
    pendingCommand: null,
    error: null,
    ...overrides,
  };
}

/** A line from the customer, visible to all, unless overridden. */
export function makeLine(index: number, overrides: Partial<TranscriptLine> = {}): TranscriptLine {
  return {
    index,
    type: 'Text',
    text: `line ${index}`,
    from: { nickname: 'Maria Lopez', role: 'Customer', isMe: false },
    visibility: 'All',
    at: index * 1000,
    ...overrides,
  };
}

export function makeMessagingSubscription(overrides: Partial<MessagingSubscription> = {}): MessagingSubscription {
  return {
    agentId: 'a1',
    agentName: 'Alice Archer',
    channel: 'chat',
    mode: 'Monitor',
    frequency: 'AllChats',
    nickname: null,
    pending: false,
    ...overrides,
  };
}

export function makeMessagingState(overrides: Partial<MessagingState> = {}): MessagingState {
  return { subscriptions: [], subscriptionError: null, conversations: [], history: [], ...overrides };
}

/** The settings main pushes on a fresh install, with remember-password available. */
export function makeSettingsView(
  overrides: Partial<Omit<SettingsView, 'settings'>> & { settings?: Partial<Settings> } = {},
): SettingsView {
  const { settings, ...rest } = overrides;
  return {
    settings: { ...defaultSettings(), ...settings },
    notice: null,
    rememberPassword: { available: true, unavailableReason: null },
    rememberedProfileIds: [],
    hotkeyProblems: {},
    desktopFeatures: { available: true, unavailableReason: null },
    caCertificates: {},
    ...rest,
  };
}

export function makeProfile(overrides: Partial<ServerProfile> & { id: string }): ServerProfile {
  return {
    name: overrides.id,
    gwsUrl: 'https://gws.example.com:8090',
    userName: 'jsmith',
    sip: null,
    rememberPassword: false,
    acceptedUnencryptedUrls: [],
    caCertificate: null,
    ...overrides,
  };
}

let snapshots = 0;

/** A snapshot of main's state, numbered after every snapshot made before it. */
export function snapshotOf(state: AppState): { seq: number; state: AppState } {
  snapshots += 1;
  return { seq: snapshots, state };
}
