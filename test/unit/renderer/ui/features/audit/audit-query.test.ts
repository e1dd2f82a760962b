import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  auditCsvFileName,
  auditFilterFromFields,
  auditQuery,
  describeAuditPage,
  emptyAuditFilterFields,
  parseLocalDateTime,
} from '../../../../../../renderer/ui/features/audit/audit-query';
import type { AuditFilterFields } from '../../../../../../renderer/ui/features/audit/audit-query';

function fields(overrides: Partial<AuditFilterFields>): AuditFilterFields {
  return { ...emptyAuditFilterFields, ...overrides };
}

describe('auditFilterFromFields', () => {
  test('an empty form asks for everything', () => {
    assert.deepEqual(auditFilterFromFields(emptyAuditFilterFields), { ok: true, filter: {} });
  });

  test('text is trimmed, and empty fields and unknown choices are left out', () => {
    assert.deepEqual(
      auditFilterFromFields(fields({ agent: '  alice ', text: ' ', kind: 'nonsense', channel: 'sms' })),
      {
        ok: true,
        filter: { agent: 'alice', channel: 'sms' },
      },
    );
    assert.deepEqual(auditFilterFromFields(fields({ kind: 'hang-up', text: 'refund' })), {
      ok: true,
      filter: { kind: 'hang-up', text: 'refund' },
    });
  });

  test('times are local; "until" takes in the whole of its minute, as main’s `to` is exclusive', () => {
    const built = auditFilterFromFields(fields({ from: '2026-11-21T09:00', until: '2026-11-21T17:30' }));
    assert.deepEqual(built, {
      ok: true,
      filter: { from: new Date(2026, 10, 21, 9, 0).getTime(), to: new Date(2026, 10, 21, 17, 31).getTime() },
    });
  });

  test('one end alone is a range too', () => {
    assert.deepEqual(auditFilterFromFields(fields({ until: '2026-11-21T17:30:15' })), {
      ok: true,
      filter: { to: new Date(2026, 10, 21, 17, 31).getTime() },
    });
  });

  test('a start after the end, or a time that cannot be read, is said instead of asked', () => {
    assert.deepEqual(auditFilterFromFields(fields({ from: '2026-11-21T10:00', until: '2026-11-20T10:00' })), {
      ok: false,
      problem: 'The start is after the end; swap them or clear one.',
    });
    assert.equal(auditFilterFromFields(fields({ from: 'yesterday' })).ok, false);
    assert.equal(auditFilterFromFields(fields({ until: '2026-02-30T10:00' })).ok, false);
  });

  test('the same minute as start and end is that minute', () => {
    const built = auditFilterFromFields(fields({ from: '2026-11-21T10:00', until: '2026-11-21T10:00' }));
    assert.equal(built.ok, true);
  });
});

describe('parseLocalDateTime', () => {
  test('reads datetime-local values with or without seconds', () => {
    assert.equal(parseLocalDateTime('2026-01-02T03:04'), new Date(2026, 0, 2, 3, 4).getTime());
    assert.equal(parseLocalDateTime('2026-01-02T03:04:05'), new Date(2026, 0, 2, 3, 4, 5).getTime());
    assert.equal(parseLocalDateTime(''), null);
    assert.equal(parseLocalDateTime('2026-13-02T03:04'), null);
  });
});

describe('auditQuery and paging', () => {
  test('a page number becomes offset and limit beside the filter', () => {
    assert.deepEqual(auditQuery({ kind: 'send' }, 2, 50), { kind: 'send', offset: 100, limit: 50 });
    assert.deepEqual(auditQuery({}, -1, 50), { offset: 0, limit: 50 });
  });

  test('says which entries are shown and where one can go', () => {
    assert.deepEqual(describeAuditPage({ offset: 0, total: 230, shown: 50 }, 50), {
      text: '1–50 of 230',
      hasPrevious: false,
      hasNext: true,
      lastPage: 4,
    });
    assert.deepEqual(describeAuditPage({ offset: 200, total: 230, shown: 30 }, 50), {
      text: '201–230 of 230',
      hasPrevious: true,
      hasNext: false,
      lastPage: 4,
    });
    assert.deepEqual(describeAuditPage({ offset: 0, total: 0, shown: 0 }, 50), {
      text: 'No entries',
      hasPrevious: false,
      hasNext: false,
      lastPage: 0,
    });
  });

  test('a page left behind by entries that went away still offers the way back', () => {
    const paging = describeAuditPage({ offset: 300, total: 230, shown: 0 }, 50);
    assert.equal(paging.hasPrevious, true);
    assert.equal(paging.hasNext, false);
    assert.equal(paging.lastPage, 4);
  });
});

describe('auditCsvFileName', () => {
  const now = new Date(2026, 10, 21, 23, 30).getTime();

  test('keeps main’s suggestion when it is a plain CSV file name', () => {
    assert.equal(auditCsvFileName('earshot-audit-2026-11-21.csv', now), 'earshot-audit-2026-11-21.csv');
  });

  test('otherwise names the file after today’s local date', () => {
    assert.equal(auditCsvFileName(null, now), 'earshot-audit-2026-11-21.csv');
    assert.equal(auditCsvFileName('../../etc/passwd.csv', now), 'earshot-audit-2026-11-21.csv');
    assert.equal(auditCsvFileName('audit.txt', now), 'earshot-audit-2026-11-21.csv');
    assert.equal(auditCsvFileName('  ', now), 'earshot-audit-2026-11-21.csv');
  });
});
