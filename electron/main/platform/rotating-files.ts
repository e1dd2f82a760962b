import { closeSync, existsSync, fsyncSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * A file that rotates by size keeps `maxFiles` generations: `audit.jsonl` (the one written now),
 * then `audit.1.jsonl` (the one before), up to `audit.<maxFiles-1>.jsonl`, the oldest.
 */
export function generationPath(path: string, generation: number): string {
  if (generation === 0) return path;
  const extension = extname(path);
  return join(dirname(path), `${basename(path, extension)}.${generation}${extension}`);
}

/** Every generation that exists, oldest first. */
export function generationsOldestFirst(path: string, maxFiles: number): string[] {
  const paths: string[] = [];
  for (let generation = maxFiles - 1; generation >= 0; generation -= 1) {
    const candidate = generationPath(path, generation);
    if (existsSync(candidate)) paths.push(candidate);
  }
  return paths;
}

/**
 * Shifts every generation one up and drops the oldest. Renames go from the oldest down, so a crash
 * half-way leaves a gap in the numbering, never two files with one name: no line is lost or reordered.
 */
export function rotate(path: string, maxFiles: number): void {
  const oldest = generationPath(path, maxFiles - 1);
  if (existsSync(oldest)) unlinkSync(oldest);
  for (let generation = maxFiles - 2; generation >= 0; generation -= 1) {
    const from = generationPath(path, generation);
    if (existsSync(from)) renameSync(from, generationPath(path, generation + 1));
  }
  syncDirectory(dirname(path));
}

/** Makes renames durable where the platform allows it (Windows cannot open a folder for syncing). */
export function syncDirectory(directory: string): void {
  let descriptor: number | null = null;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Best effort: the rename itself has happened either way.
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

/** A timestamp that is safe in file names on every platform (no colons). */
export function fileTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:.]/g, '-');
}
