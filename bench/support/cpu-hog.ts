import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Busy-loop processes beside a benchmark, as a loaded machine would have: each spins one CPU until
 * stopped (by its own PID), and at most `seconds` in any case, so none outlives a crashed bench.
 */
export function startCpuHog(processes: number, seconds: number): { stop(): Promise<void> } {
  const children: ChildProcess[] = [];
  for (let index = 0; index < processes; index += 1) {
    const script = `const end = Date.now() + ${Math.round(seconds * 1000)}; while (Date.now() < end) {}`;
    children.push(spawn(process.execPath, ['-e', script], { stdio: 'ignore' }));
  }
  return {
    async stop() {
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
          await exited;
        }),
      );
    },
  };
}
