import { sameValue } from '../../common/same-value';
import type { Agent } from '../../common/models/agent';
import type { AppState, ConnectionStatus, Session, TeamLoad } from '../../common/models/app-state';
import type { VoiceState } from '../../common/models/voice';
import type { AppError } from '../../common/result';

/** Pure transitions of the app state; the store applies them, tests call them directly. */

export function initialAppState(now: number): AppState {
  return {
    connection: { status: 'signed-out', message: null, since: now },
    session: null,
    signInError: null,
    team: {
      agents: [],
      refreshedAt: null,
      error: null,
      load: { status: 'loading', received: 0, expected: null },
      groups: [],
    },
    voice: initialVoiceState(),
    messaging: { subscriptions: [], subscriptionError: null, conversations: [], history: [] },
    // Read from the audit trail once someone signs in: it is theirs alone.
    history: { loading: false, items: [] },
    settings: null,
  };
}

export function initialVoiceState(): VoiceState {
  return {
    sip: { registration: 'unregistered', reason: null, address: null },
    audioEngine: { status: 'starting', reason: null, reopenable: false },
    subscription: null,
    subscriptionError: null,
    subscriptionNotice: null,
    calls: [],
    incoming: [],
    audience: 'nobody',
    monitoredAgents: [],
    devices: {
      outputs: [],
      inputs: [],
      selectedOutputId: null,
      selectedInputId: null,
      outputSelection: 'waiting',
    },
  };
}

export function withConnection(
  state: AppState,
  status: ConnectionStatus,
  message: string | null,
  now: number,
): AppState {
  if (state.connection.status === status && state.connection.message === message) return state;
  const since = state.connection.status === status ? state.connection.since : now;
  return { ...state, connection: { status, message, since } };
}

export function signingIn(state: AppState, now: number): AppState {
  return { ...withConnection(state, 'signing-in', null, now), signInError: null };
}

export function signedIn(state: AppState, session: Session, now: number): AppState {
  return { ...withConnection(state, 'connected', null, now), session, signInError: null };
}

/**
 * Back to the sign-in screen; `reason` explains why when the supervisor did not ask for it. The voice
 * state stays: its services end the calls themselves, and until a leg has really ended its audience
 * must keep showing (the tray and title outlive the signed-in screen).
 */
export function signedOut(state: AppState, reason: AppError | null, now: number): AppState {
  const fresh = initialAppState(now);
  return {
    ...fresh,
    voice: state.voice,
    settings: state.settings,
    connection: { ...fresh.connection, since: now },
    signInError: reason,
  };
}

/**
 * Puts freshly derived agents into the team (replacing those with the same id, adding new ones at
 * the end) and drops `removed`. An agent equal to the one shown keeps its object, and a refresh
 * that changes nothing leaves the state alone, so nothing is sent to the UI for it.
 */
export function withTeamAgents(
  state: AppState,
  change: {
    readonly agents: readonly Agent[];
    readonly removed?: readonly string[];
    readonly groups: readonly string[];
  },
  now: number,
): AppState {
  const removed = new Set(change.removed ?? []);
  const incoming = new Map(change.agents.map((agent) => [agent.id, agent]));
  let changed = removed.size > 0 && state.team.agents.some((agent) => removed.has(agent.id));
  const agents: Agent[] = [];
  for (const agent of state.team.agents) {
    if (removed.has(agent.id)) continue;
    const next = incoming.get(agent.id);
    incoming.delete(agent.id);
    if (next === undefined || agentsEqual(agent, next)) {
      agents.push(agent);
    } else {
      agents.push(next);
      changed = true;
    }
  }
  for (const agent of incoming.values()) {
    if (removed.has(agent.id)) continue;
    agents.push(agent);
    changed = true;
  }
  const groups = sameList(state.team.groups, change.groups) ? state.team.groups : change.groups;
  if (!changed && groups === state.team.groups && state.team.error === null) return state;
  return {
    ...state,
    team: { ...state.team, agents: changed ? agents : state.team.agents, groups, refreshedAt: now, error: null },
  };
}

export function withTeamLoad(state: AppState, load: TeamLoad): AppState {
  const current = state.team.load;
  if (current.status === load.status && current.received === load.received && current.expected === load.expected) {
    return state;
  }
  return { ...state, team: { ...state.team, load } };
}

export function withTeamError(state: AppState, error: AppError): AppState {
  if (state.team.error?.message === error.message) return state;
  return { ...state, team: { ...state.team, error } };
}

function agentsEqual(a: Agent, b: Agent): boolean {
  return sameValue(a, b);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
