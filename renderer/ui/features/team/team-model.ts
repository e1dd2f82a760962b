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

function filterNeedle(filterText: string): string {
  return filterText.trim().toLocaleLowerCase();
}

/**
 * Agents whose name, user name or extension holds the text (any case) and who are in the group
 * (any, when null), in the order given: filtering the sorted team keeps it sorted, so typing never
 * sorts again.
 */
export function matchingAgents(
  agents: ReadonlyArray<Agent>,
  filterText: string,
  groupFilter: string | null | undefined,
): ReadonlyArray<Agent> {
  const needle = filterNeedle(filterText);
  const anyGroup = groupFilter === null || groupFilter === undefined;
  if (needle === '' && anyGroup) return agents;
  return agents.filter(
    (agent) =>
      (needle === '' || searchableText(agent).includes(needle)) && (anyGroup || agent.groups.includes(groupFilter)),
  );
}

/** What a state chip lets through. */
export function inStateFilter(agents: ReadonlyArray<Agent>, filter: StateFilter): ReadonlyArray<Agent> {
  return filter === 'all' ? agents : agents.filter((agent) => agent.status.kind === filter);
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

/**
 * Each distinct text's place in the collator's order, remembered between sorts: a sort of 2,000
 * agents makes some 22,000 comparisons, and comparing numbers instead of calling the collator for
 * each is what keeps a click on a column header inside one frame. Names, groups, extensions and
 * reasons change far less often than the order is asked for, so the ranks are worked out again only
 * when a text appears that they lack (from the texts in use then, so gone ones do not pile up).
 * Texts the collator calls equal share a rank.
 */
function collationRanks(): (texts: ReadonlyArray<string>) => ReadonlyMap<string, number> {
  let ranks = new Map<string, number>();
  return (texts) => {
    if (texts.every((text) => ranks.has(text))) return ranks;
    const distinct = [...new Set(texts)].sort(collator.compare);
    ranks = new Map();
    let rank = -1;
    let previous: string | null = null;
    for (const text of distinct) {
      if (previous === null || collator.compare(previous, text) !== 0) rank += 1;
      ranks.set(text, rank);
      previous = text;
    }
    return ranks;
  };
}

const nameRanks = collationRanks();
const groupRanks = collationRanks();
const extensionRanks = collationRanks();
const reasonRanks = collationRanks();

/** The column's value as a number that sorts ascending the way the column does. */
function columnKeys(agents: ReadonlyArray<Agent>, column: SortColumn): (agent: Agent) => number {
  switch (column) {
    case 'name': {
      const ranks = nameRanks(agents.map((agent) => agent.displayName));
      return (agent) => ranks.get(agent.displayName)!;
    }
    case 'group': {
      const ranks = groupRanks(agents.map((agent) => agent.groups[0] ?? ''));
      return (agent) => ranks.get(agent.groups[0] ?? '')!;
    }
    case 'extension': {
      const ranks = extensionRanks(agents.map((agent) => agent.extension ?? ''));
      return (agent) => ranks.get(agent.extension ?? '')!;
    }
    case 'state': {
      const ranks = reasonRanks(agents.map((agent) => agent.state.reason ?? ''));
      const reasons = ranks.size + 1;
      return (agent) => statusRank[agent.status.kind] * reasons + ranks.get(agent.state.reason ?? '')!;
    }
    case 'timeInState':
      // Ascending means shortest time in state first, i.e. the latest start.
      return (agent) => -agent.status.since.at;
    case 'activity':
      return activityWeight;
  }
}

/** Sorts a copy; ties fall back to name then id so rows never jump between equal snapshots. */
export function sortAgents(agents: ReadonlyArray<Agent>, order: SortOrder): Agent[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const names = nameRanks(agents.map((agent) => agent.displayName));
  const keyOf = columnKeys(agents, order.column);
  const keyed = agents.map((agent) => ({
    agent,
    // Agents without an extension stay at the bottom whichever way the column is sorted.
    last: order.column === 'extension' && agent.extension === null ? 1 : 0,
    key: sign * keyOf(agent),
    name: names.get(agent.displayName)!,
  }));
  keyed.sort(
    (a, b) =>
      a.last - b.last ||
      a.key - b.key ||
      a.name - b.name ||
      (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0),
  );
  return keyed.map((entry) => entry.agent);
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
