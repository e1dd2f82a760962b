import type { Agent, AgentActivity, AgentState, AgentStateKind } from '../../../../electron/common/models/agent';

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

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** What a busy agent is busy with, in the words of the floor: "On call", "2 chats", "1 chat, 1 SMS". */
export function busyLabel(activity: AgentActivity): string {
  if (activity.onCall) return 'On call';
  const parts = [
    ...(activity.chats > 0 ? [count(activity.chats, 'chat', 'chats')] : []),
    ...(activity.smsSessions > 0 ? [`${activity.smsSessions} SMS`] : []),
  ];
  return parts.length === 0 ? 'Busy' : parts.join(', ');
}

/**
 * The agent's status as main derived it: busy with work outranks the state they set, so Ready
 * means free. Beside it, the state behind a busy agent (Not Ready · Break) or a Not Ready reason.
 */
export function StatusPill({ agent }: { agent: Pick<Agent, 'status' | 'state' | 'activity'> }) {
  const { status, state, activity } = agent;
  const label = status.kind === 'Busy' ? busyLabel(activity) : stateLabel(state);
  const behind =
    status.kind === 'Busy' && state.kind !== 'Ready'
      ? [stateLabel(state), state.reason].filter(Boolean).join(' · ')
      : status.kind === 'NotReady'
        ? state.reason
        : null;
  return (
    <span className="state">
      <span className={`state-pill state-pill--${status.kind}`}>{label}</span>
      {behind && (
        <span className="state__reason" title={behind}>
          {behind}
        </span>
      )}
    </span>
  );
}
