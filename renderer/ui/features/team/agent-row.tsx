import { memo } from 'react';
import type { Agent } from '../../../../electron/common/models/agent';
import { useAppStore } from '../../store/store-context';
import { ActivityBadges } from './activity-badges';
import { MonitorActions } from './monitor-actions';
import { StatePill } from './state-pill';
import { sameAgentRow } from './team-model';
import { TimeInState } from './time-in-state';

interface AgentRowProps {
  agent: Agent;
  selected: boolean;
  /** The one row Tab lands on (roving tabindex). */
  tabbable: boolean;
  onSelect: (agentId: string) => void;
}

function AgentRowView({ agent, selected, tabbable, onSelect }: AgentRowProps) {
  const monitored = useAppStore(
    (state) => state.mirror.app?.voice.monitoredAgents.some((entry) => entry.agentId === agent.id) ?? false,
  );
  return (
    <tr
      className={`agent-row${selected ? ' is-selected' : ''}${monitored ? ' is-monitored' : ''}`}
      data-testid={`agent-row-${agent.id}`}
      data-agent-id={agent.id}
      data-state={agent.state.kind}
      data-monitored={monitored}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => {
        if (!selected) onSelect(agent.id);
      }}
    >
      <td className="cell-name">
        <span className="agent-name" title={agent.displayName}>
          {agent.displayName}
        </span>
        {agent.userName !== agent.displayName && <span className="agent-user">{agent.userName}</span>}
      </td>
      <td className="cell-extension">{agent.extension ?? <span className="muted">—</span>}</td>
      <td className="cell-state">
        <StatePill state={agent.state} />
      </td>
      <td className="cell-time">
        <TimeInState since={agent.stateSince} />
      </td>
      <td className="cell-activity">
        <ActivityBadges activity={agent.activity} />
      </td>
      <td className="cell-actions">
        <MonitorActions
          agentId={agent.id}
          agentName={agent.displayName}
          agentOnCall={agent.activity.onCall}
          tabbable={tabbable}
        />
      </td>
    </tr>
  );
}

/** Snapshots arrive as fresh objects; comparing fields keeps unchanged rows from re-rendering. */
export const AgentRow = memo(
  AgentRowView,
  (previous, next) =>
    previous.selected === next.selected &&
    previous.tabbable === next.tabbable &&
    previous.onSelect === next.onSelect &&
    sameAgentRow(previous.agent, next.agent),
);
