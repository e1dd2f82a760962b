/**
 * URI encoding and decoding that never throw. `decodeURIComponent` throws on a malformed `%` escape
 * and `encodeURIComponent` on a lone UTF-16 surrogate; both can arrive from a server, and a throw
 * inside a schema refinement makes `safeParse` throw instead of failing.
 */

/** In a `u` regex a surrogate range matches only surrogates that are not half of a pair. */
const loneSurrogate = /[\uD800-\uDFFF]/u;

/** Whether the text is well-formed Unicode (no lone surrogates), so it can be encoded as UTF-8. */
export function isWellFormedText(text: string): boolean {
  return !loneSurrogate.test(text);
}

/** The decoded text, or null where an escape is malformed or decodes to no valid UTF-8. */
export function decodeUriComponentOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Encodes for a URL path segment; a lone surrogate becomes U+FFFD instead of throwing. */
export function encodeUriComponentSafely(text: string): string {
  return encodeURIComponent(isWellFormedText(text) ? text : text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
}
