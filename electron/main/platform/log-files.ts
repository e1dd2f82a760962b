import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { AppState } from '../../common/models/app-state';
import type { OutputSelection } from '../../common/models/voice';
import { formatLogRecord, redact, type LogLevel, type LogRecord } from './logger';
import { openPrivateFile } from './private-files';
import { generationPath, rotate } from './rotating-files';

export interface LogFilesOptions {
  /** The file written now, e.g. <userData>/logs/earshot.log; older generations sit beside it. */
  readonly filePath: string;
  readonly maxBytes?: number;
  /** Files kept, the current one included. */
  readonly maxFiles?: number;
  /** Where to say that file logging stopped; the log itself cannot say it. */
  readonly reportFailure?: (message: string) => void;
}

export interface LogFiles {
  /** A sink for createLogger: one JSON line per record. Records arrive redacted by the logger. */
  readonly sink: (record: LogRecord) => void;
  /** The last `count` records as readable lines, oldest first, across a rotation. */
  recentLines(count: number): string[];
  close(): void;
}

const defaultMaxBytes = 2 * 1024 * 1024;
const outputSelectionNotes: Readonly<Record<OutputSelection, string>> = {
  waiting: ' (the audio engine has not listed devices yet)',
  available: '',
  unavailable: ' (selection not supported)',
};
const defaultMaxFiles = 5;
/** The most that `recentLines` reads of each file, from its end. */
const tailBytes = 256 * 1024;

/**
 * Structured logs on disk: JSON lines, rotated by size. Lines are written without an fsync: an
 * application crash keeps them (they are in the OS already), and logging must never slow a call down.
 */
export function createLogFiles(options: LogFilesOptions): LogFiles {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const maxFiles = Math.max(1, options.maxFiles ?? defaultMaxFiles);
  let descriptor: number | null = null;
  let size = 0;
  let failed = false;

  const close = () => {
    if (descriptor === null) return;
    try {
      closeSync(descriptor);
    } catch {
      // Nothing more can be done with it.
    }
    descriptor = null;
  };

  const open = (): number => {
    if (descriptor !== null) return descriptor;
    descriptor = openPrivateFile(options.filePath, 'a');
    size = fstatSync(descriptor).size;
    return descriptor;
  };

  const sink = (record: LogRecord) => {
    if (failed) return;
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    try {
      if (size > 0 && size + line.length > maxBytes) {
        close();
        rotate(options.filePath, maxFiles);
      }
      const target = open();
      let written = 0;
      while (written < line.length) written += writeSync(target, line, written, line.length - written);
      size += line.length;
    } catch (error) {
      failed = true;
      close();
      options.reportFailure?.(`Earshot stopped writing its log file ${options.filePath}: ${String(error)}`);
    }
  };

  const recentLines = (count: number): string[] => {
    const lines: string[] = [];
    for (let generation = 0; generation < maxFiles && lines.length < count; generation += 1) {
      const text = readTail(generationPath(options.filePath, generation));
      if (text === null) continue;
      const records = text.split('\n').flatMap((line) => parseRecord(line) ?? []);
      lines.unshift(...records.slice(-(count - lines.length)).map(formatLogRecord));
    }
    return lines.slice(-count);
  };

  return { sink, recentLines, close };
}

/** Fans one record out to several sinks (stderr and the file); one failing sink does not stop the others. */
export function combineSinks(...sinks: ReadonlyArray<(record: LogRecord) => void>): (record: LogRecord) => void {
  return (record) => {
    for (const sink of sinks) {
      try {
        sink(record);
      } catch {
        // A sink that throws loses its own line only.
      }
    }
  };
}

function readTail(path: string): string | null {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = fstatSync(descriptor);
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const got = readSync(descriptor, buffer, read, length - read, size - length + read);
      if (got === 0) break;
      read += got;
    }
    const text = buffer.subarray(0, read).toString('utf8');
    // A tail that starts mid-file starts mid-line: drop that partial line.
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    closeSync(descriptor);
  }
}

const logLevels: ReadonlySet<string> = new Set<LogLevel>(['debug', 'info', 'warn', 'error']);

function parseRecord(line: string): LogRecord | null {
  if (line.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const { time, level, scope, message, fields } = value as Record<string, unknown>;
    if (
      typeof time !== 'string' ||
      typeof level !== 'string' ||
      !logLevels.has(level) ||
      typeof scope !== 'string' ||
      typeof message !== 'string'
    ) {
      return null;
    }
    const record: LogRecord = { time, level: level as LogLevel, scope, message };
    // Redacted again: the file may come from an older version, or have been edited.
    return typeof fields === 'object' && fields !== null
      ? { ...record, fields: redact(fields as Record<string, unknown>) }
      : record;
  } catch {
    return null;
  }
}

export interface DiagnosticsInput {
  readonly appVersion: string;
  /** "linux 6.8.0 x64", from the composition root. */
  readonly platform: string;
  /** "Electron 45.4.1 (Chrome …, Node …)" or "Node 20.19 (browser host)". */
  readonly runtime: string;
  readonly state: AppState;
  readonly logLines: readonly string[];
  /** Facts only the composition knows (settings file, remember-password support, hotkeys). */
  readonly extraLines?: readonly string[];
  readonly now: number;
}

/**
 * The text behind "Copy diagnostics": what support needs to start, and nothing secret. The app
 * state holds no credentials; server addresses lose any user:password part; log lines were redacted.
 */
export function diagnosticsText(input: DiagnosticsInput): string {
  const { state } = input;
  const session = state.session;
  const voice = state.voice;
  const lines = [
    `Earshot ${input.appVersion} diagnostics, ${new Date(input.now).toISOString()}`,
    `Platform: ${input.platform}`,
    `Runtime: ${input.runtime}`,
    '',
    `Connection: ${state.connection.status} since ${new Date(state.connection.since).toISOString()}${state.connection.message ? ` (${state.connection.message})` : ''}`,
    `Server: ${session ? `${withoutUserInfo(session.server.baseUrl)}${session.server.isDemo ? ' (demo)' : ''}` : 'not signed in'}`,
    `Supervisor: ${session ? session.supervisor.userName : '-'}`,
    `SIP registration: ${voice.sip.registration}${voice.sip.reason ? ` (${voice.sip.reason})` : ''}${voice.sip.address ? `, as ${voice.sip.address}` : ''}`,
    `Team: ${state.team.agents.length} agents${state.team.error ? `, last error: ${state.team.error.message}` : ''}`,
    `Voice: subscription ${voice.subscription ? `${voice.subscription.mode} ${voice.subscription.scope} ${voice.subscription.frequency}(${voice.subscription.status})` : 'none'}, ${voice.calls.length} live calls, heard by ${voice.audience} (${voice.calls.map((call) => `${call.kind}/${call.state}/${call.mode ?? '-'}/mic ${call.microphone}/heard by ${call.audience}`).join(', ') || '-'})`,
    `Output device: ${voice.devices.selectedOutputId ?? 'system default'}${outputSelectionNotes[voice.devices.outputSelection]}`,
    `Chat/SMS: ${state.messaging.subscriptions.length} subscriptions, ${state.messaging.conversations.length} live conversations`,
    ...(state.signInError ? [`Last sign-in error: ${state.signInError.code}: ${state.signInError.message}`] : []),
    ...(input.extraLines ?? []),
    '',
    `Last ${input.logLines.length} log lines:`,
    ...input.logLines,
  ];
  return `${lines.join('\n')}\n`;
}

function withoutUserInfo(address: string): string {
  try {
    const url = new URL(address);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return address.replace(/\/\/[^/@]*@/, '//');
  }
}
