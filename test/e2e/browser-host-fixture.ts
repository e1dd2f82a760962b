import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface EarshotHost {
  /** The UI page of the browser edition. */
  readonly url: string;
  /** The demo contact center (GWS) base URL, for signing in as to a real server. */
  readonly gwsUrl: string;
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  readonly logs: string[];
}

/** Starts `out/browser-host/index.js` (run `npm run build` first) and reads its addresses from stdout. */
async function startHost(): Promise<{ host: EarshotHost; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/browser-host/index.js', '--port', '0', '--demo-control-api'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const host: EarshotHost = {
    url: found.url!,
    gwsUrl: controlUrl.replace(/\/control$/, ''),
    logs,
    async control(method, path, body) {
      const response = await fetch(`${controlUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
  };
  return { host, child };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ earshot: EarshotHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  earshot: async ({}, use) => {
    const { host, child } = await startHost();
    try {
      await use(host);
    } finally {
      await stopHost(child);
    }
  },
});

export { expect };

export async function signInToDemo(page: Page, earshot: EarshotHost): Promise<void> {
  await page.goto(earshot.url);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByTestId('team-table')).toBeVisible();
}

/** Screenshots go to test-results/ on every run, and to docs/ (committed) with EARSHOT_UPDATE_DOCS=1. */
export function screenshotPath(name: string): string {
  return process.env.EARSHOT_UPDATE_DOCS === '1' ? `docs/${name}` : `test-results/${name}`;
}
