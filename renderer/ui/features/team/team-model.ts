import type { Agent, AgentStateKind } from '../../../../electron/common/models/agent';
import type { SortColumn, SortOrder, StateFilter } from '../../store/team-view-options';

export const stateFilterLabels: Readonly<Record<StateFilter, string>> = {
  all: 'All',
  Ready: 'Ready',
  NotReady: 'Not Ready',
  AfterCallWork: 'ACW',
  LoggedOut: 'Logged out',
};

export interface TeamViewOptions {
  readonly filterText: string;
  readonly stateFilter: StateFilter;
  readonly sort: SortOrder;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Working states first, then those that cannot take work; Unknown last so it is noticed as odd. */
const stateRank: Readonly<Record<AgentStateKind, number>> = {
  Ready: 0,
  NotReady: 1,
  AfterCallWork: 2,
  LoggedOut: 3,
  Unknown: 4,
};

export function matchesFilterText(agent: Agent, filterText: string): boolean {
  const needle = filterText.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return [agent.displayName, agent.userName, agent.extension ?? ''].some((field) =>
    field.toLocaleLowerCase().includes(needle),
  );
}

export function matchesStateFilter(agent: Agent, filter: StateFilter): boolean {
  return filter === 'all' || agent.state.kind === filter;
}

export function countByStateFilter(agents: ReadonlyArray<Agent>): Record<StateFilter, number> {
  const counts: Record<StateFilter, number> = { all: 0, Ready: 0, NotReady: 0, AfterCallWork: 0, LoggedOut: 0 };
  for (const agent of agents) {
    counts.all += 1;
    const kind = agent.state.kind;
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
    case 'extension':
      return collator.compare(a.extension ?? '', b.extension ?? '');
    case 'state':
      return (
        stateRank[a.state.kind] - stateRank[b.state.kind] ||
        collator.compare(a.state.reason ?? '', b.state.reason ?? '')
      );
    case 'timeInState':
      // Ascending means shortest time in state first, i.e. the most recent stateSince.
      return b.stateSince - a.stateSince;
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
    (agent) => matchesFilterText(agent, options.filterText) && matchesStateFilter(agent, options.stateFilter),
  );
  return sortAgents(matching, options.sort);
}

export type SelectionMove = 'next' | 'previous' | 'first' | 'last';

/** Where a keyboard move lands among the visible rows; a hidden or missing selection starts at an end. */
export function moveSelection(
  rowIds: ReadonlyArray<string>,
  selectedId: string | null,
  move: SelectionMove,
): string | null {
  if (rowIds.length === 0) return null;
  const first = rowIds[0] ?? null;
  const last = rowIds[rowIds.length - 1] ?? null;
  const index = selectedId === null ? -1 : rowIds.indexOf(selectedId);
  switch (move) {
    case 'first':
      return first;
    case 'last':
      return last;
    case 'next':
      return index === -1 ? first : (rowIds[Math.min(index + 1, rowIds.length - 1)] ?? last);
    case 'previous':
      return index === -1 ? last : (rowIds[Math.max(index - 1, 0)] ?? first);
  }
}

/** True when a row would render the same, so a fresh snapshot does not re-render unchanged rows. */
export function sameAgentRow(a: Agent, b: Agent): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.userName === b.userName &&
      a.displayName === b.displayName &&
      a.extension === b.extension &&
      a.state.kind === b.state.kind &&
      a.state.label === b.state.label &&
      a.state.reason === b.state.reason &&
      a.stateSince === b.stateSince &&
      a.activity.onCall === b.activity.onCall &&
      a.activity.chats === b.activity.chats &&
      a.activity.smsSessions === b.activity.smsSessions)
  );
}
