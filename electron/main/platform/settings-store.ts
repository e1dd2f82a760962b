import { closeSync, copyFileSync, fsyncSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import {
  SETTINGS_VERSION,
  defaultSettings,
  settingsSchema,
  type Settings,
  type SettingsNotice,
} from '../../common/models/settings';
import { hotkeyLabels } from '../../common/models/hotkey-labels';
import { err, ok, type Result } from '../../common/result';
import { hotkeyProblems, normalizeHotkeys } from './hotkeys';
import type { Logger } from './logger';
import { makePrivate, openPrivateFile } from './private-files';
import { fileTimestamp, syncDirectory } from './rotating-files';

/** Brings a file written by an older Earshot one version up (`from` → `from + 1`). */
export interface SettingsMigration {
  readonly from: number;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/** Version 1 is the first shape; each later version adds its step here. */
export const settingsMigrations: readonly SettingsMigration[] = [];

export interface SettingsStoreOptions {
  /** The user-data folder; the file is settings.json in it. */
  readonly directory: string;
  readonly logger: Logger;
  /** For hotkeys: what a chord means differs on a Mac. */
  readonly platform?: string;
  readonly now?: () => number;
  readonly migrations?: readonly SettingsMigration[];
}

export interface SettingsStore {
  readonly filePath: string;
  get(): Settings;
  /** Why the file on disk could not be used as it was; null when it could. */
  notice(): SettingsNotice | null;
  dismissNotice(): void;
  /** Validates, saves (write a temporary file, then rename) and only then makes the change current. */
  update(change: (settings: Settings) => Settings): Result<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

export const SETTINGS_FILE_NAME = 'settings.json';

interface Loaded {
  readonly settings: Settings;
  readonly notice: SettingsNotice | null;
  /** The file should be written again: migrated, or it held what settings never keep. */
  readonly rewrite: boolean;
}

/** Reads the settings at start-up. Whatever is on disk, this returns usable settings and never throws. */
export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const filePath = join(options.directory, SETTINGS_FILE_NAME);
  const now = options.now ?? Date.now;
  const platform = options.platform ?? process.platform;
  const logger = options.logger;
  const loaded = loadSettings(filePath, { now, logger, migrations: options.migrations ?? settingsMigrations });
  let current = loaded.settings;
  let notice = loaded.notice;
  const listeners = new Set<(settings: Settings) => void>();

  if (loaded.rewrite) {
    const saved = save(filePath, current);
    if (!saved.ok) logger.warn('Could not rewrite the settings file after reading it', { reason: saved.error.detail });
  }

  return {
    filePath,
    get: () => current,
    notice: () => notice,
    dismissNotice: () => {
      notice = null;
    },
    update(change) {
      const proposed = change(current);
      const parsed = settingsSchema.safeParse({ ...proposed, hotkeys: normalizeHotkeys(proposed.hotkeys) });
      if (!parsed.success)
        return err(
          'invalid-input',
          parsed.error.issues.map((issue) => issue.message).join(' '),
          issuesText(parsed.error),
        );
      const next = parsed.data;
      const problems = hotkeyProblems(next.hotkeys, platform);
      // A hotkey that was already there is reported in the settings view, not held against other changes.
      const newProblems = Object.entries(problems).filter(
        ([action]) =>
          next.hotkeys[action as keyof typeof next.hotkeys] !== current.hotkeys[action as keyof typeof current.hotkeys],
      );
      if (newProblems.length > 0) {
        return err(
          'invalid-input',
          newProblems
            .map(([action, problem]) => `${hotkeyLabels[action as keyof typeof hotkeyLabels]}: ${problem}`)
            .join(' '),
        );
      }
      const saved = save(filePath, next);
      if (!saved.ok) return saved;
      current = next;
      for (const listener of listeners) {
        try {
          listener(current);
        } catch (error) {
          logger.error('A settings listener failed', { error });
        }
      }
      return ok(current);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function loadSettings(
  filePath: string,
  context: { now: () => number; logger: Logger; migrations: readonly SettingsMigration[] },
): Loaded {
  const { logger } = context;
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: defaultSettings(), notice: null, rewrite: false };
    return setAside(
      filePath,
      `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      context,
    );
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return setAside(filePath, `it is not valid JSON: ${(error as Error).message}`, context);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return setAside(filePath, 'it does not hold settings', context);

  let record = raw as Record<string, unknown>;
  // A file written by hand may leave the version out; it is read as the current shape.
  const version = record.version ?? SETTINGS_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return setAside(filePath, `its version (${JSON.stringify(version)}) is not one Earshot writes`, context);
  }
  if (version > SETTINGS_VERSION) {
    return setAside(
      filePath,
      `a newer Earshot wrote it (settings version ${version}; this one reads up to ${SETTINGS_VERSION})`,
      context,
      `v${version}`,
    );
  }

  const migrated = version < SETTINGS_VERSION;
  if (migrated) {
    try {
      for (let from = version; from < SETTINGS_VERSION; from += 1) {
        const step = context.migrations.find((migration) => migration.from === from);
        if (!step) throw new Error(`no upgrade from settings version ${from}`);
        record = { ...step.migrate(record), version: from + 1 };
      }
    } catch (error) {
      return setAside(
        filePath,
        `it could not be upgraded from version ${version}: ${(error as Error).message}`,
        context,
      );
    }
  }

  const parsed = settingsSchema.safeParse({ ...record, version: SETTINGS_VERSION });
  if (!parsed.success) return setAside(filePath, `some values are not valid (${issuesText(parsed.error)})`, context);

  if (migrated) {
    const copy = keepCopy(filePath, `v${version}`, context.now());
    logger.info('Settings upgraded', { from: version, to: SETTINGS_VERSION, previousFile: copy });
  }
  // Anything settings never keep (a password typed into the file by hand) goes when the file is written back.
  const rewrite = migrated || JSON.stringify(parsed.data) !== JSON.stringify({ ...record, version: SETTINGS_VERSION });
  return { settings: parsed.data, notice: null, rewrite };
}

/** Moves the unusable file aside, so saving the defaults never destroys what the supervisor had. */
function setAside(
  filePath: string,
  reason: string,
  context: { now: () => number; logger: Logger },
  label = 'broken',
): Loaded {
  const keptAs = `${filePath}.${label}-${fileTimestamp(context.now())}`;
  let kept: string | null = keptAs;
  try {
    renameSync(filePath, keptAs);
    makePrivate(keptAs);
  } catch (error) {
    kept = null;
    context.logger.error('Could not move the unusable settings file aside', { reason: String(error) });
  }
  context.logger.warn('Settings file unusable; using defaults', { reason, keptAs: kept });
  const where = kept
    ? `The old file is kept as ${basename(kept)} in ${dirname(kept)}; open it to copy your servers back in Settings.`
    : `The old file could not be moved aside and will be replaced when you change a setting; copy it now if you need it (${filePath}).`;
  return {
    settings: defaultSettings(),
    notice: {
      message: `Earshot could not use its settings file because ${reason}. It started with default settings. ${where}`,
      keptAs: kept,
    },
    rewrite: false,
  };
}

function keepCopy(filePath: string, label: string, now: number): string | null {
  const copy = `${filePath}.${label}-${fileTimestamp(now)}`;
  try {
    copyFileSync(filePath, copy);
    makePrivate(copy);
    return copy;
  } catch {
    return null;
  }
}

function save(filePath: string, settings: Settings): Result<null> {
  const temporary = `${filePath}.tmp`;
  try {
    const descriptor = openPrivateFile(temporary, 'w');
    try {
      writeSync(descriptor, `${JSON.stringify(settings, null, 2)}\n`);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, filePath);
    syncDirectory(dirname(filePath));
    return ok(null);
  } catch (error) {
    return err(
      'internal',
      `Earshot could not save your settings to ${filePath}. Check that the folder is writable and the disk is not full.`,
      String(error),
    );
  }
}

/** The first few problems, each with where it is in the file: "servers.profiles.0.gwsUrl: Enter the server address…". */
function issuesText(error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${issues.join('; ')}${more}`;
}
