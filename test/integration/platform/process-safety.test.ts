import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./safety-net-child.ts', import.meta.url));

async function run(budget: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, String(budget)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => process_.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => process_.once('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

test('a real Node process with the safety net survives an unhandled rejection and an uncaught exception', async () => {
  const { code, stdout, stderr } = await run(5);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, 'still running\n');
  assert.match(stderr, /rejected and nobody handled it; carrying on .*a background read failed/);
  assert.match(stderr, /An uncaught exception; carrying on .*a handler had a bug/);
});

test('past its budget of uncaught exceptions the process is asked to stop', async () => {
  const { code, stdout, stderr } = await run(1);
  assert.equal(code, 3, stderr);
  assert.match(stdout, /^fatal: 2 uncaught exceptions within 60 s/);
  assert.match(stderr, /Too many uncaught exceptions; stopping Earshot/);
});
