import type { AppState } from '../../../electron/common/models/app-state';
import type { StateChangesFrame, StateSnapshot } from '../../../electron/common/models/state-changes';
import type { MessagingFrequency } from '../../../electron/common/models/messaging';
import type { MonitoringScope, VoiceFrequency, VoiceMode } from '../../../electron/common/models/voice';
import type { AppError } from '../../../electron/common/result';
import type { SortOrder, StateFilter } from './team-view-options';
import { pruneCommands } from './command-status';
import type { CommandStatuses } from './command-status';
import { applyChanges } from './state-changes';
import type { ThemePreference } from './theme';

export interface MirrorState {
  /** main's AppState as of change `seq`; null until the first snapshot arrives. */
  readonly app: AppState | null;
  readonly seq: number | null;
  /** Why the first snapshot could not be fetched; cleared by any snapshot. */
  readonly loadError: AppError | null;
}

/**
 * What became of a batch of changes: applied; stale (the mirror already holds it); or it cannot
 * apply, because the mirror has no snapshot yet, a batch is missing before it (a gap), or it does
 * not fit the state (misfit). All but applied and stale wait for a snapshot.
 */
export type ChangesOutcome = 'applied' | 'stale' | 'no-snapshot' | 'gap' | 'misfit';

export interface UiState {
  readonly theme: ThemePreference;
  readonly sort: SortOrder;
  readonly filterText: string;
  readonly stateFilter: StateFilter;
  /** One agent group, or null for the whole team. */
  readonly groupFilter: string | null;
  readonly selectedAgentId: string | null;
  /** Scope and frequency for the next Listen in / Coach / Barge in: the defaults, then as changed this session. */
  readonly monitorOptions: MonitorOptions;
  /** A monitoring start that would replace the current subscription, waiting for the supervisor's yes. */
  readonly pendingReplace: MonitorTarget | null;
  /** Commands this window sent (voice, chat and SMS): on their way, or failed with a reason to show. */
  readonly commandStatuses: CommandStatuses;
  /** Which chats and the nickname for the next chat or SMS monitoring: the defaults, then as changed this session. */
  readonly messagingOptions: MessagingOptions;
  /** The agent whose Chats & SMS menu is open: one menu serves every row. */
  readonly messagingMenu: MessagingMenuTarget | null;
  /** The agent whose row menu is open (narrow windows fold a row's actions into one menu). */
  readonly agentMenu: MessagingMenuTarget | null;
  /** The history conversation whose transcript the supervisor is reading. */
  readonly readingConversationId: string | null;
  /** Ended conversations the supervisor sent to the history before their moment on the board was up. */
  readonly dismissedEndings: ReadonlyArray<string>;
}

export interface MessagingOptions {
  readonly frequency: MessagingFrequency;
  /** Empty: GWS shows the supervisor's user name. */
  readonly nickname: string;
}

export interface MessagingMenuTarget {
  readonly agentId: string;
  readonly agentName: string;
}

export interface MonitorOptions {
  readonly scope: MonitoringScope;
  readonly frequency: VoiceFrequency;
}

export interface MonitorTarget {
  readonly agentId: string;
  readonly agentName: string;
  readonly mode: VoiceMode;
}

export const defaultMonitorOptions: MonitorOptions = { scope: 'Call', frequency: 'AllCalls' };

export const defaultMessagingOptions: MessagingOptions = { frequency: 'AllChats', nickname: '' };

/** What the monitor buttons and the chat menu start from in a session: the supervisor's defaults. */
export interface SessionOptions {
  readonly monitorOptions: MonitorOptions;
  readonly messagingOptions: MessagingOptions;
}

/** Until the settings have been read. */
export const builtInSessionOptions: SessionOptions = {
  monitorOptions: defaultMonitorOptions,
  messagingOptions: defaultMessagingOptions,
};

function sameMonitorOptions(a: MonitorOptions, b: MonitorOptions): boolean {
  return a.scope === b.scope && a.frequency === b.frequency;
}

function sameMessagingOptions(a: MessagingOptions, b: MessagingOptions): boolean {
  return a.frequency === b.frequency && a.nickname === b.nickname;
}

export const emptyMirror: MirrorState = { app: null, seq: null, loadError: null };

export function initialUiState(theme: ThemePreference): UiState {
  return {
    theme,
    sort: { column: 'name', direction: 'ascending' },
    filterText: '',
    stateFilter: 'all',
    groupFilter: null,
    selectedAgentId: null,
    monitorOptions: defaultMonitorOptions,
    pendingReplace: null,
    commandStatuses: {},
    messagingOptions: defaultMessagingOptions,
    messagingMenu: null,
    agentMenu: null,
    readingConversationId: null,
    dismissedEndings: [],
  };
}

/**
 * A snapshot replaces the mirror, unless the mirror already holds a later state (changes overtook
 * the answer) or this very one (nothing to render again).
 */
export function acceptSnapshot(mirror: MirrorState, snapshot: StateSnapshot): MirrorState {
  if (mirror.seq !== null && snapshot.seq <= mirror.seq && mirror.app !== null) return mirror;
  return { app: snapshot.state, seq: snapshot.seq, loadError: null };
}

/** Applies change `frame.seq` if it is the next one for the state the mirror holds. */
export function acceptChanges(
  mirror: MirrorState,
  frame: StateChangesFrame,
): { readonly mirror: MirrorState; readonly outcome: ChangesOutcome } {
  if (mirror.app === null || mirror.seq === null) return { mirror, outcome: 'no-snapshot' };
  if (frame.seq <= mirror.seq) return { mirror, outcome: 'stale' };
  if (frame.seq !== mirror.seq + 1) return { mirror, outcome: 'gap' };
  const app = applyChanges(mirror.app, frame.changes);
  if (app === null) return { mirror, outcome: 'misfit' };
  return { mirror: { ...mirror, app, seq: frame.seq }, outcome: 'applied' };
}

export function failInitialLoad(mirror: MirrorState, error: AppError): MirrorState {
  return mirror.app === null ? { ...mirror, loadError: error } : mirror;
}

/** Command outcomes about calls and conversations that are no longer on screen have nothing left to be shown on. */
function commandStillRelevant(app: AppState, key: string): boolean {
  const [kind, id] = key.split(/:(.*)/s);
  if (kind === 'call' || kind === 'volume' || kind === 'hangup') return app.voice.calls.some((call) => call.id === id);
  if (kind === 'incoming') return app.voice.incoming.some((call) => call.id === id);
  if (kind === 'conversation' || kind === 'send' || kind === 'leave') return isConversationShown(app, id ?? '');
  return true;
}

function isConversationShown(app: AppState, id: string): boolean {
  const { conversations, history } = app.messaging;
  return conversations.some((conversation) => conversation.id === id) || history.some((ended) => ended.id === id);
}

/**
 * Keeps the UI slice consistent with a new snapshot: signing out forgets what this supervisor was
 * looking at and chose (the next one may be someone else; their options start from the defaults),
 * a selection never outlives its agent, and a replace question lapses once there is nothing left to
 * replace. Returns the same object when nothing changes so subscribers are not woken.
 */
export function reconcileUi(ui: UiState, app: AppState, defaults: SessionOptions = builtInSessionOptions): UiState {
  if (app.session === null) {
    if (
      ui.filterText === '' &&
      ui.stateFilter === 'all' &&
      ui.groupFilter === null &&
      ui.selectedAgentId === null &&
      sameMonitorOptions(ui.monitorOptions, defaults.monitorOptions) &&
      ui.pendingReplace === null &&
      Object.keys(ui.commandStatuses).length === 0 &&
      sameMessagingOptions(ui.messagingOptions, defaults.messagingOptions) &&
      ui.messagingMenu === null &&
      ui.agentMenu === null &&
      ui.readingConversationId === null &&
      ui.dismissedEndings.length === 0
    ) {
      return ui;
    }
    return {
      ...ui,
      filterText: '',
      stateFilter: 'all',
      groupFilter: null,
      selectedAgentId: null,
      monitorOptions: defaults.monitorOptions,
      pendingReplace: null,
      commandStatuses: {},
      messagingOptions: defaults.messagingOptions,
      messagingMenu: null,
      agentMenu: null,
      readingConversationId: null,
      dismissedEndings: [],
    };
  }
  const agentIds = new Set(app.team.agents.map((agent) => agent.id));
  const agentPresent = (agentId: string) => agentIds.has(agentId);
  const selected = ui.selectedAgentId;
  const selectedAgentId = selected !== null && !agentPresent(selected) ? null : selected;
  const replace = ui.pendingReplace;
  const pendingReplace =
    replace !== null && (app.voice.subscription === null || !agentPresent(replace.agentId)) ? null : replace;
  const commandStatuses = pruneCommands(ui.commandStatuses, (key) => commandStillRelevant(app, key));
  const menu = ui.messagingMenu;
  const messagingMenu = menu !== null && !agentPresent(menu.agentId) ? null : menu;
  const rowMenu = ui.agentMenu;
  const agentMenu = rowMenu !== null && !agentPresent(rowMenu.agentId) ? null : rowMenu;
  const reading = ui.readingConversationId;
  const readingConversationId = reading !== null && !isConversationShown(app, reading) ? null : reading;
  const inHistory = (id: string) => app.messaging.history.some((ended) => ended.id === id);
  const dismissedEndings = ui.dismissedEndings.every(inHistory)
    ? ui.dismissedEndings
    : ui.dismissedEndings.filter(inHistory);
  if (
    selectedAgentId === ui.selectedAgentId &&
    pendingReplace === ui.pendingReplace &&
    commandStatuses === ui.commandStatuses &&
    messagingMenu === ui.messagingMenu &&
    agentMenu === ui.agentMenu &&
    readingConversationId === ui.readingConversationId &&
    dismissedEndings === ui.dismissedEndings
  ) {
    return ui;
  }
  return {
    ...ui,
    selectedAgentId,
    pendingReplace,
    commandStatuses,
    messagingMenu,
    agentMenu,
    readingConversationId,
    dismissedEndings,
  };
}
