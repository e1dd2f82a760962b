import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { callControl } from './simulator-control';

export interface BrowserHostProcess {
  /** The UI page of the browser edition. */
  readonly url: string;
  /** The media host page (the audio engine). */
  readonly mediaUrl: string;
  /** The demo contact center (GWS) base URL, for signing in as to a real server. */
  readonly gwsUrl: string;
  readonly logs: string[];
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts `out/browser-host/index.js` (run `npm run build` first) with the demo's control API and
 * reads its addresses from stdout. Used by the e2e specs and the benchmarks.
 */
export async function startBrowserHostProcess(
  extraArgs: readonly string[] = [],
  options: { dataDirectory?: string } = {},
): Promise<BrowserHostProcess> {
  // Each host gets its own settings, logs and audit trail, so no run sees another's choices,
  // unless the caller hands in a folder to see what survives a restart.
  const ownDirectory = options.dataDirectory === undefined;
  const dataDirectory = options.dataDirectory ?? mkdtempSync(join(tmpdir(), 'earshot-host-'));
  const child = spawn(
    process.execPath,
    ['out/browser-host/index.js', '--port', '0', '--demo-control-api', '--data-dir', dataDirectory, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const found: { url?: string; control?: string } = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start in 20 s:\n${logs.join('')}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${logs.join('')}`)));
    lines.on('line', (line) => {
      logs.push(line);
      found.url ??= /running at (\S+)/.exec(line)?.[1];
      found.control ??= /control API at (\S+)/.exec(line)?.[1];
      if (found.url && found.control) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const controlUrl = found.control!;
  return {
    url: found.url!,
    mediaUrl: `${found.url!}media/`,
    gwsUrl: controlUrl.replace(/\/control$/, ''),
    logs,
    control: (method, path, body) => callControl(controlUrl.replace(/\/control$/, ''), method, path, body),
    stop: async () => {
      await stopChild(child);
      if (ownDirectory) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
