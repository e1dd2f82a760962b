import { useCallback, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Agent } from '../../../../electron/common/models/agent';
import { SortIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import type { SortColumn, SortOrder } from '../../store/team-view-options';
import { AgentRow } from './agent-row';
import { moveSelection } from './team-model';
import type { SelectionMove } from './team-model';

const keyMoves: Readonly<Record<string, SelectionMove>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

/** `short` stands in for the label in narrow windows, where the row actions need the room. */
const columns: ReadonlyArray<{ column: SortColumn; label: string; short?: string }> = [
  { column: 'name', label: 'Name' },
  { column: 'extension', label: 'Extension', short: 'Ext.' },
  { column: 'state', label: 'State' },
  { column: 'timeInState', label: 'Time in state', short: 'Time' },
  { column: 'activity', label: 'Activity' },
];

function SortableHeader({
  column,
  label,
  short,
  sort,
}: {
  column: SortColumn;
  label: string;
  short?: string;
  sort: SortOrder;
}) {
  const toggleSort = useAppStore((state) => state.uiActions.toggleSort);
  const direction = sort.column === column ? sort.direction : null;
  return (
    <th scope="col" className={`col-${column}`} aria-sort={direction ?? undefined}>
      <button type="button" className="sort-button" onClick={() => toggleSort(column)}>
        {short === undefined ? (
          label
        ) : (
          <>
            <span className="sort-button__long">{label}</span>
            <span className="sort-button__short" aria-hidden="true">
              {short}
            </span>
          </>
        )}
        <SortIcon className="sort-button__icon" sortDirection={direction} width={12} height={12} />
      </button>
    </th>
  );
}

export function TeamTable({ rows }: { rows: ReadonlyArray<Agent> }) {
  const sort = useAppStore((state) => state.ui.sort);
  const selectedId = useAppStore((state) => state.ui.selectedAgentId);
  const selectAgent = useAppStore((state) => state.uiActions.selectAgent);
  const body = useRef<HTMLTableSectionElement>(null);

  const rowIds = useMemo(() => rows.map((agent) => agent.id), [rows]);
  const tabbableId = selectedId !== null && rowIds.includes(selectedId) ? selectedId : (rowIds[0] ?? null);
  const onSelect = useCallback((agentId: string) => selectAgent(agentId), [selectAgent]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const move = keyMoves[event.key];
    if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys pressed inside a row's own controls (the coming action buttons) are theirs.
    if (!(event.target instanceof HTMLTableRowElement)) return;
    const target = moveSelection(rowIds, selectedId, move);
    if (target === null) return;
    event.preventDefault();
    selectAgent(target);
    const row = body.current?.querySelector<HTMLElement>(`tr[data-agent-id="${CSS.escape(target)}"]`);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <table
      className="team-table"
      role="grid"
      aria-label="Team"
      aria-rowcount={rows.length + 1}
      data-testid="team-table"
    >
      <colgroup>
        <col className="col-name" />
        <col className="col-extension" />
        <col className="col-state" />
        <col className="col-time" />
        <col className="col-activity" />
        <col className="col-actions" />
      </colgroup>
      <thead>
        <tr>
          {columns.map(({ column, label, short }) => (
            <SortableHeader key={column} column={column} label={label} short={short} sort={sort} />
          ))}
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {rows.map((agent) => (
          <AgentRow
            key={agent.id}
            agent={agent}
            selected={agent.id === selectedId}
            tabbable={agent.id === tabbableId}
            onSelect={onSelect}
          />
        ))}
      </tbody>
    </table>
  );
}
