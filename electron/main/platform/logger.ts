export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

export interface LogRecord {
  readonly time: string;
  readonly level: LogLevel;
  readonly scope: string;
  readonly message: string;
  readonly fields?: LogFields;
}

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const secretKeyPattern = /pass(word)?|secret|token|authorization|cookie|credential/i;

const userInfoPattern = /\/\/[^/@\s]+@/g;

function redactValue(key: string, value: unknown): unknown {
  if (secretKeyPattern.test(key)) return '[redacted]';
  if (value instanceof Error) return value.message.replace(userInfoPattern, '//[redacted]@');
  if (typeof value === 'string') return value.replace(userInfoPattern, '//[redacted]@');
  if (Array.isArray(value)) return value.map((item) => redactValue('', item));
  if (value !== null && typeof value === 'object') return redact(value as LogFields);
  return value;
}

/** Secrets never reach a log line, whatever a caller passes in: by key, in arrays, or as user:password@ in URLs. */
export function redact(fields: LogFields): LogFields {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = redactValue(key, value);
  return out;
}

export function createLogger(options: {
  sink: (record: LogRecord) => void;
  minLevel?: LogLevel;
  scope?: string;
}): Logger {
  const minRank = levelRank[options.minLevel ?? 'info'];
  const scope = options.scope ?? 'earshot';
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (levelRank[level] < minRank) return;
    const record: LogRecord =
      fields === undefined
        ? { time: new Date().toISOString(), level, scope, message }
        : { time: new Date().toISOString(), level, scope, message, fields: redact(fields) };
    options.sink(record);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (childScope) => createLogger({ ...options, scope: `${scope}:${childScope}` }),
  };
}

export function formatLogRecord(record: LogRecord): string {
  const fields = record.fields === undefined ? '' : ` ${JSON.stringify(record.fields)}`;
  return `${record.time} ${record.level.toUpperCase().padEnd(5)} [${record.scope}] ${record.message}${fields}`;
}

/**
 * Keeps records in memory; tests read them to assert that bad input was logged with its reason.
 * @internal
 */
export function createMemoryLogger(): Logger & { readonly records: LogRecord[] } {
  const records: LogRecord[] = [];
  const logger = createLogger({ minLevel: 'debug', sink: (record) => records.push(record) });
  return Object.assign(logger, { records });
}
