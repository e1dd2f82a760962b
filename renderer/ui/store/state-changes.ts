import type { AppState } from '../../../electron/common/models/app-state';
import { keyedLists, type KeyedSlice, type StateChanges } from '../../../electron/common/models/state-changes';

type Fields = Readonly<Record<string, unknown>>;
type Entity = Fields & { readonly id: string };
interface ListChanges {
  readonly upsert: readonly Entity[];
  readonly remove: readonly string[];
  readonly order: readonly string[] | null;
}

/**
 * Applies one batch of main's changes to the state as of the batch before. What a change does not
 * touch keeps its object, so selectors and memoised rows see only what changed. Null when the
 * changes do not fit this state (an id they expect is missing, a newcomer is incomplete): the window
 * then asks for a snapshot.
 */
export function applyChanges(state: AppState, changes: StateChanges): AppState | null {
  const next: Record<string, unknown> = { ...state };
  for (const key of Object.keys(changes) as Array<keyof StateChanges>) {
    const change = changes[key];
    if (change === undefined) continue;
    if (!isKeyedSlice(key)) {
      next[key] = change;
      continue;
    }
    const slice = applySlice(key, state[key] as Fields, change as Fields);
    if (slice === null) return null;
    next[key] = slice;
  }
  return next as unknown as AppState;
}

function isKeyedSlice(key: string): key is KeyedSlice {
  return Object.hasOwn(keyedLists, key);
}

function applySlice(slice: KeyedSlice, current: Fields, change: Fields): Fields | null {
  const lists = keyedLists[slice] as Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>>;
  const next: Record<string, unknown> = { ...current };
  for (const key of Object.keys(change)) {
    if (change[key] === undefined) continue;
    const entity = lists[key];
    if (entity === undefined) {
      next[key] = change[key];
      continue;
    }
    const list = applyList(current[key] as readonly Entity[], change[key] as ListChanges, entity);
    if (list === null) return null;
    next[key] = list;
  }
  return next;
}

/** An upsert's fields over the old entity, and its appended items after the old list's. */
function merge(old: Entity, upsert: Entity): Entity | null {
  const { append, ...fields } = upsert as Entity & { append?: Readonly<Record<string, readonly unknown[]>> };
  const next: Record<string, unknown> = { ...old, ...fields };
  for (const [key, items] of Object.entries(append ?? {})) {
    const list = old[key];
    if (!Array.isArray(list)) return null;
    next[key] = [...list, ...items];
  }
  return next as Entity;
}

function applyList(
  current: readonly Entity[],
  change: ListChanges,
  entity: { safeParse(value: unknown): { success: boolean } },
): readonly Entity[] | null {
  const byId = new Map(current.map((item) => [item.id, item]));
  const updated = new Map<string, Entity>();
  for (const upsert of change.upsert) {
    const old = byId.get(upsert.id);
    // A newcomer comes whole: the schema of its kind says so.
    if (old === undefined && (upsert.append !== undefined || !entity.safeParse(upsert).success)) return null;
    const next = old === undefined ? upsert : merge(old, upsert);
    if (next === null) return null;
    updated.set(upsert.id, next);
  }
  const leaving = new Set(change.remove);
  const ids = change.order ?? [
    ...current.filter((item) => !leaving.has(item.id)).map((item) => item.id),
    ...change.upsert.filter((item) => !byId.has(item.id)).map((item) => item.id),
  ];
  const next: Entity[] = [];
  for (const id of ids) {
    const item = updated.get(id) ?? byId.get(id);
    if (item === undefined) return null;
    next.push(item);
  }
  return next;
}
