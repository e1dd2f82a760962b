import type { Agent } from '../../../electron/common/models/agent';
import type { AppState } from '../../../electron/common/models/app-state';
import type { StatePatch, TeamPatch } from '../../../electron/common/models/state-patch';
import { shareStructure } from './share-structure';

/**
 * Applies main's patch to the state last received. What the patch does not touch keeps its
 * objects; what it replaces reuses the old objects where equal (share-structure.ts). Null when the
 * patch does not fit this state (an agent it expects is missing): the window asks for the whole state.
 */
export function applyStatePatch(app: AppState, patch: StatePatch): AppState | null {
  let next: AppState = app;
  for (const key of Object.keys(patch) as Array<keyof StatePatch>) {
    if (key === 'team') continue;
    const value = shareStructure(app[key], patch[key]);
    if (value !== app[key]) next = { ...next, [key]: value };
  }
  if (patch.team !== undefined) {
    const team = applyTeamPatch(app.team, patch.team);
    if (team === null) return null;
    if (team !== app.team) next = { ...next, team };
  }
  return next;
}

function applyTeamPatch(team: AppState['team'], patch: TeamPatch): AppState['team'] | null {
  const { upsert, remove, order, ...fields } = patch;
  let next = team;
  for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
    const value = shareStructure(team[key], fields[key]);
    if (value !== team[key]) next = { ...next, [key]: value };
  }
  if (upsert.length === 0 && remove.length === 0 && order === null) return next;
  const agents = applyAgents(team.agents, upsert, remove, order);
  return agents === null ? null : { ...next, agents };
}

function applyAgents(
  agents: ReadonlyArray<Agent>,
  upsert: ReadonlyArray<Agent>,
  remove: ReadonlyArray<string>,
  order: ReadonlyArray<string> | null,
): ReadonlyArray<Agent> | null {
  const current = new Map(agents.map((agent) => [agent.id, agent]));
  const leaving = new Set(remove);
  const changed = new Map(upsert.map((agent) => [agent.id, shareStructure(current.get(agent.id), agent)]));
  const ids = order ?? [
    ...agents.filter((agent) => !leaving.has(agent.id)).map((agent) => agent.id),
    ...upsert.filter((agent) => !current.has(agent.id)).map((agent) => agent.id),
  ];
  const next: Agent[] = [];
  for (const id of ids) {
    const agent = changed.get(id) ?? current.get(id);
    if (agent === undefined) return null;
    next.push(agent);
  }
  return next;
}
