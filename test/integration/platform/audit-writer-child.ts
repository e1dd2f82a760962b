// Appends audit entries as fast as it can and prints each index once `append` returned: the parent
// kills this process at some moment and checks that every printed index is in the file.
import { AuditTrail } from '../../../electron/main/platform/audit-trail';

const [filePath, start, maxBytes] = process.argv.slice(2);
if (!filePath || !start || !maxBytes) {
  console.error('usage: audit-writer-child.ts <file> <first index> <max bytes per file>');
  process.exit(2);
}

const trail = new AuditTrail({ filePath, maxBytes: Number(maxBytes), maxFiles: 200 });
const first = Number(start);
// Bounded: the parent kills it long before the end.
for (let index = first; index < first + 1_000_000; index += 1) {
  const appended = trail.append({
    time: new Date().toISOString(),
    supervisor: 'sam',
    kind: 'send',
    channel: 'chat',
    agentId: 'agent-1',
    agentName: 'Ana Lopez',
    interactionId: `chat-${index}`,
    mode: 'Coach',
    text: `Line ${index}: ${'x'.repeat(index % 50)}`,
    detail: null,
    otherParty: null,
    ending: null,
    transferredTo: null,
  });
  if (!appended.ok) {
    console.error(appended.error.detail);
    process.exit(1);
  }
  // Printed only once append returned, i.e. once the line is flushed to disk.
  process.stdout.write(`${index}\n`);
}
