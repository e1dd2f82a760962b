import type { AppState } from '../../common/models/app-state';
import { sameValue } from '../../common/same-value';
import { appendableFields, keyedLists, type KeyedSlice, type StateChanges } from '../../common/models/state-changes';

type Fields = Readonly<Record<string, unknown>>;
type Entity = Fields & { readonly id: string };

/**
 * The changes that turn `previous` into `next` (state-changes.ts in common says what they look
 * like). Main's transitions keep every object they did not change, so comparing references finds
 * what changed without looking inside what did not: a 2,000-agent team costs 2,000 reference
 * checks when one agent changed, and the change carries that agent's changed fields. Null: nothing changed.
 */
export function diffState(previous: AppState, next: AppState): StateChanges | null {
  if (previous === next) return null;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof AppState>) {
    if (previous[key] === next[key]) continue;
    changes[key] = isKeyedSlice(key)
      ? diffSlice(previous[key] as Fields, next[key] as Fields, Object.keys(keyedLists[key]))
      : next[key];
  }
  return Object.keys(changes).length === 0 ? null : (changes as StateChanges);
}

function isKeyedSlice(key: string): key is KeyedSlice {
  return Object.hasOwn(keyedLists, key);
}

function diffSlice(previous: Fields, next: Fields, listKeys: readonly string[]): Fields {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    if (previous[key] === next[key]) continue;
    changes[key] = listKeys.includes(key)
      ? diffList(previous[key] as readonly Entity[], next[key] as readonly Entity[])
      : next[key];
  }
  return changes;
}

function diffList(previous: readonly Entity[], next: readonly Entity[]) {
  const before = new Map(previous.map((entity) => [entity.id, entity]));
  const present = new Set(next.map((entity) => entity.id));
  const upsert: Fields[] = [];
  for (const entity of next) {
    const old = before.get(entity.id);
    if (old === undefined) upsert.push(entity);
    else if (old !== entity) upsert.push(diffEntity(old, entity));
  }
  const remove = previous.filter((entity) => !present.has(entity.id)).map((entity) => entity.id);
  // Where the window puts them untold: the old order, leavers out, newcomers last.
  const expected = [
    ...previous.filter((entity) => present.has(entity.id)).map((entity) => entity.id),
    ...next.filter((entity) => !before.has(entity.id)).map((entity) => entity.id),
  ];
  const inOrder = expected.every((id, index) => next[index]?.id === id);
  return { upsert, remove, order: inOrder ? null : next.map((entity) => entity.id) };
}

/**
 * An entity's changed fields. Derivations rebuild small parts (an agent's state) equal to the last:
 * those stay home. A list that only grew at the end (a transcript) sends its new items.
 */
function diffEntity(previous: Entity, next: Entity): Fields {
  const changed: Record<string, unknown> = { id: next.id };
  const append: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    const before = previous[key];
    const after = next[key];
    if (before === after) continue;
    const grown = appendableFields.has(key) ? grownBy(before, after) : null;
    if (grown !== null) append[key] = grown;
    else if (!sameValue(before, after)) changed[key] = after;
  }
  if (Object.keys(append).length > 0) changed.append = append;
  return changed;
}

/** What `after` adds to `before` when it is `before` (the very items) and more; main's transcripts keep old lines' objects. */
function grownBy(before: unknown, after: unknown): readonly unknown[] | null {
  if (!Array.isArray(before) || !Array.isArray(after) || after.length <= before.length) return null;
  return before.every((item, index) => after[index] === item) ? after.slice(before.length) : null;
}
