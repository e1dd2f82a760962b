import { useMemo } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import type { Agent } from '../../../../electron/common/models/agent';
import { SearchIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { stateFilters } from '../../store/team-view-options';
import { useShortcutOptions } from '../voice/use-voice-shortcuts';
import { MonitorOptions } from './monitor-options';
import { countByStateFilter, matchesFilterText, stateFilterLabels } from './team-model';

export function TeamToolbar({
  agents,
  shownCount,
  filterInput,
}: {
  agents: ReadonlyArray<Agent>;
  shownCount: number;
  filterInput: Ref<HTMLInputElement>;
}) {
  const filterText = useAppStore((state) => state.ui.filterText);
  const stateFilter = useAppStore((state) => state.ui.stateFilter);
  const { setFilterText, setStateFilter } = useAppStore((state) => state.uiActions);
  const { singleKeyShortcuts } = useShortcutOptions();

  // Counts follow the text filter, so a chip's number is the number of rows it will show.
  const counts = useMemo(
    () => countByStateFilter(agents.filter((agent) => matchesFilterText(agent, filterText))),
    [agents, filterText],
  );

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
            aria-pressed={stateFilter === filter}
            onClick={() => setStateFilter(filter)}
          >
            {filter !== 'all' && <span className="chip__dot" aria-hidden="true" />}
            {stateFilterLabels[filter]} <span className="chip__count">{counts[filter]}</span>
          </button>
        ))}
      </div>
      <div className="team-toolbar__monitor">
        <MonitorOptions />
      </div>
      <p className="team-toolbar__summary" aria-live="polite">
        {shownCount === agents.length ? `${agents.length} agents` : `${shownCount} of ${agents.length} agents`}
      </p>
    </div>
  );
}
