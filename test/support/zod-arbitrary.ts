import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries read off zod 4 schemas, for fuzzing the parsers with input shaped like what
 * they expect (then broken on purpose by `mutatedJson`). Only the schema kinds the wire schemas use
 * are derived; anything else becomes arbitrary JSON, which is still useful input.
 */

interface ZodInternals {
  readonly _zod: { readonly def: Readonly<Record<string, unknown>> & { readonly type: string } };
}

interface CheckDef {
  readonly check?: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
}

const maxDepth = 6;

function defOf(schema: unknown): ZodInternals['_zod']['def'] {
  return (schema as ZodInternals)._zod.def;
}

function checksOf(def: Readonly<Record<string, unknown>>): CheckDef[] {
  const checks = (def.checks as ReadonlyArray<ZodInternals> | undefined) ?? [];
  return checks.map((check) => check._zod.def as CheckDef);
}

function stringArbitrary(def: Readonly<Record<string, unknown>>): fc.Arbitrary<string> {
  if (def.format === 'url') return fc.webUrl();
  const checks = checksOf(def);
  const pattern = checks.find((check) => check.format === 'regex')?.pattern;
  if (pattern) return fc.stringMatching(pattern);
  const minLength = checks.find((check) => check.check === 'min_length')?.minimum ?? 0;
  const maxLength = Math.min(checks.find((check) => check.check === 'max_length')?.maximum ?? 24, minLength + 24);
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function numberArbitrary(def: Readonly<Record<string, unknown>>): fc.Arbitrary<number> {
  const checks = [def as CheckDef, ...checksOf(def)];
  const integer = checks.some((check) => check.format === 'safeint' || check.format === 'int32');
  const min = checks.find((check) => check.check === 'greater_than')?.value;
  const max = checks.find((check) => check.check === 'less_than')?.value;
  if (integer) return fc.integer({ min: min ?? -1_000_000, max: max ?? 2_000_000_000 });
  return fc.double({ min: min ?? -1e12, max: max ?? 1e15, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values the schema was written for (its input side: pipes are read from their start). */
export function arbitraryOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > maxDepth) return fc.constant(null);
  const def = defOf(schema);
  const inner = (key: string) => arbitraryOf(def[key] as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
    case 'default':
      return fc.option(inner('innerType'), { nil: undefined });
    case 'nullable':
      return fc.option(inner('innerType'), { nil: null });
    case 'readonly':
    case 'catch':
    case 'prefault':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'array': {
      const maxLength = Math.min(checksOf(def).find((check) => check.check === 'max_length')?.maximum ?? 4, 4);
      return fc.array(inner('element'), { maxLength });
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => arbitraryOf(option, depth + 1)));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), inner('valueType'), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const kind = defOf(field).type;
        model[key] = arbitraryOf(field, depth + 1);
        if (kind !== 'optional' && kind !== 'default') requiredKeys.push(key);
      }
      const known = fc.record(model, { requiredKeys });
      const catchall = def.catchall as z.ZodType | undefined;
      if (!catchall || defOf(catchall).type === 'never') return known;
      // A loose object: the server may add fields of its own.
      return fc
        .tuple(known, fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }))
        .map(([fields, extra]) => ({ ...extra, ...fields }));
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Strings that have broken parsers before or could: escapes, surrogates, separators, prototype names. */
const hostileStrings = [
  '%',
  '%E0%A4%A',
  '%zz',
  '%ED%A0%80',
  '/api/v2/chats/%',
  '/api/v2/chats/%E0%A4%A',
  '/api/v2/users/%ED%A0%80',
  'http://127.0.0.1:8080/api/v2/smssessions/%C0',
  '\uD800',
  'a\uDFFFb',
  '\u0000',
  '',
  ' ',
  '../../etc/passwd',
  '9'.repeat(400),
  '1e999',
  '-1',
  '1399313371000L',
  '2014-05-0511:08:45.000-0700',
  '9999-99-99 99:99:99.000+9999',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
];

/** Numbers valid in JSON that are far outside what any field means. */
const hostileNumbers = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.5, -1, 2 ** 31, 8.64e15 + 1];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, false, [], {}, [[]], { '': null }),
  fc.jsonValue({ maxDepth: 2 }),
);

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'splice'; readonly at: number; readonly text: string; readonly position: number }
  | { readonly kind: 'prototype-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    text: fc.constantFrom(...hostileStrings),
    position: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('prototype-key' as const),
    at: fc.nat(),
    key: fc.constantFrom(...prototypeKeys),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

type Container = Record<string, unknown> | unknown[];

/** Every place in a JSON tree: the container and key of each value, the root last. */
function places(value: unknown, found: Array<{ parent: Container; key: string | number }> = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      found.push({ parent: value, key: index });
      places(item, found);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      found.push({ parent: value as Record<string, unknown>, key });
      places(item, found);
    }
  }
  return found;
}

/** Sets an own property, as JSON.parse does for "__proto__", instead of calling the prototype setter. */
function defineOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function apply(root: unknown, change: Mutation): unknown {
  const all = places(root);
  if (all.length === 0) return change.kind === 'replace' ? jsonCopy(change.value) : root;
  const valueAt = (candidate: (typeof all)[number]) =>
    (candidate.parent as Record<string | number, unknown>)[candidate.key];
  // A splice goes into text where there is some: links and ids are where escapes do harm.
  const strings = all.filter((candidate) => typeof valueAt(candidate) === 'string');
  const pool = change.kind === 'splice' && strings.length > 0 ? strings : all;
  const place = pool[change.at % pool.length]!;
  const current = valueAt(place);
  switch (change.kind) {
    case 'replace':
      defineOwn(place.parent, place.key, jsonCopy(change.value));
      break;
    case 'splice':
      if (typeof current === 'string') {
        const at = change.position % (current.length + 1);
        defineOwn(place.parent, place.key, `${current.slice(0, at)}${change.text}${current.slice(at)}`);
      } else {
        defineOwn(place.parent, place.key, change.text);
      }
      break;
    case 'prototype-key': {
      const target =
        current !== null && typeof current === 'object' && !Array.isArray(current)
          ? (current as Record<string, unknown>)
          : Array.isArray(place.parent)
            ? null
            : place.parent;
      if (target) defineOwn(target, change.key, jsonCopy(change.value));
      break;
    }
    case 'delete':
      if (Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1);
      else delete place.parent[place.key as string];
      break;
  }
  return root;
}

/** A deep copy the way a JSON body would arrive: no undefined, no shared objects. */
function jsonCopy(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Input for a parser: a value the schema would accept or a real sample, then zero to four hostile
 * changes anywhere in its tree.
 */
export function mutatedJson(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.array(mutation, { maxLength: 4 }))
    .map(([value, changes]) => changes.reduce((current, change) => apply(current, change), jsonCopy(value)));
}

/** Both kinds of input for one schema: derived from it, and real samples, each mutated. */
export function fuzzInputFor(schema: z.ZodType, samples: readonly unknown[] = []): fc.Arbitrary<unknown> {
  const bases = samples.length > 0 ? fc.oneof(arbitraryOf(schema), fc.constantFrom(...samples)) : arbitraryOf(schema);
  return mutatedJson(bases);
}
