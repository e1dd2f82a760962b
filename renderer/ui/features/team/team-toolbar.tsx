import { useId } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import type { TeamLoad } from '../../../../electron/common/models/app-state';
import { SearchIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { stateFilters, type StateFilter } from '../../store/team-view-options';
import { useShortcutOptions } from '../voice/use-voice-shortcuts';
import { MonitorOptions } from './monitor-options';
import { stateFilterLabels } from './team-model';

const noGroups: ReadonlyArray<string> = [];

/** Agent groups where GWS gives them; none, no filter. */
function GroupFilter() {
  const id = useId();
  const groups = useAppStore((state) => state.mirror.app?.team.groups ?? noGroups);
  const groupFilter = useAppStore((state) => state.ui.groupFilter);
  const setGroupFilter = useAppStore((state) => state.uiActions.setGroupFilter);
  if (groups.length === 0) return null;
  return (
    <div className="group-filter">
      <label className="visually-hidden" htmlFor={id}>
        Agent group
      </label>
      <select
        id={id}
        className="group-filter__select"
        data-testid="group-filter"
        value={groupFilter ?? ''}
        onChange={(event) => setGroupFilter(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">All groups</option>
        {groups.map((group) => (
          <option key={group} value={group}>
            {group}
          </option>
        ))}
        {groupFilter !== null && !groups.includes(groupFilter) && <option value={groupFilter}>{groupFilter}</option>}
      </select>
    </div>
  );
}

/** "312 of 500 agents" while a large team loads, then how many the filters show. */
function TeamSummary({ load, total, shown }: { load: TeamLoad; total: number; shown: number }) {
  if (load.status === 'loading') {
    return (
      <div className="team-toolbar__summary team-load" data-testid="team-load" role="status">
        <span>
          Loading your team… {load.received}
          {load.expected === null ? '' : ` of ${load.expected}`} agents
        </span>
        {load.expected !== null && load.expected > 0 && (
          <progress className="team-load__bar" max={load.expected} value={load.received} aria-hidden="true" />
        )}
      </div>
    );
  }
  return (
    <p className="team-toolbar__summary" aria-live="polite" data-testid="team-summary">
      {shown === total ? `${total} agents` : `${shown} of ${total} agents`}
    </p>
  );
}

export function TeamToolbar({
  total,
  counts,
  shownCount,
  load,
  filterInput,
}: {
  total: number;
  /** Agents per state chip among those the text and group filters show: the rows a chip will show. */
  counts: Readonly<Record<StateFilter, number>>;
  shownCount: number;
  load: TeamLoad;
  filterInput: Ref<HTMLInputElement>;
}) {
  const filterText = useAppStore((state) => state.ui.filterText);
  const stateFilter = useAppStore((state) => state.ui.stateFilter);
  const { setFilterText, setStateFilter } = useAppStore((state) => state.uiActions);
  const { singleKeyShortcuts } = useShortcutOptions();

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && filterText !== '') {
      event.preventDefault();
      setFilterText('');
    }
  };

  return (
    <div className="team-toolbar">
      <div className="filter-box">
        <SearchIcon className="filter-box__icon" />
        <input
          ref={filterInput}
          type="search"
          className="filter-box__input"
          aria-label="Filter agents"
          placeholder="Name, user name or extension"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
          onKeyDown={onFilterKeyDown}
          aria-keyshortcuts={singleKeyShortcuts ? '/' : undefined}
          spellCheck={false}
          autoComplete="off"
        />
        {singleKeyShortcuts && (
          <kbd className="filter-box__shortcut" aria-hidden="true">
            /
          </kbd>
        )}
      </div>
      <div className="state-chips" role="group" aria-label="Filter by state">
        {stateFilters.map((filter) => (
          <button
            key={filter}
            type="button"
            className={`chip chip--${filter}`}
            data-testid={`state-chip-${filter}`}
            aria-pressed={stateFilter === filter}
            onClick={() => setStateFilter(filter)}
          >
            {filter !== 'all' && <span className="chip__dot" aria-hidden="true" />}
            {stateFilterLabels[filter]} <span className="chip__count">{counts[filter]}</span>
          </button>
        ))}
      </div>
      <GroupFilter />
      <div className="team-toolbar__monitor">
        <MonitorOptions />
      </div>
      <TeamSummary load={load} total={total} shown={shownCount} />
    </div>
  );
}
