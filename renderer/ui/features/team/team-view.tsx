import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { Agent } from '../../../../electron/common/models/agent';
import type { TeamLoad } from '../../../../electron/common/models/app-state';
import { NoticeBanner } from '../../components/notice-banner';
import { focusKindOf } from '../../components/focus-kind';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { shortcutOptionsOf, shortcutsActIn } from '../voice/shortcuts';
import { AgentMenu } from './agent-menu';
import { MessagingMenu } from './messaging-menu';
import { MonitoringNotices } from './monitoring-notices';
import { TeamTable } from './team-table';
import { TeamToolbar } from './team-toolbar';
import { countByStateFilter, inStateFilter, matchingAgents, sortAgents } from './team-model';
import './team.css';

const noChannels: readonly string[] = [];
const noAgents: ReadonlyArray<Agent> = [];
const loadingTeam: TeamLoad = { status: 'loading', received: 0, expected: null };

/** Said when the server announced more agents than it sent: the list is what it sent, no more. */
function IncompleteTeam({ load }: { load: TeamLoad }) {
  if (load.status !== 'incomplete' || load.expected === null) return null;
  return (
    <NoticeBanner testId="team-incomplete">
      The contact center says your team has {load.expected} agents but sent only {load.received}. The list shows those;
      Earshot keeps asking for the others, and the missing ones cannot be monitored until they arrive.
    </NoticeBanner>
  );
}

export function TeamView() {
  const agents = useAppStore((state) => state.mirror.app?.team.agents ?? noAgents);
  const load = useAppStore((state) => state.mirror.app?.team.load ?? loadingTeam);
  const teamError = useAppStore((state) => state.mirror.app?.team.error?.message ?? null);
  const channelsNotStarted = useAppStore((state) => state.mirror.app?.session?.channelsNotStarted ?? noChannels);
  const filterText = useAppStore((state) => state.ui.filterText);
  const stateFilter = useAppStore((state) => state.ui.stateFilter);
  const groupFilter = useAppStore((state) => state.ui.groupFilter);
  const sort = useAppStore((state) => state.ui.sort);
  const { setFilterText, setStateFilter, setGroupFilter } = useAppStore((state) => state.uiActions);
  const filterInput = useRef<HTMLInputElement>(null);
  const store = useAppStoreApi();

  // The key, click or team change shows at once where it was made (the filter's text, the pressed
  // chip); the rows follow in a render React may spread over frames, so a sort or a filter over
  // 2,000 agents does not hold up the frame that answers the supervisor's hand.
  const wanted = useMemo(
    () => ({ agents, filterText, stateFilter, groupFilter, sort }),
    [agents, filterText, stateFilter, groupFilter, sort],
  );
  const shown = useDeferredValue(wanted);
  const updating = shown !== wanted;
  // Each stage keeps its result while its own inputs stay: a click on a column sorts, a key in the
  // filter filters the sorted team, a state chip filters that again.
  const sorted = useMemo(() => sortAgents(shown.agents, shown.sort), [shown.agents, shown.sort]);
  const matching = useMemo(
    () => matchingAgents(sorted, shown.filterText, shown.groupFilter),
    [sorted, shown.filterText, shown.groupFilter],
  );
  const counts = useMemo(() => countByStateFilter(matching), [matching]);
  const rows = useMemo(() => inStateFilter(matching, shown.stateFilter), [matching, shown.stateFilter]);

  useEffect(() => {
    const focusFilter = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      // "/" is a single-key shortcut like the call keys: the same places and the same setting turn it off.
      if (!shortcutsActIn(focusKindOf(event.target))) return;
      if (!shortcutOptionsOf(store.getState().settings.view).singleKeyShortcuts) return;
      event.preventDefault();
      filterInput.current?.focus();
      filterInput.current?.select();
    };
    document.addEventListener('keydown', focusFilter);
    return () => document.removeEventListener('keydown', focusFilter);
  }, [store]);

  const clearFilters = () => {
    setFilterText('');
    setStateFilter('all');
    setGroupFilter(null);
  };

  const loading = load.status === 'loading';
  let emptyMessage: string | null = null;
  if (agents.length === 0) {
    if (loading && teamError === null) emptyMessage = 'Loading your team…';
    else if (teamError === null) emptyMessage = 'No agents in your team yet.';
    else emptyMessage = 'The team list is not available right now.';
  } else if (rows.length === 0) {
    emptyMessage = 'No agents match these filters.';
  }

  return (
    // Focus falls back here when a row or a control of the team goes away (a filter, a cancelled subscription).
    <section className="team-view" aria-label="Team" tabIndex={-1}>
      {teamError !== null && <NoticeBanner>{teamError}</NoticeBanner>}
      <IncompleteTeam load={load} />
      {channelsNotStarted.length > 0 && (
        <NoticeBanner>
          The contact center started your session without {channelsNotStarted.join(', ')}. Monitoring there may be
          refused; ask your administrator which channels your user has.
        </NoticeBanner>
      )}
      <TeamToolbar
        total={agents.length}
        counts={counts}
        shownCount={rows.length}
        load={load}
        filterInput={filterInput}
      />
      <MonitoringNotices rows={rows} />
      <TeamTable rows={rows} updating={updating}>
        {emptyMessage !== null && (
          <div className="team-empty" role="status">
            {loading && agents.length === 0 && teamError === null && <span className="spinner" aria-hidden="true" />}
            <span>{emptyMessage}</span>
            {agents.length > 0 && (
              <button type="button" className="button button--quiet" onClick={clearFilters}>
                Clear filters
              </button>
            )}
          </div>
        )}
      </TeamTable>
      <MessagingMenu />
      <AgentMenu />
    </section>
  );
}
