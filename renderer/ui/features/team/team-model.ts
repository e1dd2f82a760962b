import type { Agent, AgentStatusKind } from '../../../../electron/common/models/agent';
import type { SortColumn, SortOrder, StateFilter } from '../../store/team-view-options';

export const stateFilterLabels: Readonly<Record<StateFilter, string>> = {
  all: 'All',
  Ready: 'Ready',
  Busy: 'Busy',
  NotReady: 'Not Ready',
  AfterCallWork: 'ACW',
  LoggedOut: 'Logged out',
};

export interface TeamViewOptions {
  readonly filterText: string;
  readonly stateFilter: StateFilter;
  /** One agent group, or null for all of them. */
  readonly groupFilter?: string | null;
  readonly sort: SortOrder;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Free agents first, then working ones, then those who cannot take work; Unknown last so it is noticed. */
const statusRank: Readonly<Record<AgentStatusKind, number>> = {
  Ready: 0,
  Busy: 1,
  AfterCallWork: 2,
  NotReady: 3,
  LoggedOut: 4,
  Unknown: 5,
};

/**
 * What the text filter searches, lower-cased once per agent object: the mirror keeps an unchanged
 * agent's object, so typing over 2,000 agents does not lower-case 6,000 strings a key.
 */
const searchText = new WeakMap<Agent, string>();

function searchableText(agent: Agent): string {
  let text = searchText.get(agent);
  if (text === undefined) {
    text = [agent.displayName, agent.userName, agent.extension ?? ''].join('\n').toLocaleLowerCase();
    searchText.set(agent, text);
  }
  return text;
}

export function matchesFilterText(agent: Agent, filterText: string): boolean {
  const needle = filterText.trim().toLocaleLowerCase();
  return needle === '' || searchableText(agent).includes(needle);
}

export function matchesStateFilter(agent: Agent, filter: StateFilter): boolean {
  return filter === 'all' || agent.status.kind === filter;
}

export function matchesGroupFilter(agent: Agent, group: string | null | undefined): boolean {
  return group === null || group === undefined || agent.groups.includes(group);
}

export function countByStateFilter(agents: ReadonlyArray<Agent>): Record<StateFilter, number> {
  const counts: Record<StateFilter, number> = {
    all: 0,
    Ready: 0,
    Busy: 0,
    NotReady: 0,
    AfterCallWork: 0,
    LoggedOut: 0,
  };
  for (const agent of agents) {
    counts.all += 1;
    const kind = agent.status.kind;
    if (kind !== 'Unknown') counts[kind] += 1;
  }
  return counts;
}

function activityWeight(agent: Agent): number {
  // A voice call outweighs any number of text sessions: it is the one a supervisor can listen to.
  return (agent.activity.onCall ? 10_000 : 0) + agent.activity.chats + agent.activity.smsSessions;
}

function compareByColumn(a: Agent, b: Agent, column: SortColumn): number {
  switch (column) {
    case 'name':
      return collator.compare(a.displayName, b.displayName);
    case 'group':
      return collator.compare(a.groups[0] ?? '', b.groups[0] ?? '');
    case 'extension':
      return collator.compare(a.extension ?? '', b.extension ?? '');
    case 'state':
      return (
        statusRank[a.status.kind] - statusRank[b.status.kind] ||
        collator.compare(a.state.reason ?? '', b.state.reason ?? '')
      );
    case 'timeInState':
      // Ascending means shortest time in state first, i.e. the latest start.
      return b.status.since.at - a.status.since.at;
    case 'activity':
      return activityWeight(a) - activityWeight(b);
  }
}

/** Sorts a copy; ties fall back to name then id so rows never jump between equal snapshots. */
export function sortAgents(agents: ReadonlyArray<Agent>, order: SortOrder): Agent[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...agents].sort((a, b) => {
    if (order.column === 'extension' && (a.extension === null) !== (b.extension === null)) {
      // Agents without an extension stay at the bottom whichever way the column is sorted.
      return a.extension === null ? 1 : -1;
    }
    return (
      sign * compareByColumn(a, b, order.column) ||
      collator.compare(a.displayName, b.displayName) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  });
}

export function visibleAgents(agents: ReadonlyArray<Agent>, options: TeamViewOptions): Agent[] {
  const matching = agents.filter(
    (agent) =>
      matchesFilterText(agent, options.filterText) &&
      matchesStateFilter(agent, options.stateFilter) &&
      matchesGroupFilter(agent, options.groupFilter),
  );
  return sortAgents(matching, options.sort);
}

export type SelectionMove = 'next' | 'previous' | 'first' | 'last' | 'pageDown' | 'pageUp';

/**
 * Where a keyboard move lands among the visible rows; a hidden or missing selection starts at an
 * end. A page is the rows that fit on screen.
 */
export function moveSelection(
  rowIds: ReadonlyArray<string>,
  selectedId: string | null,
  move: SelectionMove,
  pageSize = 10,
): string | null {
  if (rowIds.length === 0) return null;
  const lastIndex = rowIds.length - 1;
  const index = selectedId === null ? -1 : rowIds.indexOf(selectedId);
  const at = (target: number) => rowIds[Math.min(lastIndex, Math.max(0, target))] ?? null;
  switch (move) {
    case 'first':
      return at(0);
    case 'last':
      return at(lastIndex);
    case 'next':
      return index === -1 ? at(0) : at(index + 1);
    case 'previous':
      return index === -1 ? at(lastIndex) : at(index - 1);
    case 'pageDown':
      return index === -1 ? at(0) : at(index + Math.max(1, pageSize));
    case 'pageUp':
      return index === -1 ? at(lastIndex) : at(index - Math.max(1, pageSize));
  }
}

/** True when a row would render the same, so a fresh snapshot does not re-render unchanged rows. */
export function sameAgentRow(a: Agent, b: Agent): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
