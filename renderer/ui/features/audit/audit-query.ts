import { auditChannelSchema, auditKindSchema } from '../../../../electron/common/models/audit';
import type {
  AuditChannel,
  AuditFilter,
  AuditKind,
  AuditMode,
  AuditQuery,
} from '../../../../electron/common/models/audit';

/** The filter form as typed: every field a string, '' for "any". Times are `datetime-local` values. */
export interface AuditFilterFields {
  readonly agent: string;
  readonly kind: string;
  readonly channel: string;
  readonly from: string;
  readonly until: string;
  readonly text: string;
}

export const emptyAuditFilterFields: AuditFilterFields = {
  agent: '',
  kind: '',
  channel: '',
  from: '',
  until: '',
  text: '',
};

export type AuditFilterBuild =
  { readonly ok: true; readonly filter: AuditFilter } | { readonly ok: false; readonly problem: string };

const minute = 60_000;

/** A `datetime-local` value ("2026-11-21T14:05") as local time; null when empty or unreadable. */
export function parseLocalDateTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, Number(match[6] ?? 0));
  // Date rolls a day that does not exist (February 30th) into the next month; that is not what was meant.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  const time = date.getTime();
  return Number.isNaN(time) ? null : time;
}

/**
 * What `audit:list` and `audit:exportCsv` are asked for. "Until 14:05" includes the whole of that
 * minute, as the supervisor reads it; main's `to` is exclusive.
 */
export function auditFilterFromFields(fields: AuditFilterFields): AuditFilterBuild {
  const filter: { -readonly [K in keyof AuditFilter]: AuditFilter[K] } = {};
  const agent = fields.agent.trim();
  if (agent !== '') filter.agent = agent.slice(0, 100);
  const text = fields.text.trim();
  if (text !== '') filter.text = text.slice(0, 200);
  const kind = auditKindSchema.safeParse(fields.kind);
  if (kind.success) filter.kind = kind.data;
  const channel = auditChannelSchema.safeParse(fields.channel);
  if (channel.success) filter.channel = channel.data;
  if (fields.from.trim() !== '') {
    const from = parseLocalDateTime(fields.from);
    if (from === null) return { ok: false, problem: 'Enter the start as a date and time.' };
    filter.from = from;
  }
  if (fields.until.trim() !== '') {
    const until = parseLocalDateTime(fields.until);
    if (until === null) return { ok: false, problem: 'Enter the end as a date and time.' };
    filter.to = until - (until % minute) + minute;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    return { ok: false, problem: 'The start is after the end; swap them or clear one.' };
  }
  return { ok: true, filter };
}

export const AUDIT_PAGE_SIZE = 50;

export function auditQuery(filter: AuditFilter, page: number, pageSize = AUDIT_PAGE_SIZE): AuditQuery {
  return { ...filter, offset: Math.max(0, page) * pageSize, limit: pageSize };
}

export interface AuditPaging {
  readonly text: string;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  /** The last page there is, for a page left behind when entries stopped matching. */
  readonly lastPage: number;
}

/** "51–100 of 230": the entries on this page, counted from the newest. */
export function describeAuditPage(
  page: { readonly offset: number; readonly total: number; readonly shown: number },
  pageSize = AUDIT_PAGE_SIZE,
): AuditPaging {
  const lastPage = Math.max(0, Math.ceil(page.total / pageSize) - 1);
  if (page.total === 0) return { text: 'No entries', hasPrevious: page.offset > 0, hasNext: false, lastPage };
  const first = page.shown === 0 ? page.offset : page.offset + 1;
  const last = page.offset + page.shown;
  return {
    text: page.shown === 0 ? `None here of ${page.total}` : `${first}–${last} of ${page.total}`,
    hasPrevious: page.offset > 0,
    hasNext: last < page.total,
    lastPage,
  };
}

const safeFileName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.csv$/;

function localDate(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The name the download is saved under: main's suggestion ("earshot-audit-2026-11-21.csv") when it
 * is a plain file name, otherwise one made here from today's date.
 */
export function auditCsvFileName(suggested: string | null, now: number): string {
  const name = suggested?.trim() ?? '';
  return safeFileName.test(name) ? name : `earshot-audit-${localDate(now)}.csv`;
}

export const auditKindLabels: Readonly<Record<AuditKind, string>> = {
  monitor: 'Monitor',
  cancel: 'Cancel monitoring',
  switch: 'Switch mode',
  'hang-up': 'Hang up',
  'mute-agent': 'Mute agent',
  'unmute-agent': 'Unmute agent',
  send: 'Send message',
  leave: 'Leave',
  joined: 'Joined',
  'microphone-closed': 'Microphone closed',
  ended: 'Ended',
};

export const auditChannelLabels: Readonly<Record<AuditChannel, string>> = {
  voice: 'Voice',
  chat: 'Chat',
  sms: 'SMS',
};

export const auditModeLabels: Readonly<Record<AuditMode, string>> = {
  ListenIn: 'Listen in',
  Monitor: 'Monitor',
  Coach: 'Coach',
  BargeIn: 'Barge in',
};
