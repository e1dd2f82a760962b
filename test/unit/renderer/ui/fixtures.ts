import type { Agent, AgentStateKind } from '../../../../electron/common/models/agent';
import type { AppState } from '../../../../electron/common/models/app-state';

const labels: Record<AgentStateKind, string> = {
  Ready: 'Ready',
  NotReady: 'Not Ready',
  AfterCallWork: 'After Call Work',
  LoggedOut: 'Logged Out',
  Unknown: 'Mystery',
};

export function makeAgent(
  overrides: Partial<Omit<Agent, 'state'>> & { id: string; kind?: AgentStateKind; reason?: string | null },
): Agent {
  const { kind = 'Ready', reason = null, ...rest } = overrides;
  return {
    userName: overrides.id,
    displayName: overrides.id,
    extension: null,
    stateSince: 0,
    activity: { onCall: false, chats: 0, smsSessions: 0 },
    ...rest,
    state: { kind, label: labels[kind], reason },
  };
}

export function makeAppState(overrides: Partial<AppState> = {}): AppState {
  return {
    connection: { status: 'connected', message: null, since: 0 },
    session: {
      supervisor: { id: 'sup-1', userName: 'supervisor', displayName: 'Sam Supervisor' },
      server: { baseUrl: 'http://127.0.0.1:8090', isDemo: true },
    },
    signInError: null,
    team: { agents: [], refreshedAt: 1, error: null },
    ...overrides,
  };
}

export function signedOutState(): AppState {
  return makeAppState({
    connection: { status: 'signed-out', message: null, since: 0 },
    session: null,
    team: { agents: [], refreshedAt: null, error: null },
  });
}
