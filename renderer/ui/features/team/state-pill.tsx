import type { AgentState, AgentStateKind } from '../../../../electron/common/models/agent';

const kindLabels: Readonly<Record<Exclude<AgentStateKind, 'Unknown'>, string>> = {
  Ready: 'Ready',
  NotReady: 'Not Ready',
  AfterCallWork: 'After Call Work',
  LoggedOut: 'Logged out',
};

/** One vocabulary across contact centers; only a state Earshot does not know shows the server's own name. */
export function stateLabel(state: AgentState): string {
  if (state.kind === 'Unknown') return state.label.trim() || 'Unknown';
  return kindLabels[state.kind];
}

export function StatePill({ state }: { state: AgentState }) {
  return (
    <span className="state">
      <span className={`state-pill state-pill--${state.kind}`}>{stateLabel(state)}</span>
      {state.reason && (
        <span className="state__reason" title={state.reason}>
          {state.reason}
        </span>
      )}
    </span>
  );
}
