import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The PID of this process's child whose command line contains `commandPart`. The shared host
 * launcher keeps its child to itself, so the process table is the way to find it (ps on Linux
 * and macOS both take these options).
 */
export async function findChildPid(commandPart: string): Promise<number> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,args=']);
  for (const line of stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[2]) === process.pid && match[3]!.includes(commandPart)) return Number(match[1]);
  }
  throw new Error(`no child process of ${process.pid} runs ${commandPart}`);
}

/** Resident set size in bytes, as ps reports it (KiB). */
export async function residentSetBytes(pid: number): Promise<number> {
  const { stdout } = await run('ps', ['-o', 'rss=', '-p', String(pid)]);
  const kib = Number(stdout.trim());
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`ps gave no RSS for ${pid}: ${stdout}`);
  return kib * 1024;
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
