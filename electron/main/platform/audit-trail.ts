import { closeSync, fstatSync, fsyncSync, readSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  auditEntrySchema,
  type AuditEntry,
  type AuditExport,
  type AuditFilter,
  type AuditPage,
  type AuditQuery,
} from '../../common/models/audit';
import { err, ok, type Result } from '../../common/result';
import { openPrivateFile } from './private-files';
import { generationsOldestFirst, rotate, syncDirectory } from './rotating-files';

export interface AuditTrailOptions {
  /** The file written now, e.g. <userData>/audit/audit.jsonl; older generations sit beside it. */
  readonly filePath: string;
  /** A file is rotated before a line would take it past this size. */
  readonly maxBytes?: number;
  /** Files kept, the current one included; the oldest is deleted on rotation. */
  readonly maxFiles?: number;
  readonly now?: () => number;
}

// About 9,000 actions a file: a busy supervisor's month. Ten files stay quick to browse.
const defaultMaxBytes = 2 * 1024 * 1024;
const defaultMaxFiles = 10;
/** Lines parsed between two turns of the event loop, so browsing never stalls main for long. */
const linesPerTurn = 2_000;

interface Loaded {
  /** Oldest first. */
  readonly entries: AuditEntry[];
  unreadableLines: number;
}

/**
 * The local audit trail: one JSON line per supervisor action. Each line is written and flushed to
 * disk (fsync) before `append` returns, so a crash loses nothing that was acknowledged; a line cut
 * short by a crash is skipped on reading and the next one starts on a line of its own.
 * Appends are synchronous on purpose: actions are a few a minute, and a queue would be lost in a crash.
 */
export class AuditTrail {
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly now: () => number;
  private descriptor: number | null = null;
  private size = 0;
  /** Everything in the kept files, read once; appends join it, rotations that delete a file reset it. */
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  /** Bumped by every append and rotation, so a read that raced one is not kept. */
  private changes = 0;
  /** Entries appended since this trail was opened, numbering them for `onAppend` and `readEntries`. */
  private appended = 0;
  private readonly appendListeners = new Set<(entry: AuditEntry, sequence: number) => void>();

  constructor(private readonly options: AuditTrailOptions) {
    this.maxBytes = options.maxBytes ?? defaultMaxBytes;
    this.maxFiles = Math.max(1, options.maxFiles ?? defaultMaxFiles);
    this.now = options.now ?? Date.now;
  }

  get filePath(): string {
    return this.options.filePath;
  }

  append(entry: AuditEntry): Result<null> {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    try {
      const descriptor = this.open();
      if (this.size > 0 && this.size + line.length > this.maxBytes) {
        this.close();
        this.changes += 1;
        rotate(this.options.filePath, this.maxFiles);
        // The oldest file may be gone now; read again when next asked.
        this.loaded = null;
        return this.append(entry);
      }
      writeFully(descriptor, line);
      fsyncSync(descriptor);
      this.size += line.length;
    } catch (error) {
      this.close();
      return err(
        'internal',
        'Earshot could not write to the audit trail. Check that the disk is not full.',
        String(error),
      );
    }
    this.changes += 1;
    this.appended += 1;
    this.loaded?.entries.push(entry);
    for (const listener of this.appendListeners) listener(entry, this.appended);
    return ok(null);
  }

  /** Each entry once it is on disk, with its number (1 for the first appended since the trail was opened). */
  onAppend(listener: (entry: AuditEntry, sequence: number) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /**
   * Every kept entry, oldest first, and the number of the last appended entry among them: what
   * `onAppend` reports after it is not in this answer, so a reader can follow the trail without a
   * gap or a line twice. Reads the files once, yielding to the event loop as `list` does.
   */
  async readEntries(): Promise<{ readonly entries: readonly AuditEntry[]; readonly through: number }> {
    for (;;) {
      const loaded = await this.load();
      // Only the kept read has every append so far (each joins it); one that raced an append or a
      // rotation is read again. Appends come a few a minute, so this settles at once.
      if (loaded === this.loaded) return { entries: [...loaded.entries], through: this.appended };
    }
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<AuditPage> {
    const loaded = await this.load();
    const matching = loaded.entries.filter(matcher(query));
    const newestFirst = matching.reverse();
    return {
      entries: newestFirst.slice(query.offset, query.offset + query.limit),
      total: newestFirst.length,
      offset: query.offset,
      unreadableLines: loaded.unreadableLines,
    };
  }

  /** Oldest first, as a spreadsheet reads a log. */
  async exportCsv(filter: AuditFilter): Promise<AuditExport> {
    const entries = (await this.load()).entries.filter(matcher(filter));
    return {
      fileName: `earshot-audit-${new Date(this.now()).toISOString().slice(0, 10)}.csv`,
      csv: auditCsv(entries),
      rows: entries.length,
    };
  }

  close(): void {
    if (this.descriptor === null) return;
    try {
      closeSync(this.descriptor);
    } catch {
      // Already unusable; the next append opens the file again.
    }
    this.descriptor = null;
  }

  private open(): number {
    if (this.descriptor !== null) return this.descriptor;
    const descriptor = openPrivateFile(this.options.filePath, 'a+');
    const { size } = fstatSync(descriptor);
    this.descriptor = descriptor;
    this.size = size;
    if (size === 0) {
      // A new file: make its directory entry durable too.
      syncDirectory(dirname(this.options.filePath));
    } else if (lastByte(descriptor, size) !== 0x0a) {
      // The previous run died mid-line: close that line so the next entry stands on its own.
      writeFully(descriptor, Buffer.from('\n'));
      fsyncSync(descriptor);
      this.size += 1;
    }
    return descriptor;
  }

  private load(): Promise<Loaded> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= this.readAll().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async readAll(): Promise<Loaded> {
    for (let attempt = 1; ; attempt += 1) {
      const changes = this.changes;
      const loaded = await readGenerations(generationsOldestFirst(this.options.filePath, this.maxFiles));
      if (changes === this.changes) {
        this.loaded = loaded;
        return loaded;
      }
      // Written to while being read: good enough for this answer after a few tries, not worth keeping.
      if (attempt >= 3) return loaded;
    }
  }
}

async function readGenerations(paths: readonly string[]): Promise<Loaded> {
  const loaded: Loaded = { entries: [], unreadableLines: 0 };
  let parsed = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      parsed += 1;
      if (parsed % linesPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
      const entry = parseLine(line);
      if (entry) loaded.entries.push(entry);
      else loaded.unreadableLines += 1;
    }
  }
  return loaded;
}

function parseLine(line: string): AuditEntry | null {
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeFully(descriptor: number, buffer: Buffer): void {
  let written = 0;
  while (written < buffer.length) written += writeSync(descriptor, buffer, written, buffer.length - written);
}

function lastByte(descriptor: number, size: number): number | undefined {
  const buffer = Buffer.alloc(1);
  readSync(descriptor, buffer, 0, 1, size - 1);
  return buffer[0];
}

function matcher(filter: AuditFilter): (entry: AuditEntry) => boolean {
  const agent = filter.agent?.toLowerCase() || null;
  const text = filter.text?.toLowerCase() || null;
  return (entry) => {
    if (filter.channel && entry.channel !== filter.channel) return false;
    if (filter.kind && entry.kind !== filter.kind) return false;
    if (filter.from !== undefined || filter.to !== undefined) {
      const time = Date.parse(entry.time);
      if (filter.from !== undefined && time < filter.from) return false;
      if (filter.to !== undefined && time >= filter.to) return false;
    }
    if (agent && entry.agentId?.toLowerCase() !== agent && !entry.agentName?.toLowerCase().includes(agent))
      return false;
    if (
      text &&
      ![entry.interactionId, entry.text, entry.detail, entry.otherParty].some((value) =>
        value?.toLowerCase().includes(text),
      )
    )
      return false;
    return true;
  };
}

const csvColumns: ReadonlyArray<readonly [string, (entry: AuditEntry) => string | null]> = [
  ['Time (UTC)', (entry) => entry.time],
  ['Supervisor', (entry) => entry.supervisor],
  ['Action', (entry) => entry.kind],
  ['Channel', (entry) => entry.channel],
  ['Mode', (entry) => entry.mode],
  ['Agent', (entry) => entry.agentName],
  ['Agent ID', (entry) => entry.agentId],
  ['With', (entry) => entry.otherParty],
  ['Interaction ID', (entry) => entry.interactionId],
  ['Ending', (entry) => entry.ending],
  ['Transferred to', (entry) => entry.transferredTo],
  ['Text', (entry) => entry.text],
  ['Detail', (entry) => entry.detail],
];

/**
 * RFC 4180 CSV with CRLF line ends and a byte-order mark, so spreadsheets read names with accents
 * right. Cells a spreadsheet would run as a formula (a message that starts with "=") get a leading quote.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [csvColumns.map(([title]) => csvField(title))];
  for (const entry of entries) rows.push(csvColumns.map(([, value]) => csvField(value(entry))));
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
