import assert from 'node:assert/strict';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { AuditEntry } from '../../../../../electron/common/models/audit';
import { auditQuerySchema } from '../../../../../electron/common/models/audit';
import { ok } from '../../../../../electron/common/result';
import { AuditTrail, auditCsv, csvField } from '../../../../../electron/main/platform/audit-trail';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function auditPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'earshot-audit-'));
  folders.push(folder);
  return join(folder, 'audit', 'audit.jsonl');
}

function entry(index: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: new Date(Date.UTC(2025, 0, 1, 9, 0, index)).toISOString(),
    supervisor: 'sam',
    kind: 'switch',
    channel: 'voice',
    agentId: `agent-${index % 3}`,
    agentName: ['Ana Lopez', 'Bo Chen', 'Cy Doe'][index % 3] ?? null,
    interactionId: `call-${index}`,
    mode: 'BargeIn',
    text: null,
    detail: null,
    otherParty: null,
    ending: null,
    transferredTo: null,
    ...overrides,
  };
}

const everything = auditQuerySchema.parse({ limit: 500 });

describe('audit trail', () => {
  test('appends one JSON line per action and lists them newest first, page by page', async () => {
    const filePath = auditPath();
    const trail = new AuditTrail({ filePath });
    for (let index = 0; index < 25; index += 1) assert.deepEqual(trail.append(entry(index)), ok(null));
    const lines = readFileSync(filePath, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 25);
    assert.deepEqual(JSON.parse(lines[0] ?? ''), entry(0));

    const first = await trail.list(auditQuerySchema.parse({ limit: 10 }));
    assert.equal(first.total, 25);
    assert.deepEqual(
      first.entries.map((item) => item.interactionId),
      Array.from({ length: 10 }, (_, index) => `call-${24 - index}`),
    );
    const last = await trail.list(auditQuerySchema.parse({ offset: 20, limit: 10 }));
    assert.deepEqual(
      last.entries.map((item) => item.interactionId),
      ['call-4', 'call-3', 'call-2', 'call-1', 'call-0'],
    );
    trail.close();

    const reopened = new AuditTrail({ filePath });
    assert.equal((await reopened.list(everything)).total, 25, 'read back after a restart');
  });

  test('filters by agent (id or part of the name), channel, kind, time and text', async () => {
    const trail = new AuditTrail({ filePath: auditPath() });
    for (let index = 0; index < 9; index += 1) trail.append(entry(index));
    trail.append(
      entry(9, {
        kind: 'send',
        channel: 'chat',
        mode: 'Coach',
        interactionId: 'chat-1',
        text: 'Offer the Voucher',
        agentId: 'agent-1',
        agentName: 'Bo Chen',
      }),
    );
    const ids = async (query: object) =>
      (await trail.list(auditQuerySchema.parse(query))).entries.map((item) => item.interactionId);

    assert.deepEqual(await ids({ agent: 'bo' }), ['chat-1', 'call-7', 'call-4', 'call-1']);
    assert.deepEqual(await ids({ agent: 'agent-2' }), ['call-8', 'call-5', 'call-2']);
    assert.deepEqual(await ids({ channel: 'chat' }), ['chat-1']);
    assert.deepEqual(await ids({ kind: 'send' }), ['chat-1']);
    assert.deepEqual(await ids({ text: 'voucher' }), ['chat-1']);
    assert.deepEqual(await ids({ text: 'CALL-8' }), ['call-8']);
    assert.deepEqual(await ids({ from: Date.UTC(2025, 0, 1, 9, 0, 3), to: Date.UTC(2025, 0, 1, 9, 0, 5) }), [
      'call-4',
      'call-3',
    ]);
  });

  test('rotates by size, keeps the newest files, and still lists across them in order', async () => {
    const filePath = auditPath();
    const sameSize = (index: number) => entry(index, { agentId: 'agent-0', agentName: 'Ana Lopez' });
    const lineBytes = Buffer.byteLength(`${JSON.stringify(sameSize(10))}\n`);
    const trail = new AuditTrail({ filePath, maxBytes: lineBytes * 4, maxFiles: 3 });
    for (let index = 10; index < 40; index += 1) trail.append(sameSize(index));

    const names = readdirSync(join(filePath, '..')).sort();
    assert.deepEqual(names, ['audit.1.jsonl', 'audit.2.jsonl', 'audit.jsonl']);
    for (const name of names) assert.ok(statSync(join(filePath, '..', name)).size <= lineBytes * 4, name);
    const listed = (await trail.list(everything)).entries.map((item) => item.interactionId);
    // Thirty lines, four to a file: the current file holds the last two, the two kept before it four each.
    assert.deepEqual(
      listed,
      Array.from({ length: 10 }, (_, index) => `call-${39 - index}`),
    );
    assert.deepEqual(
      (await new AuditTrail({ filePath, maxFiles: 3 }).list(everything)).entries.map((item) => item.interactionId),
      listed,
    );
  });

  test('an append while the files are being read is in every later answer', async () => {
    const filePath = auditPath();
    new AuditTrail({ filePath }).append(entry(0));
    // Enough lines that reading them yields to the event loop in between.
    appendFileSync(
      filePath,
      Array.from({ length: 5_000 }, (_, index) => `${JSON.stringify(entry(index + 1))}\n`).join(''),
    );
    const trail = new AuditTrail({ filePath });
    const reading = trail.list(everything);
    trail.append(entry(9_999));
    const first = await reading;
    assert.ok(first.total === 5_001 || first.total === 5_002);
    const settled = await trail.list(everything);
    assert.equal(settled.total, 5_002);
    assert.equal(settled.entries[0]?.interactionId, 'call-9999');
  });

  test('read whole and followed: every line once, whatever is appended while the files are read', async () => {
    const filePath = auditPath();
    new AuditTrail({ filePath }).append(entry(0));
    appendFileSync(
      filePath,
      Array.from({ length: 4_999 }, (_, index) => `${JSON.stringify(entry(index + 1))}\n`).join(''),
    );
    const trail = new AuditTrail({ filePath });
    const followed: Array<[string | null, number]> = [];
    const stop = trail.onAppend((appended, sequence) => followed.push([appended.interactionId, sequence]));
    const reading = trail.readEntries();
    trail.append(entry(5_000));
    const read = await reading;
    trail.append(entry(5_001));
    stop();
    trail.append(entry(5_002));
    assert.deepEqual(followed, [
      ['call-5000', 1],
      ['call-5001', 2],
    ]);
    // What the read holds runs up to `through`; what followed after it, from there on.
    assert.equal(read.through, 1);
    assert.equal(read.entries.length, 5_001);
    assert.equal(read.entries.at(-1)?.interactionId, 'call-5000');
    assert.equal((await trail.readEntries()).entries.length, 5_003, 'a read is a copy: later lines join the trail');
  });

  test('a line cut short by a crash is skipped and counted; the next entry starts on its own line', async () => {
    const filePath = auditPath();
    const first = new AuditTrail({ filePath });
    first.append(entry(0));
    first.close();
    appendFileSync(filePath, JSON.stringify(entry(1)).slice(0, 40));

    const trail = new AuditTrail({ filePath });
    trail.append(entry(2));
    const page = await trail.list(everything);
    assert.deepEqual(
      page.entries.map((item) => item.interactionId),
      ['call-2', 'call-0'],
    );
    assert.equal(page.unreadableLines, 1);
    assert.deepEqual(JSON.parse(readFileSync(filePath, 'utf8').trimEnd().split('\n').at(-1) ?? ''), entry(2));
  });

  test('lines that are not audit entries (edited by hand) are skipped, not shown half', async () => {
    const filePath = auditPath();
    new AuditTrail({ filePath }).append(entry(0));
    appendFileSync(filePath, `${JSON.stringify({ time: 'yesterday', kind: 'monitor' })}\nnot json at all\n\n`);
    const page = await new AuditTrail({ filePath }).list(everything);
    assert.equal(page.total, 1);
    assert.equal(page.unreadableLines, 2);
  });

  test('a write that fails is an error value, and the trail works again once it can', async () => {
    const filePath = auditPath();
    writeFileSync(join(filePath, '..', '..', 'blocker'), '');
    const blocked = new AuditTrail({ filePath: join(filePath, '..', '..', 'blocker', 'audit.jsonl') });
    const result = blocked.append(entry(0));
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error.message, /could not write to the audit trail/);

    const trail = new AuditTrail({ filePath });
    assert.deepEqual(trail.append(entry(1)), ok(null));
    assert.ok(existsSync(filePath));
  });
});

describe('audit CSV export', () => {
  test('quotes commas, quotes and line breaks; keeps formulas from running; CRLF rows and a byte-order mark', async () => {
    const csv = auditCsv([
      entry(0, {
        kind: 'send',
        channel: 'chat',
        mode: 'Coach',
        text: 'Say "sorry", then\noffer 10%',
        agentName: 'Lopez, Ana',
        otherParty: 'Robin Baker',
      }),
      entry(1, {
        text: '=HYPERLINK("http://x")',
        detail: '+1 555',
        agentName: null,
        kind: 'ended',
        ending: 'transferred',
        transferredTo: 'Marcus Chen',
      }),
    ]);
    assert.ok(
      csv.startsWith(
        '\uFEFFTime (UTC),Supervisor,Action,Channel,Mode,Agent,Agent ID,With,Interaction ID,Ending,Transferred to,Text,Detail\r\n',
      ),
    );
    const rows = csv.slice(1).split('\r\n');
    assert.equal(
      rows[1],
      '2025-01-01T09:00:00.000Z,sam,send,chat,Coach,"Lopez, Ana",agent-0,Robin Baker,call-0,,,"Say ""sorry"", then\noffer 10%",',
    );
    assert.equal(
      rows[2],
      `2025-01-01T09:00:01.000Z,sam,ended,voice,BargeIn,,agent-1,,call-1,transferred,Marcus Chen,"'=HYPERLINK(""http://x"")",'+1 555`,
    );
    assert.equal(rows[3], '');
  });

  test('fields', async () => {
    assert.equal(csvField(null), '');
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('-2+3'), "'-2+3");
    assert.equal(csvField('line\r\nbreak'), '"line\r\nbreak"');
  });

  test('export takes the filter, runs oldest first, and names the file by date', async () => {
    const trail = new AuditTrail({ filePath: auditPath(), now: () => Date.UTC(2025, 4, 6, 12) });
    for (let index = 0; index < 6; index += 1) trail.append(entry(index));
    const exported = await trail.exportCsv({ agent: 'ana' });
    assert.equal(exported.fileName, 'earshot-audit-2025-05-06.csv');
    assert.equal(exported.rows, 2);
    const rows = exported.csv.trimEnd().split('\r\n').slice(1);
    assert.deepEqual(
      rows.map((row) => row.split(',')[8]),
      ['call-0', 'call-3'],
    );
  });
});
