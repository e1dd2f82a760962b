import type { EarshotBridge } from '../../../electron/common/contract/bridge-api';
import type { SignInDefaults, SignInRequest } from '../../../electron/common/contract/sign-in';
import type { AuditExport, AuditFilter, AuditPage, AuditQuery } from '../../../electron/common/models/audit';
import type { MessagingChannel, MessagingMode } from '../../../electron/common/models/messaging';
import type {
  CaCertificateSummary,
  ProfileSignInRequest,
  ServerProfileInput,
  SettingsPatch,
} from '../../../electron/common/models/settings';
import type { VoiceMode } from '../../../electron/common/models/voice';
import { ok } from '../../../electron/common/result';
import type { Result } from '../../../electron/common/result';
import type { StateChangesFrame } from '../../../electron/common/models/state-changes';
import type { AppStore } from './app-store';
import { commandKeys } from './command-status';
import type { MonitorTarget } from './mirror';
import type { ThemePreference } from './theme';

export interface MessagingTarget {
  readonly agentId: string;
  readonly channel: MessagingChannel;
  readonly mode: MessagingMode;
}

/**
 * What the UI may ask of main. None of these write the mirror; main answers with `state:changes`.
 * Monitoring commands also note in the UI slice that they are on their way and whether they failed,
 * so the control that sent one can wait and show why.
 */
export interface UiCommands {
  getSignInDefaults(): Promise<Result<SignInDefaults>>;
  signIn(request: SignInRequest): Promise<Result<null>>;
  /** With a saved server profile; a password left out means "use the remembered one". */
  signInWithProfile(request: ProfileSignInRequest): Promise<Result<null>>;
  signOut(): Promise<Result<null>>;
  /** Stops a sign-in in progress; the sign-in it stops answers with a `cancelled` error. */
  cancelSignIn(): Promise<Result<null>>;
  /** Asks for the whole state again, after the first attempt failed. */
  reloadState(): Promise<void>;
  /** Tells main which team rows are on screen, top to bottom, so it refreshes those agents first. */
  showRows(agentIds: ReadonlyArray<string>): Promise<Result<null>>;

  /**
   * Starts monitoring with the session's scope and frequency. GWS allows one voice subscription at
   * a time, so while another agent is monitored this only asks the supervisor to replace it.
   */
  startMonitoring(target: MonitorTarget): Promise<Result<null>>;
  /** The supervisor said yes: cancel the current subscription, then start the asked-for one. */
  confirmReplace(): Promise<Result<null>>;
  cancelMonitoring(): Promise<Result<null>>;
  /** The supervisor has read what happened to their monitoring while Earshot was away. */
  dismissSubscriptionNotice(): Promise<Result<null>>;
  switchMode(callId: string, mode: 'ListenIn' | 'BargeIn'): Promise<Result<null>>;
  /** Opens (talk) or closes the supervisor's microphone in the call's current mode. */
  setMicrophone(callId: string, open: boolean): Promise<Result<null>>;
  muteAgent(callId: string, muted: boolean): Promise<Result<null>>;
  hangUp(callId: string): Promise<Result<null>>;
  /** Browser edition: opens the audio page again after it was closed. */
  reopenAudioEngine(): Promise<Result<null>>;
  setVolume(callId: string, volume: number): Promise<Result<null>>;
  answerIncoming(callId: string): Promise<Result<null>>;
  declineIncoming(callId: string): Promise<Result<null>>;
  selectOutput(deviceId: string | null): Promise<Result<null>>;
  selectInput(deviceId: string | null): Promise<Result<null>>;

  /**
   * Chat or SMS monitoring of one agent, with the session's frequency and nickname. Unlike voice,
   * several agents can be monitored at once; a new mode for the same agent and channel replaces the old.
   */
  monitorMessaging(target: MessagingTarget): Promise<Result<null>>;
  /** Stops new deliveries; conversations already on the board go on until they end or are left. */
  cancelMessagingMonitoring(agentId: string, channel: MessagingChannel): Promise<Result<null>>;
  switchConversationMode(conversationId: string, mode: MessagingMode): Promise<Result<null>>;
  sendMessage(conversationId: string, text: string): Promise<Result<null>>;
  leaveConversation(conversationId: string, farewell: string): Promise<Result<null>>;

  /**
   * Saves whole sections of the settings. The change shows at once, over main's settings, until
   * main answers; by then the app state carries it, or, refused, does not. `part` names the control
   * that shows the saving and the refusal (see commandKeys.settings).
   */
  updateSettings(part: string, patch: SettingsPatch): Promise<Result<null>>;
  /** The theme is a setting; this window's stored copy only paints the first frame. */
  setTheme(theme: ThemePreference): Promise<void>;
  dismissSettingsNotice(): Promise<Result<null>>;
  saveServerProfile(input: ServerProfileInput): Promise<Result<null>>;
  deleteServerProfile(profileId: string): Promise<Result<null>>;
  /** What main reads in a CA certificate file the supervisor chose, or why it cannot be used. */
  inspectCaCertificate(pem: string): Promise<Result<readonly CaCertificateSummary[]>>;

  listAudit(query: AuditQuery): Promise<Result<AuditPage>>;
  exportAuditCsv(filter: AuditFilter): Promise<Result<AuditExport>>;
  getDiagnostics(): Promise<Result<{ text: string }>>;
}

/** Reads a snapshot again (the first read failed and the supervisor asked to try again). */
async function loadState(bridge: EarshotBridge, store: AppStore): Promise<void> {
  const result = await bridge.invoke('state:get', {});
  const { mirrorActions } = store.getState();
  if (result.ok) mirrorActions.receiveSnapshot(result.value);
  else mirrorActions.failInitialLoad(result.error);
}

/** Batches held while a snapshot is on its way; beyond this the oldest go (the next snapshot covers them). */
const maxHeldChanges = 1_000;

/**
 * Keeps the mirror in step with main: subscribes to the numbered changes first, then asks for a
 * snapshot, and applies each batch that follows the state it holds. Batches that arrive before the
 * snapshot, or while another is on its way, are held and applied after it in number order; a gap or
 * a batch that does not fit asks for a snapshot again.
 */
export function startMirror(bridge: EarshotBridge, store: AppStore): () => void {
  const held: StateChangesFrame[] = [];
  let asking = false;
  let stopped = false;

  const askForSnapshot = async () => {
    if (asking || stopped) return;
    asking = true;
    const result = await bridge.invoke('state:get', {});
    asking = false;
    if (stopped) return;
    const { mirrorActions } = store.getState();
    if (!result.ok) {
      if (store.getState().mirror.app === null) mirrorActions.failInitialLoad(result.error);
      return;
    }
    mirrorActions.receiveSnapshot(result.value);
    const waiting = held.splice(0).sort((a, b) => a.seq - b.seq);
    for (const [index, frame] of waiting.entries()) {
      if (receive(frame)) continue;
      // A snapshot has been asked for again; what came after this batch waits for it.
      held.push(...waiting.slice(index + 1));
      return;
    }
  };

  /** False when the batch cannot apply: a snapshot has been asked for. */
  const receive = (frame: StateChangesFrame): boolean => {
    const outcome = store.getState().mirrorActions.receiveChanges(frame);
    if (outcome === 'applied' || outcome === 'stale') return true;
    if (outcome !== 'misfit') hold(frame);
    void askForSnapshot();
    return false;
  };

  const hold = (frame: StateChangesFrame) => {
    held.push(frame);
    if (held.length > maxHeldChanges) held.shift();
  };

  const stop = bridge.on('state:changes', (frame) => {
    if (asking) hold(frame);
    else receive(frame);
  });
  void askForSnapshot();
  return () => {
    stopped = true;
    stop();
  };
}

export function createUiCommands(bridge: EarshotBridge, store: AppStore): UiCommands {
  const track = async <T>(key: string, send: () => Promise<Result<T>>): Promise<Result<T>> => {
    const actions = store.getState().uiActions;
    const seq = actions.commandStarted(key);
    const result = await send();
    actions.commandFinished(key, seq, result.ok ? null : result.error);
    return result;
  };

  const updateSettings = async (part: string, patch: SettingsPatch) => {
    const { settingsActions } = store.getState();
    const id = settingsActions.patched(patch);
    try {
      return await track(commandKeys.settings(part), () => bridge.invoke('settings:update', patch));
    } finally {
      store.getState().settingsActions.settled(id);
    }
  };

  const monitor = (target: MonitorTarget) => {
    const { scope, frequency } = store.getState().ui.monitorOptions;
    return bridge.invoke('voice:monitor', { agentId: target.agentId, mode: target.mode, scope, frequency });
  };

  return {
    getSignInDefaults: () => bridge.invoke('session:getSignInDefaults', {}),
    signIn: (request) => bridge.invoke('session:signIn', request),
    signInWithProfile: (request) => bridge.invoke('session:signInWithProfile', request),
    signOut: () => bridge.invoke('session:signOut', {}),
    cancelSignIn: () => bridge.invoke('session:cancelSignIn', {}),
    reloadState: () => loadState(bridge, store),
    showRows: (agentIds) => bridge.invoke('team:showRows', { agentIds: [...agentIds] }),

    startMonitoring: (target) => {
      const { mirror, uiActions } = store.getState();
      const current = mirror.app?.voice.subscription ?? null;
      if (current !== null && current.agentId !== target.agentId) {
        uiActions.askToReplace(target);
        return Promise.resolve(ok(null));
      }
      uiActions.askToReplace(null);
      return track(commandKeys.subscription, () => monitor(target));
    },
    confirmReplace: () => {
      const { ui, uiActions } = store.getState();
      const target = ui.pendingReplace;
      if (target === null) return Promise.resolve(ok(null));
      uiActions.askToReplace(null);
      return track(commandKeys.subscription, async () => {
        const cancelled = await bridge.invoke('voice:cancelMonitoring', {});
        return cancelled.ok ? monitor(target) : cancelled;
      });
    },
    cancelMonitoring: () => {
      store.getState().uiActions.askToReplace(null);
      return track(commandKeys.subscription, () => bridge.invoke('voice:cancelMonitoring', {}));
    },
    dismissSubscriptionNotice: () => bridge.invoke('voice:dismissSubscriptionNotice', {}),
    switchMode: (callId, mode: Extract<VoiceMode, 'ListenIn' | 'BargeIn'>) =>
      track(commandKeys.call(callId), () => bridge.invoke('voice:switchMode', { callId, mode })),
    setMicrophone: (callId, open) =>
      track(commandKeys.call(callId), () => bridge.invoke('voice:setMicrophone', { callId, open })),
    muteAgent: (callId, muted) =>
      track(commandKeys.call(callId), () => bridge.invoke('voice:muteAgent', { callId, muted })),
    reopenAudioEngine: () =>
      track(commandKeys.audioEngine, async () => {
        const reopened = await bridge.invoke('audio:reopenEngine', {});
        if (!reopened.ok) return reopened;
        // The audio page is its own window: opened from this click, so the browser allows it.
        window.open(reopened.value.url, 'earshot-audio', 'popup,width=420,height=360');
        return ok(null);
      }),
    hangUp: (callId) => track(commandKeys.hangUp(callId), () => bridge.invoke('voice:hangUp', { callId })),
    setVolume: (callId, volume) =>
      track(commandKeys.volume(callId), () =>
        bridge.invoke('voice:setVolume', { callId, volume: Math.min(1, Math.max(0, volume)) }),
      ),
    answerIncoming: (callId) =>
      track(commandKeys.incoming(callId), () => bridge.invoke('voice:answerIncoming', { callId })),
    declineIncoming: (callId) =>
      track(commandKeys.incoming(callId), () => bridge.invoke('voice:declineIncoming', { callId })),
    selectOutput: (deviceId) => track(commandKeys.devices, () => bridge.invoke('audio:selectOutput', { deviceId })),
    selectInput: (deviceId) => track(commandKeys.devices, () => bridge.invoke('audio:selectInput', { deviceId })),

    monitorMessaging: ({ agentId, channel, mode }) => {
      const { frequency, nickname } = store.getState().ui.messagingOptions;
      const trimmed = nickname.trim();
      return track(commandKeys.messagingSubscription(agentId, channel), () =>
        bridge.invoke('messaging:monitor', {
          agentId,
          channel,
          mode,
          frequency,
          ...(trimmed === '' ? {} : { nickname: trimmed }),
        }),
      );
    },
    cancelMessagingMonitoring: (agentId, channel) =>
      track(commandKeys.messagingSubscription(agentId, channel), () =>
        bridge.invoke('messaging:cancelMonitoring', { agentId, channel }),
      ),
    switchConversationMode: (conversationId, mode) =>
      track(commandKeys.conversation(conversationId), () =>
        bridge.invoke('messaging:switchMode', { conversationId, mode }),
      ),
    sendMessage: (conversationId, text) =>
      track(commandKeys.send(conversationId), () => bridge.invoke('messaging:send', { conversationId, text })),
    leaveConversation: (conversationId, farewell) => {
      const trimmed = farewell.trim();
      return track(commandKeys.leave(conversationId), () =>
        bridge.invoke('messaging:leave', { conversationId, ...(trimmed === '' ? {} : { farewell: trimmed }) }),
      );
    },

    updateSettings,
    setTheme: async (theme) => {
      const { settings, uiActions } = store.getState();
      // Before the settings are read there is no view to change, so the choice shows through the UI slice.
      if (settings.view === null) uiActions.setTheme(theme);
      const result = await updateSettings('theme', { theme });
      if (!result.ok) {
        store.getState().feedbackActions.showToast(`The theme was not saved. ${result.error.message}`, 'warning');
      }
    },
    dismissSettingsNotice: () => bridge.invoke('settings:dismissNotice', {}),
    saveServerProfile: (input) => bridge.invoke('settings:saveServerProfile', input),
    deleteServerProfile: (profileId) => bridge.invoke('settings:deleteServerProfile', { profileId }),
    inspectCaCertificate: (pem) => bridge.invoke('settings:inspectCaCertificate', { pem }),

    listAudit: (query) => bridge.invoke('audit:list', query),
    exportAuditCsv: (filter) => bridge.invoke('audit:exportCsv', filter),
    getDiagnostics: () => bridge.invoke('diagnostics:get', {}),
  };
}
