// A strict parser and serialiser for SIP messages carried one per WebSocket frame (RFC 7118 §5).
// No npm package fits: the maintained SIP stacks are browser UAs, and the Node ones are unmaintained
// and bundle their own transports. This covers RFC 3261 §7 message syntax, which is all a registrar
// and a back-to-back UA need; header values stay strings and are interpreted where they are used.

export interface SipHeader {
  readonly name: string;
  readonly value: string;
}

interface SipMessageBase {
  readonly headers: ReadonlyArray<SipHeader>;
  readonly body: string;
}

export interface SipRequest extends SipMessageBase {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
}

export interface SipResponse extends SipMessageBase {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
}

export type SipMessage = SipRequest | SipResponse;

export class SipParseError extends Error {
  override readonly name = 'SipParseError';
}

const SIP_VERSION = 'SIP/2.0';
const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;
const REQUEST_LINE = /^([A-Za-z0-9.!%*_+`'~-]+) (\S+) SIP\/2\.0$/;
const STATUS_LINE = /^SIP\/2\.0 ([1-6]\d\d) (.*)$/;

// RFC 3261 §7.3.3 and the RFCs that added compact forms since.
const COMPACT_FORMS: Readonly<Record<string, string>> = {
  i: 'Call-ID',
  m: 'Contact',
  e: 'Content-Encoding',
  l: 'Content-Length',
  c: 'Content-Type',
  f: 'From',
  s: 'Subject',
  k: 'Supported',
  t: 'To',
  v: 'Via',
  o: 'Event',
  u: 'Allow-Events',
  r: 'Refer-To',
  b: 'Referred-By',
  x: 'Session-Expires',
};

const CANONICAL_NAMES: ReadonlyMap<string, string> = new Map(
  [
    'Call-ID',
    'CSeq',
    'WWW-Authenticate',
    'Max-Forwards',
    'Call-Info',
    'Allow-Events',
    'X-Genesys-CallUUID',
    ...Object.values(COMPACT_FORMS),
  ].map((name) => [name.toLowerCase(), name]),
);

const REQUIRED_HEADERS = ['Via', 'From', 'To', 'Call-ID', 'CSeq'] as const;

function canonicalHeaderName(raw: string): string {
  const expanded = COMPACT_FORMS[raw.toLowerCase()] ?? raw;
  const known = CANONICAL_NAMES.get(expanded.toLowerCase());
  if (known) return known;
  return expanded
    .split('-')
    .map((part) => (part.length > 0 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part))
    .join('-');
}

interface MessageHead {
  readonly startLine: string;
  readonly headers: SipHeader[];
  readonly body: string;
}

function parseHead(text: string): MessageHead {
  const headerEnd = text.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new SipParseError('no blank line after the headers');
  const lines = text.slice(0, headerEnd).split('\r\n');
  const startLine = lines.shift() ?? '';
  const headers: SipHeader[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const previous = headers.pop();
      if (!previous) throw new SipParseError('continuation line before any header');
      headers.push({ name: previous.name, value: `${previous.value} ${line.trim()}` });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new SipParseError(`malformed header line: ${JSON.stringify(line.slice(0, 80))}`);
    const rawName = line.slice(0, colon).trim();
    if (!TOKEN.test(rawName)) throw new SipParseError(`malformed header name: ${JSON.stringify(rawName)}`);
    headers.push({ name: canonicalHeaderName(rawName), value: line.slice(colon + 1).trim() });
  }
  return { startLine, headers, body: text.slice(headerEnd + 4) };
}

export function parseSipMessage(text: string): SipMessage {
  const { startLine, headers, body } = parseHead(text);

  for (const required of REQUIRED_HEADERS) {
    if (!headers.some((header) => header.name === required)) throw new SipParseError(`missing ${required} header`);
  }
  const cseq = headers.find((header) => header.name === 'CSeq')!.value;
  if (!/^\d{1,10} [A-Za-z0-9.!%*_+`'~-]+$/.test(cseq))
    throw new SipParseError(`malformed CSeq: ${JSON.stringify(cseq)}`);

  const contentLength = headers.find((header) => header.name === 'Content-Length');
  if (contentLength) {
    if (!/^\d+$/.test(contentLength.value)) throw new SipParseError(`malformed Content-Length: ${contentLength.value}`);
    const declared = Number(contentLength.value);
    const actual = Buffer.byteLength(body, 'utf8');
    if (declared !== actual) throw new SipParseError(`Content-Length ${declared} but the body has ${actual} bytes`);
  }

  const request = REQUEST_LINE.exec(startLine);
  if (request) {
    const method = request[1]!;
    const cseqMethod = cseq.split(' ')[1];
    if (cseqMethod !== method) {
      throw new SipParseError(`CSeq method ${cseqMethod} does not match ${method}`);
    }
    return { kind: 'request', method, uri: request[2]!, headers, body };
  }
  const status = STATUS_LINE.exec(startLine);
  if (status) return { kind: 'response', status: Number(status[1]), reason: status[2]!, headers, body };
  throw new SipParseError(`malformed start line: ${JSON.stringify(startLine.slice(0, 80))}`);
}

export function serializeSipMessage(message: SipMessage): string {
  const startLine =
    message.kind === 'request'
      ? `${message.method} ${message.uri} ${SIP_VERSION}`
      : `${SIP_VERSION} ${message.status} ${message.reason}`;
  const headerLines = message.headers
    .filter((header) => header.name !== 'Content-Length')
    .map((header) => `${header.name}: ${header.value}`);
  headerLines.push(`Content-Length: ${Buffer.byteLength(message.body, 'utf8')}`);
  return `${startLine}\r\n${headerLines.join('\r\n')}\r\n\r\n${message.body}`;
}

export function headerValue(message: SipMessage, name: string): string | undefined {
  return message.headers.find((header) => header.name === name)?.value;
}

export function headerValues(message: SipMessage, name: string): string[] {
  return message.headers.filter((header) => header.name === name).map((header) => header.value);
}

export function requireHeader(message: SipMessage, name: string): string {
  const value = headerValue(message, name);
  if (value === undefined) throw new SipParseError(`missing ${name} header`);
  return value;
}

export function cseqOf(message: SipMessage): { readonly number: number; readonly method: string } {
  const [number, method] = requireHeader(message, 'CSeq').split(' ');
  return { number: Number(number), method: method! };
}

/** Builds a response that copies the request's Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2). */
export function createResponse(
  request: SipRequest,
  status: number,
  reason: string,
  options: { toTag?: string; headers?: ReadonlyArray<SipHeader>; body?: string } = {},
): SipResponse {
  const copied: SipHeader[] = [];
  for (const header of request.headers) {
    if (header.name === 'Via' || header.name === 'From' || header.name === 'Call-ID' || header.name === 'CSeq') {
      copied.push(header);
    } else if (header.name === 'To') {
      const needsTag = options.toTag !== undefined && status > 100 && !/;\s*tag=/i.test(header.value);
      copied.push(needsTag ? { name: 'To', value: `${header.value};tag=${options.toTag}` } : header);
    }
  }
  return {
    kind: 'response',
    status,
    reason,
    headers: [...copied, ...(options.headers ?? [])],
    body: options.body ?? '',
  };
}

/**
 * The 400 for a request that failed to parse, when enough of it survived to address one
 * (RFC 3261 §8.2.6 needs its Via, From, To, Call-ID and CSeq); undefined otherwise.
 */
export function badRequestFor(text: string, error: SipParseError): SipResponse | undefined {
  let head: MessageHead;
  try {
    head = parseHead(text);
  } catch {
    return undefined;
  }
  const request = REQUEST_LINE.exec(head.startLine);
  if (!request || request[1] === 'ACK') return undefined;
  if (!REQUIRED_HEADERS.every((name) => head.headers.some((header) => header.name === name))) return undefined;
  const reason = `Bad Request (${error.message.replace(/[\r\n]+/g, ' ')})`;
  return createResponse(
    { kind: 'request', method: request[1]!, uri: request[2]!, headers: head.headers, body: '' },
    400,
    reason,
  );
}
