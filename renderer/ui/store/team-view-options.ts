/** How the supervisor has the team table sorted and filtered: UI-only state the store keeps. */

export type SortColumn = 'name' | 'extension' | 'state' | 'timeInState' | 'activity';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export const stateFilters = ['all', 'Ready', 'NotReady', 'AfterCallWork', 'LoggedOut'] as const;
export type StateFilter = (typeof stateFilters)[number];

export function nextSortOrder(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
