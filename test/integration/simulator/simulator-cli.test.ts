// The standalone demo contact center (npm run simulator): its switches reach the running simulator.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { callControl } from '../../support/simulator-control';

const cli = 'electron/simulator/cli.ts';

function startCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

interface Banner {
  baseUrl: string;
  controlToken: string;
}

/** The base URL and control token from the banner, or a failure with what the CLI said, within 30 s. */
function bannerOf(child: ChildProcess): Promise<Banner> {
  const said: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => said.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 30 s:\n${said.join('')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}:\n${said.join('')}`)));
    let baseUrl: string | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      said.push(line);
      baseUrl ??= /GWS base URL : (\S+)/.exec(line)?.[1];
      const controlToken = /Authorization: Bearer ([\w-]+)/.exec(line)?.[1];
      if (baseUrl && controlToken) {
        clearTimeout(timer);
        resolve({ baseUrl, controlToken });
      }
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const done = exited(child);
  process.kill(child.pid, 'SIGTERM');
  await done;
}

describe('simulator CLI', { timeout: 90_000 }, () => {
  test('--intrusion off starts with BargeIn waiting for the next call; the default is on', async () => {
    for (const [args, expected] of [
      [['--intrusion', 'off'], false],
      [[], true],
    ] as const) {
      const child = startCli(args);
      try {
        const { baseUrl, controlToken } = await bannerOf(child);
        const voice = (await callControl(baseUrl, 'GET', '/voice', undefined, controlToken)) as {
          intrusionEnabled: boolean;
        };
        assert.equal(voice.intrusionEnabled, expected, args.join(' '));
      } finally {
        await stop(child);
      }
    }
  });

  test('--intrusion takes only on or off', async () => {
    const child = startCli(['--intrusion', 'sometimes']);
    const said: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => said.push(chunk.toString()));
    try {
      assert.equal(await exited(child), 2);
      assert.match(said.join(''), /--intrusion must be on or off/);
    } finally {
      await stop(child);
    }
  });
});
