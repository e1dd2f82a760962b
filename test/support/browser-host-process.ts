import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { callControl } from './simulator-control';

export interface BrowserHostProcess {
  /** The UI page of the browser edition, with this launch's key (it works for the whole launch). */
  readonly url: string;
  /** The media host page (the audio engine), with its own key. */
  readonly mediaUrl: string;
  /** Where the UI page lives once a browser holds its key (http://127.0.0.1:<port>). */
  readonly uiOrigin: string;
  /** Where the media page lives, another origin (another port). */
  readonly mediaOrigin: string;
  /** The demo contact center (GWS) base URL, for signing in as to a real server. */
  readonly gwsUrl: string;
  readonly logs: string[];
  /** The host's own log file (every level it writes, unlike stderr), while the host's folder exists. */
  readLogFile(): string;
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts `out/browser-host/index.js` (run `npm run build` first) with the demo's control API and
 * reads its addresses, with their keys, and the control API's token from stdout, the only place the
 * host prints them. Used by the e2e specs and the benchmarks.
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
  child.on('exit', (code, signal) => logs.push(`the browser host exited (code ${code}, signal ${signal})`));
  const lines = createInterface({ input: child.stdout! });
  const found: { url?: string; mediaUrl?: string; control?: string; token?: string } = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start in 20 s:\n${logs.join('')}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${logs.join('')}`)));
    lines.on('line', (line) => {
      logs.push(line);
      found.url ??= /running at (\S+)/.exec(line)?.[1];
      found.mediaUrl ??= /media host\) page is (\S+)/.exec(line)?.[1];
      const control = /control API at (\S+) \(Authorization: Bearer (\S+)\)/.exec(line);
      if (control) {
        found.control = control[1];
        found.token = control[2];
      }
      if (found.url && found.mediaUrl && found.control) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const controlUrl = found.control!;
  return {
    url: found.url!,
    mediaUrl: found.mediaUrl!,
    uiOrigin: new URL(found.url!).origin,
    mediaOrigin: new URL(found.mediaUrl!).origin,
    gwsUrl: controlUrl.replace(/\/control$/, ''),
    logs,
    readLogFile: () => {
      const file = join(dataDirectory, 'logs', 'earshot.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    },
    control: (method, path, body) => callControl(controlUrl.replace(/\/control$/, ''), method, path, body, found.token),
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
