import type { Agent } from '../../common/models/agent';
import type { AppState, ConnectionStatus, Session } from '../../common/models/app-state';
import type { VoiceState } from '../../common/models/voice';
import type { AppError } from '../../common/result';

/** Pure transitions of the app state; the store applies them, tests call them directly. */

export type AgentSnapshot = Omit<Agent, 'stateSince'>;

export function initialAppState(now: number): AppState {
  return {
    connection: { status: 'signed-out', message: null, since: now },
    session: null,
    signInError: null,
    team: { agents: [], refreshedAt: null, error: null },
    voice: initialVoiceState(),
    messaging: { subscriptions: [], subscriptionError: null, conversations: [], history: [] },
  };
}

export function initialVoiceState(): VoiceState {
  return {
    sip: { registration: 'unregistered', reason: null, address: null },
    audioEngine: { status: 'starting', reason: null, reopenable: false },
    subscription: null,
    subscriptionError: null,
    calls: [],
    history: [],
    incoming: [],
    audience: 'nobody',
    monitoredAgents: [],
    devices: {
      outputs: [],
      inputs: [],
      selectedOutputId: null,
      selectedInputId: null,
      outputSelectionSupported: false,
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
  return { ...fresh, voice: state.voice, connection: { ...fresh.connection, since: now }, signInError: reason };
}

/**
 * Replaces the roster with a fresh read. The time an agent entered its state survives refreshes
 * while the state and reason stay the same, so "time in state" keeps counting.
 */
export function withTeamRefresh(state: AppState, snapshots: readonly AgentSnapshot[], now: number): AppState {
  const previous = new Map(state.team.agents.map((agent) => [agent.id, agent]));
  const agents = snapshots.map((snapshot): Agent => {
    const before = previous.get(snapshot.id);
    const sameState =
      before !== undefined &&
      before.state.kind === snapshot.state.kind &&
      before.state.reason === snapshot.state.reason;
    const agent: Agent = { ...snapshot, stateSince: sameState ? before.stateSince : now };
    return before !== undefined && agentsEqual(before, agent) ? before : agent;
  });
  const unchanged =
    state.team.error === null &&
    agents.length === state.team.agents.length &&
    agents.every((agent, index) => agent === state.team.agents[index]);
  if (unchanged) return state;
  return { ...state, team: { agents, refreshedAt: now, error: null } };
}

export function withTeamError(state: AppState, error: AppError): AppState {
  if (state.team.error?.message === error.message) return state;
  return { ...state, team: { ...state.team, error } };
}

function agentsEqual(a: Agent, b: Agent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
