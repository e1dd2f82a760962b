import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { Agent } from '../../../../electron/common/models/agent';
import { SortIcon } from '../../components/icons';
import { useAppStore, useCommands } from '../../store/store-context';
import type { SortColumn, SortOrder } from '../../store/team-view-options';
import { AgentRow } from './agent-row';
import { assignRowSlots } from './row-slots';
import { foldsRowActions, teamLayoutFor } from './team-layout';
import { moveSelection } from './team-model';
import type { SelectionMove } from './team-model';

const keyMoves: Readonly<Record<string, SelectionMove>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
};

/** A row's height in px: --row-height in tokens.css. Fixed, so 2,000 rows need no measuring. */
export const ROW_HEIGHT = 36;
/**
 * Rows rendered beyond the visible ones, so a scroll does not show blank space. Few: a sort or a
 * filter rewrites every rendered row in one frame, and each one costs that frame some 0.5 ms.
 */
const OVERSCAN = 2;
/** How long the rows on screen must stay put before main is told (it refreshes those first). */
const SHOW_ROWS_DELAY_MS = 300;

/** `abbreviation` is what the header shows where the column is narrow; screen readers hear the label. */
const columns: ReadonlyArray<{ column: SortColumn; label: string; abbreviation?: string }> = [
  { column: 'name', label: 'Name' },
  { column: 'group', label: 'Group' },
  { column: 'extension', label: 'Extension', abbreviation: 'Ext.' },
  { column: 'state', label: 'State' },
  { column: 'timeInState', label: 'Time in state', abbreviation: 'Time' },
  { column: 'activity', label: 'Calls, chats, SMS' },
];

/** A row's key: its slot, or the agent's own for the one render before the slots catch up. */
function slotKey(slot: number | undefined, agentId: string): string {
  return slot === undefined ? `agent ${agentId}` : `slot ${slot}`;
}

function SortableHeader({
  column,
  label,
  abbreviation,
  sort,
}: {
  column: SortColumn;
  label: string;
  abbreviation?: string;
  sort: SortOrder;
}) {
  const toggleSort = useAppStore((state) => state.uiActions.toggleSort);
  const direction = sort.column === column ? sort.direction : null;
  return (
    <div role="columnheader" className={`cell col-${column}`} aria-sort={direction ?? undefined}>
      <button type="button" className="sort-button" data-testid={`sort-${column}`} onClick={() => toggleSort(column)}>
        {abbreviation === undefined ? (
          label
        ) : (
          <>
            <span aria-hidden="true">{abbreviation}</span>
            <span className="visually-hidden">{label}</span>
          </>
        )}
        <SortIcon className="sort-button__icon" sortDirection={direction} width={12} height={12} />
      </button>
    </div>
  );
}

/**
 * The team as a grid whose rows are virtualised: only the rows in view (and a few beyond) exist,
 * so 2,000 agents scroll, sort and filter like 20. Screen readers still hear the whole grid
 * (aria-rowcount, aria-rowindex). The selected row is always rendered, so keyboard focus stays on
 * it however far the list scrolls, and arrow keys, Page Up/Down, Home and End move it across rows
 * that were not rendered a moment before.
 */
export function TeamTable({
  rows,
  updating,
  children,
}: {
  rows: ReadonlyArray<Agent>;
  /** The rows are still catching up with a sort, filter or team change (a deferred render). */
  updating: boolean;
  children?: ReactNode;
}) {
  const sort = useAppStore((state) => state.ui.sort);
  const selectedId = useAppStore((state) => state.ui.selectedAgentId);
  const selectAgent = useAppStore((state) => state.uiActions.selectAgent);
  const commands = useCommands();
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [headerHeight, setHeaderHeight] = useState(ROW_HEIGHT);
  const [width, setWidth] = useState(0);
  const layout = teamLayoutFor(width);
  const folded = foldsRowActions(layout);

  const rowIds = useMemo(() => rows.map((agent) => agent.id), [rows]);
  const indexById = useMemo(() => new Map(rowIds.map((id, index) => [id, index])), [rowIds]);
  const selectedIndex = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);
  const tabbableIndex = selectedIndex === -1 ? 0 : selectedIndex;
  const tabbableId = rowIds[tabbableIndex] ?? null;
  const onSelect = useCallback((agentId: string) => selectAgent(agentId), [selectAgent]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (tabbableIndex < range.count && !indexes.includes(tabbableIndex)) {
        indexes.push(tabbableIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [tabbableIndex],
  );

  // The app does not use React Compiler; rows get plain numbers from the virtualizer, never its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    // Rows are never measured, so they need no keys of their own (a key function that changes with
    // the rows would make the virtualizer work out all 2,000 positions again on every render).
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    rangeExtractor,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });

  // The body starts below the sticky header: rows are placed and scrolled to from there.
  useLayoutEffect(() => {
    const height = head.current?.offsetHeight;
    if (height !== undefined && height > 0) setHeaderHeight(height);
  }, []);

  // The layout follows the table's own width, wherever the team view sits.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A keyboard move focuses its row once it is rendered (at once: the selected row always is).
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const row = body.current?.querySelector<HTMLElement>(`[data-agent-id="${CSS.escape(target)}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  // Main refreshes the rendered rows first (those in view and the few beyond, so a short scroll
  // shows fresh rows too); it hears of them once scrolling stops.
  const items = virtualizer.getVirtualItems();
  const onScreen = items.map((item) => rowIds[item.index] ?? '').join('\n');

  // The rows kept from the last render: a sort or a filter reuses the row elements it has.
  const [rowSlots, setRowSlots] = useState<{ onScreen: string; slots: ReadonlyMap<string, number> }>(() => ({
    onScreen: '',
    slots: new Map(),
  }));
  if (rowSlots.onScreen !== onScreen) {
    setRowSlots({ onScreen, slots: assignRowSlots(rowSlots.slots, onScreen === '' ? [] : onScreen.split('\n')) });
  }
  useEffect(() => {
    const timer = setTimeout(
      () => void commands.showRows(onScreen === '' ? [] : onScreen.split('\n')),
      SHOW_ROWS_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [onScreen, commands]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = keyMoves[event.key];
    if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys pressed inside a row's own controls are theirs.
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'row') return;
    const viewport = scroller.current?.clientHeight ?? ROW_HEIGHT * 10;
    const pageSize = Math.max(1, Math.floor((viewport - headerHeight) / ROW_HEIGHT) - 1);
    const target = moveSelection(rowIds, selectedId, move, pageSize);
    if (target === null) return;
    event.preventDefault();
    pendingFocus.current = target;
    selectAgent(target);
    virtualizer.scrollToIndex(indexById.get(target) ?? 0, { align: 'auto' });
  };

  return (
    <div className="team-table-scroll" ref={scroller} data-testid="team-table-scroll">
      <div
        role="grid"
        className="team-table"
        aria-label="Team"
        aria-rowcount={rows.length + 1}
        aria-busy={updating || undefined}
        data-layout={layout}
        data-testid="team-table"
      >
        <div role="rowgroup" className="team-table__head" ref={head}>
          <div role="row" className="team-table__header-row" aria-rowindex={1}>
            {columns.map(({ column, label, abbreviation }) => (
              <SortableHeader key={column} column={column} label={label} abbreviation={abbreviation} sort={sort} />
            ))}
            <div role="columnheader" className="cell col-actions">
              <span className="visually-hidden">Actions</span>
            </div>
          </div>
        </div>
        <div
          role="rowgroup"
          className="team-table__body"
          ref={body}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => {
            const agent = rows[item.index];
            if (agent === undefined) return null;
            return (
              <AgentRow
                key={slotKey(rowSlots.slots.get(agent.id), agent.id)}
                agent={agent}
                index={item.index}
                top={item.start - headerHeight}
                selected={agent.id === selectedId}
                tabbable={agent.id === tabbableId}
                folded={folded}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
      {children}
    </div>
  );
}
