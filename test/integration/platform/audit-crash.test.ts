import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { auditQuerySchema } from '../../../electron/common/models/audit';
import { AuditTrail } from '../../../electron/main/platform/audit-trail';

const child = fileURLToPath(new URL('./audit-writer-child.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'earshot-audit-crash-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Runs the writer until it has acknowledged `acks` lines from `start`, then kills it with SIGKILL
 * (no exit handlers, no flushing). Returns every index it acknowledged, including those still in
 * the pipe when it died.
 */
async function writeThenKill(filePath: string, start: number, acks: number, maxBytes: number): Promise<number[]> {
  const writer = spawn(process.execPath, ['--import', 'tsx', child, filePath, String(start), String(maxBytes)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: number[] = [];
  let stderr = '';
  let pending = '';
  writer.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  writer.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) acknowledged.push(Number(line));
    if (acknowledged.length >= acks && writer.signalCode === null) writer.kill('SIGKILL');
  });
  const timer = setTimeout(() => writer.kill('SIGKILL'), 30_000);
  try {
    // 'close' comes once the process is gone and its pipes are read to the end.
    const [code, signal] = (await new Promise((resolve) => writer.once('close', (...result) => resolve(result)))) as [
      number | null,
      string | null,
    ];
    assert.equal(signal, 'SIGKILL', `the writer exited by itself (${code}); stderr: ${stderr}`);
    assert.ok(
      acknowledged.length >= acks,
      `the writer acknowledged only ${acknowledged.length} lines in 30 s; stderr: ${stderr}`,
    );
  } finally {
    clearTimeout(timer);
  }
  return acknowledged;
}

test('killing the audit writer mid-stream loses no acknowledged line, across rotations and restarts', async () => {
  const filePath = join(folder, 'audit.jsonl');
  // Small files, so kills land during rotations too.
  const maxBytes = 4_096;
  const acknowledged: number[] = [];
  let start = 0;
  for (let round = 0; round < 3; round += 1) {
    const acks = await writeThenKill(filePath, start, 150 + round * 70, maxBytes);
    assert.deepEqual(
      acks,
      Array.from({ length: acks.length }, (_, index) => start + index),
      'acknowledged in order',
    );
    acknowledged.push(...acks);
    const trail = new AuditTrail({ filePath, maxFiles: 200 });
    const page = await trail.list(auditQuerySchema.parse({ limit: 1 }));
    const newestFirst: number[] = [];
    for (let offset = 0; offset < page.total; offset += 500) {
      const { entries } = await trail.list(auditQuerySchema.parse({ offset, limit: 500 }));
      newestFirst.push(...entries.map((entry) => Number(entry.interactionId?.replace('chat-', ''))));
    }
    const written = newestFirst.reverse();
    trail.close();

    // Every acknowledged line is there, in order; beyond them at most the one whose acknowledgement the kill cut off.
    assert.deepEqual(
      written.slice(0, acknowledged.length),
      acknowledged,
      `round ${round}: in order, no gaps, no duplicates`,
    );
    assert.ok(
      written.length <= acknowledged.length + 1,
      `round ${round}: ${written.length} lines for ${acknowledged.length} acknowledged`,
    );
    assert.ok(page.unreadableLines <= round + 1, `round ${round}: at most one cut line per kill`);
    if (written.length > acknowledged.length) acknowledged.push(written.at(-1) ?? -1);
    start = acknowledged.length;
  }
  assert.ok(readdirSync(folder).length > 3, 'the files rotated while the writer was being killed');
});
