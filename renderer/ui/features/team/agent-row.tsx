import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { Agent } from '../../../../electron/common/models/agent';
import { useAppStore } from '../../store/store-context';
import { ActivityBadges } from './activity-badges';
import { MonitorActions } from './monitor-actions';
import { StatusPill } from './state-pill';
import { TimeInState } from './time-in-state';

interface AgentRowProps {
  agent: Agent;
  /** Position among all the rows the filters let through, from 0 (the header is row 1 for screen readers). */
  index: number;
  /** Where the virtualised row sits in the body, in px. */
  top: number;
  selected: boolean;
  /** The one row Tab lands on (roving tabindex). */
  tabbable: boolean;
  /** The row's actions fold into one menu (a narrow table). */
  folded: boolean;
  onSelect: (agentId: string) => void;
}

/**
 * The cells of a row, memoised apart from the row itself: scrolling moves rows (a new position, a
 * new row number) without rendering their cells again. The mirror keeps an unchanged agent's
 * object, so comparing by reference is enough.
 */
const AgentCells = memo(function AgentCells({
  agent,
  tabbable,
  folded,
}: {
  agent: Agent;
  tabbable: boolean;
  folded: boolean;
}) {
  return (
    <>
      <div role="gridcell" className="cell cell-name">
        <span className="agent-name" data-testid="agent-name">
          {agent.displayName}
        </span>
        {agent.isSelf && <span className="agent-you">You</span>}
        {agent.userName !== agent.displayName && <span className="agent-user">{agent.userName}</span>}
      </div>
      <div role="gridcell" className="cell cell-group">
        {agent.groups.length === 0 ? <span className="muted">—</span> : agent.groups.join(', ')}
      </div>
      <div role="gridcell" className="cell cell-extension">
        {agent.extension ?? <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="cell cell-state">
        <StatusPill agent={agent} />
      </div>
      <div role="gridcell" className="cell cell-time">
        <TimeInState since={agent.status.since} />
      </div>
      <div role="gridcell" className="cell cell-activity">
        <ActivityBadges interactions={agent.interactions} />
      </div>
      <div role="gridcell" className="cell cell-actions">
        {agent.isSelf ? (
          <span className="muted">Your own entry</span>
        ) : (
          <MonitorActions
            agentId={agent.id}
            agentName={agent.displayName}
            voiceMonitoring={agent.voiceMonitoring}
            tabbable={tabbable}
            folded={folded}
          />
        )}
      </div>
    </>
  );
});

function AgentRowView({ agent, index, top, selected, tabbable, folded, onSelect }: AgentRowProps) {
  const monitored = useAppStore(
    (state) => state.mirror.app?.voice.monitoredAgents.some((entry) => entry.agentId === agent.id) ?? false,
  );
  const style: CSSProperties = { transform: `translateY(${top}px)` };
  return (
    <div
      role="row"
      className={`agent-row${selected ? ' is-selected' : ''}${monitored ? ' is-monitored' : ''}`}
      style={style}
      data-testid={`agent-row-${agent.id}`}
      data-agent-id={agent.id}
      data-state={agent.state.kind}
      data-status={agent.status.kind}
      data-monitored={monitored}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => {
        if (!selected) onSelect(agent.id);
      }}
    >
      <AgentCells agent={agent} tabbable={tabbable} folded={folded} />
    </div>
  );
}

export const AgentRow = memo(AgentRowView);
