/**
 * Every snapshot from main is a fresh object graph, even where nothing changed. Reusing the previous
 * snapshot's objects wherever the new ones are equal lets selectors compare by reference, so a new
 * line in one chat re-renders that chat's card and nothing else.
 *
 * Values are JSON-like (what crosses the bridge). Lists of objects with an `id` are matched by id, so
 * a card added at the head of a list does not make every card after it look new.
 */
export function shareStructure<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (Array.isArray(next)) return Array.isArray(previous) ? (shareList(previous, next) as T) : next;
  if (isPlainObject(next)) return isPlainObject(previous) ? (shareRecord(previous, next) as T) : next;
  return next;
}

function shareList(previous: ReadonlyArray<unknown>, next: ReadonlyArray<unknown>): ReadonlyArray<unknown> {
  const byId = idIndex(previous);
  let same = previous.length === next.length;
  const shared = next.map((item, position) => {
    const id = idOf(item);
    const counterpart = id !== null && byId !== null ? byId.get(id) : previous[position];
    const result = shareStructure(counterpart, item);
    if (result !== previous[position]) same = false;
    return result;
  });
  return same ? previous : shared;
}

function shareRecord(previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(previous).length;
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const value = shareStructure(previous[key], next[key]);
    if (value !== previous[key] || !Object.hasOwn(previous, key)) same = false;
    shared[key] = value;
  }
  return same ? previous : shared;
}

function idIndex(items: ReadonlyArray<unknown>): Map<string, unknown> | null {
  const index = new Map<string, unknown>();
  for (const item of items) {
    const id = idOf(item);
    if (id === null) return null;
    index.set(id, item);
  }
  return index;
}

function idOf(item: unknown): string | null {
  if (!isPlainObject(item)) return null;
  const id = item.id;
  return typeof id === 'string' ? id : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
