/**
 * Reads the two headers a contact center puts on a monitoring INVITE. Pure string parsing, so it runs
 * in unit tests without JsSIP.
 */

const MAX_CALL_UUID_LENGTH = 128;

/** X-Genesys-CallUUID is opaque to us; anything blank or absurdly long counts as absent. */
export function parseGenesysCallUuid(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length === 0 || trimmed.length > MAX_CALL_UUID_LENGTH) return null;
  return trimmed;
}

/**
 * Call-Info: <sip:host>;answer-after=N asks the phone to answer by itself after N seconds. Each
 * header line may hold several comma-separated values; the first valid answer-after wins.
 */
export function parseAnswerAfter(callInfoLines: readonly string[]): number | null {
  for (const line of callInfoLines) {
    for (const value of splitHeaderValues(line)) {
      const seconds = answerAfterParameter(value);
      if (seconds !== null) return seconds;
    }
  }
  return null;
}

/** Splits on commas that are outside <…> and "…", as RFC 3261 header lists require. */
export function splitHeaderValues(line: string): string[] {
  const values: string[] = [];
  let current = '';
  let inAngle = false;
  let inQuote = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (inQuote) {
      if (char === '\\' && index + 1 < line.length) {
        current += char + line[index + 1];
        index += 1;
        continue;
      }
      if (char === '"') inQuote = false;
    } else if (char === '"') {
      inQuote = true;
    } else if (char === '<') {
      inAngle = true;
    } else if (char === '>') {
      inAngle = false;
    } else if (char === ',' && !inAngle) {
      values.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim().length > 0) values.push(current.trim());
  return values;
}

function answerAfterParameter(value: string): number | null {
  const closing = value.lastIndexOf('>');
  const parameters = (closing >= 0 ? value.slice(closing + 1) : value).split(';').slice(closing >= 0 ? 1 : 0);
  for (const parameter of parameters) {
    const [name, raw] = parameter.split('=', 2).map((part) => part.trim());
    if (name?.toLowerCase() !== 'answer-after' || raw === undefined) continue;
    const unquoted = raw.replace(/^"(.*)"$/, '$1');
    if (!/^\d{1,5}$/.test(unquoted)) continue;
    return Number(unquoted);
  }
  return null;
}
