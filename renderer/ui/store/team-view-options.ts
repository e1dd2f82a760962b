/** How the supervisor has the team table sorted and filtered: UI-only state the store keeps. */

export type SortColumn = 'name' | 'group' | 'extension' | 'state' | 'timeInState' | 'activity';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

/** Ready counts only agents free to take work: one busy with a call, chat or SMS is Busy. */
export const stateFilters = ['all', 'Ready', 'Busy', 'NotReady', 'AfterCallWork', 'LoggedOut'] as const;
export type StateFilter = (typeof stateFilters)[number];

export function nextSortOrder(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
