import type { Agent } from '../../common/models/agent';
import type { AppState } from '../../common/models/app-state';
import type { StatePatch, TeamPatch } from '../../common/models/state-patch';

/**
 * The patch that turns `previous` into `next`. Main's transitions keep every object that did not
 * change, so comparing by reference finds what changed without looking inside: a 2,000-agent team
 * costs 2,000 reference checks, and a patch carries only the agents that changed. Null: nothing did.
 */
export function diffState(previous: AppState, next: AppState): StatePatch | null {
  if (previous === next) return null;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof AppState>) {
    if (key !== 'team' && previous[key] !== next[key]) patch[key] = next[key];
  }
  const team = diffTeam(previous.team, next.team);
  if (team !== null) patch.team = team;
  return Object.keys(patch).length === 0 ? null : (patch as StatePatch);
}

function diffTeam(previous: AppState['team'], next: AppState['team']): TeamPatch | null {
  if (previous === next) return null;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof AppState['team']>) {
    if (key !== 'agents' && previous[key] !== next[key]) patch[key] = next[key];
  }
  const agents = diffAgents(previous.agents, next.agents);
  return { ...patch, ...agents };
}

function diffAgents(
  previous: ReadonlyArray<Agent>,
  next: ReadonlyArray<Agent>,
): Pick<TeamPatch, 'upsert' | 'remove' | 'order'> {
  if (previous === next) return { upsert: [], remove: [], order: null };
  const before = new Map(previous.map((agent) => [agent.id, agent]));
  const present = new Set(next.map((agent) => agent.id));
  const upsert = next.filter((agent) => before.get(agent.id) !== agent);
  const remove = previous.filter((agent) => !present.has(agent.id)).map((agent) => agent.id);
  // Where the window will put them without being told: the old order, leavers out, joiners last.
  const expected = [
    ...previous.filter((agent) => present.has(agent.id)).map((agent) => agent.id),
    ...next.filter((agent) => !before.has(agent.id)).map((agent) => agent.id),
  ];
  const ordered = expected.length === next.length && expected.every((id, index) => next[index]?.id === id);
  return { upsert, remove, order: ordered ? null : next.map((agent) => agent.id) };
}
