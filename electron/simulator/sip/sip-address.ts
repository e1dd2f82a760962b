// name-addr / addr-spec values (From, To, Contact) and SIP URIs, RFC 3261 §19.1 and §20.10.
import { SipParseError } from './sip-message';

export interface NameAddress {
  readonly displayName?: string;
  readonly uri: string;
  /** Header parameters (tag, expires, +sip.instance …); a parameter without a value maps to ''. */
  readonly params: ReadonlyMap<string, string>;
}

export interface SipUri {
  readonly scheme: 'sip' | 'sips';
  readonly user?: string;
  readonly host: string;
  readonly port?: number;
  readonly params: ReadonlyMap<string, string>;
}

/** Splits on `separator` where it is outside double quotes and angle brackets. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted && char === '\\') {
      current += char + (text[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (char === '"' && !angled) quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if (char === separator && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) throw new SipParseError(`unterminated quoted string in ${JSON.stringify(text.slice(0, 80))}`);
  parts.push(current);
  return parts;
}

/** Splits a header that may carry several comma-separated values (Contact, Via, Route). */
export function splitHeaderList(value: string): string[] {
  return splitOutside(value, ',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text;
}

export function parseParams(segments: ReadonlyArray<string>): Map<string, string> {
  const params = new Map<string, string>();
  for (const segment of segments) {
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const equals = trimmed.indexOf('=');
    const name = (equals < 0 ? trimmed : trimmed.slice(0, equals)).trim().toLowerCase();
    if (!/^[A-Za-z0-9.!%*_+`'~-]+$/.test(name))
      throw new SipParseError(`malformed parameter ${JSON.stringify(trimmed)}`);
    params.set(name, equals < 0 ? '' : unquote(trimmed.slice(equals + 1).trim()));
  }
  return params;
}

export function parseNameAddress(value: string): NameAddress {
  const text = value.trim();
  const open = findUnquoted(text, '<');
  if (open >= 0) {
    const close = text.indexOf('>', open);
    if (close < 0) throw new SipParseError(`unterminated <uri> in ${JSON.stringify(text.slice(0, 80))}`);
    const displayName = unquote(text.slice(0, open).trim());
    const uri = text.slice(open + 1, close).trim();
    if (uri.length === 0) throw new SipParseError('empty <uri>');
    const rest = text.slice(close + 1).trim();
    if (rest.length > 0 && !rest.startsWith(';'))
      throw new SipParseError(`unexpected text after <uri>: ${JSON.stringify(rest)}`);
    const params = parseParams(splitOutside(rest, ';'));
    return displayName.length > 0 ? { displayName, uri, params } : { uri, params };
  }
  const [uri = '', ...paramSegments] = splitOutside(text, ';');
  if (uri.trim().length === 0 || /\s/.test(uri.trim()))
    throw new SipParseError(`malformed address ${JSON.stringify(text.slice(0, 80))}`);
  return { uri: uri.trim(), params: parseParams(paramSegments) };
}

function findUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const current = text[index];
    if (quoted && current === '\\') {
      index += 1;
      continue;
    }
    if (current === '"') quoted = !quoted;
    else if (current === char && !quoted) return index;
  }
  return -1;
}

export function parseSipUri(uri: string): SipUri {
  const match = /^(sips?):(?:([^@;?]+)@)?([^;?:]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?((?:;[^?]*)?)(?:\?.*)?$/i.exec(
    uri.trim(),
  );
  if (!match) throw new SipParseError(`not a SIP URI: ${JSON.stringify(uri.slice(0, 80))}`);
  const userInfo = match[2];
  const user = userInfo === undefined ? undefined : decodeURIComponent(userInfo.split(':')[0]!);
  return {
    scheme: match[1]!.toLowerCase() as 'sip' | 'sips',
    ...(user === undefined ? {} : { user }),
    host: match[3]!.toLowerCase(),
    ...(match[4] === undefined ? {} : { port: Number(match[4]) }),
    params: parseParams(splitOutside(match[5] ?? '', ';')),
  };
}

function quoteIfNeeded(value: string): string {
  return /^[A-Za-z0-9.!%*_+`'~:[\]-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

export function formatNameAddress(address: {
  displayName?: string;
  uri: string;
  params?: ReadonlyMap<string, string>;
}): string {
  const display = address.displayName ? `"${address.displayName.replace(/(["\\])/g, '\\$1')}" ` : '';
  const params = [...(address.params ?? new Map<string, string>())]
    .map(([name, value]) => (value === '' ? `;${name}` : `;${name}=${quoteIfNeeded(value)}`))
    .join('');
  return `${display}<${address.uri}>${params}`;
}
