import { chmodSync, fchmodSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Logs, the audit trail, settings and secrets say who was monitored, what was written and where
 * the contact center is: only the supervisor's own account may read them. Folders are 0700 and
 * files 0600 however the umask is set, and a file or folder an older version left readable to
 * others is tightened when it is opened. Windows has no such modes; its user profile folders are
 * private already, and these calls change nothing there.
 */
export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const hasPosixModes = process.platform !== 'win32';

/** Creates the folder (and any missing parents) owner-only, and tightens it if it was there already. */
export function ensurePrivateDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  if (hasPosixModes) chmodSync(path, PRIVATE_DIRECTORY_MODE);
}

/** Opens (creating if need be) a file only its owner may read or write, in a private folder. */
export function openPrivateFile(path: string, flags: 'a' | 'a+' | 'w' | 'wx'): number {
  ensurePrivateDirectory(dirname(path));
  const descriptor = openSync(path, flags, PRIVATE_FILE_MODE);
  if (hasPosixModes) fchmodSync(descriptor, PRIVATE_FILE_MODE);
  return descriptor;
}

/** Tightens a file written some other way (a copy, a rename target). */
export function makePrivate(path: string): void {
  if (hasPosixModes) chmodSync(path, PRIVATE_FILE_MODE);
}
