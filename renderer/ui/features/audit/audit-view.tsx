import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { auditChannelSchema, auditKindSchema } from '../../../../electron/common/models/audit';
import type { AuditEntry, AuditPage } from '../../../../electron/common/models/audit';
import type { AppError } from '../../../../electron/common/result';
import { AuditIcon, CloseIcon, DownloadIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStoreApi, useCommands } from '../../store/store-context';
import {
  auditChannelLabels,
  auditCsvFileName,
  auditFilterFromFields,
  auditKindLabels,
  auditModeLabels,
  auditQuery,
  describeAuditPage,
  emptyAuditFilterFields,
} from './audit-query';
import type { AuditFilterFields } from './audit-query';
import { describeHistoryEnding } from '../board/history-model';
import { saveTextDownload } from './save-download';
import './audit.css';

/** The answer to one request, named by what was asked; a different question means a read is on its way. */
type Answer =
  | { readonly key: string; readonly page: AuditPage; readonly error: null }
  | { readonly key: string; readonly page: null; readonly error: AppError };

/** Typing in a filter asks once the supervisor pauses, not per key. */
const FILTER_DELAY_MS = 250;

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function FilterField({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="audit-filter">
      <label className="audit-filter__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const time = new Date(entry.time);
  const ending =
    entry.ending === null
      ? null
      : describeHistoryEnding({
          channel: entry.channel,
          ending: entry.ending,
          endingDetail: null,
          transferredTo: entry.transferredTo,
        });
  const details = [
    ending?.label ?? null,
    entry.detail,
    entry.otherParty === null ? null : `With ${entry.otherParty}`,
  ].filter((part): part is string => part !== null && part !== '');
  const words = entry.text === null || entry.text === '' ? details : [entry.text, ...details];
  return (
    <tr data-testid="audit-row" data-kind={entry.kind} data-channel={entry.channel}>
      <td className="audit-table__time" title={entry.time}>
        {Number.isNaN(time.getTime()) ? entry.time : timeFormat.format(time)}
      </td>
      <td>{entry.supervisor}</td>
      <td title={entry.agentId ?? undefined}>{entry.agentName ?? entry.agentId ?? <span className="muted">—</span>}</td>
      <td>{auditChannelLabels[entry.channel]}</td>
      <td>
        <span className={`audit-kind audit-kind--${entry.kind}`}>{auditKindLabels[entry.kind]}</span>
      </td>
      <td>{entry.mode === null ? <span className="muted">—</span> : auditModeLabels[entry.mode]}</td>
      <td className="audit-table__id" title={entry.interactionId ?? undefined}>
        {entry.interactionId ?? <span className="muted">—</span>}
      </td>
      <td className="audit-table__text" title={words.join(' · ') || undefined}>
        {entry.text !== null && entry.text !== '' && <q className="audit-table__message">{entry.text}</q>}
        {details.map((detail) => (
          <span key={detail} className="audit-table__detail">
            {detail}
          </span>
        ))}
      </td>
    </tr>
  );
}

function AuditBrowser({ close }: { close: () => void }) {
  const commands = useCommands();
  const store = useAppStoreApi();
  const [fields, setFields] = useState<AuditFilterFields>(emptyAuditFilterFields);
  const [pageNumber, setPageNumber] = useState(0);
  const [refreshes, setRefreshes] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The last page read stays on screen while the next is on its way, or after a read fails.
  const [lastPage, setLastPage] = useState<AuditPage | null>(null);
  const [exporting, setExporting] = useState(false);
  const built = useMemo(() => auditFilterFromFields(fields), [fields]);
  const requestKey = built.ok ? JSON.stringify([built.filter, pageNumber, refreshes]) : null;

  useEffect(() => {
    if (!built.ok || requestKey === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void commands.listAudit(auditQuery(built.filter, pageNumber)).then((result) => {
        if (!current) return;
        if (!result.ok) {
          setAnswer({ key: requestKey, page: null, error: result.error });
          return;
        }
        const paging = describeAuditPage({
          offset: result.value.offset,
          total: result.value.total,
          shown: result.value.entries.length,
        });
        // Entries can leave a page behind (files rotated away); the last page that has any is shown instead.
        if (result.value.entries.length === 0 && pageNumber > paging.lastPage) setPageNumber(paging.lastPage);
        setAnswer({ key: requestKey, page: result.value, error: null });
        setLastPage(result.value);
      });
    }, FILTER_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [commands, built, pageNumber, requestKey]);

  const loading = built.ok && answer?.key !== requestKey;
  const failure = !loading && answer?.error ? answer.error : null;

  const setField = (name: keyof AuditFilterFields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setPageNumber(0);
  };

  const exportCsv = async () => {
    if (!built.ok) return;
    setExporting(true);
    const result = await commands.exportAuditCsv(built.filter);
    setExporting(false);
    const { showToast } = store.getState().feedbackActions;
    if (!result.ok) {
      showToast(`The audit trail could not be exported. ${result.error.message}`, 'warning');
      return;
    }
    if (result.value.rows === 0) {
      showToast('No entries match these filters, so there is nothing to export.', 'warning');
      return;
    }
    const fileName = auditCsvFileName(result.value.fileName, Date.now());
    saveTextDownload(result.value.csv, fileName, 'text/csv;charset=utf-8');
    showToast(`Exported ${result.value.rows} ${result.value.rows === 1 ? 'entry' : 'entries'} as ${fileName}`);
  };

  const page = lastPage;
  const paging =
    page === null ? null : describeAuditPage({ offset: page.offset, total: page.total, shown: page.entries.length });
  const filtered = Object.values(fields).some((value) => value.trim() !== '');

  return (
    <>
      <div className="audit-view__head">
        <AuditIcon className="audit-view__icon" />
        <div className="audit-view__title-block">
          <h2 id="audit-view-title" className="audit-view__title">
            Audit trail
          </h2>
          <p className="audit-view__subtitle">Every monitoring action taken from this computer, newest first.</p>
        </div>
        <button
          type="button"
          className="button"
          data-testid="audit-export"
          disabled={!built.ok || exporting}
          title="Save the entries matching the filters as a CSV file"
          onClick={() => void exportCsv()}
        >
          <DownloadIcon width={14} height={14} />
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the audit trail"
          title="Close (Esc)"
          onClick={close}
        >
          <CloseIcon width={14} height={14} />
        </button>
      </div>

      <div className="audit-filters" role="search" aria-label="Filter the audit trail">
        <FilterField label="Agent">
          {(id) => (
            <input
              id={id}
              type="search"
              className="audit-filter__input"
              data-testid="audit-filter-agent"
              placeholder="Name or id"
              value={fields.agent}
              maxLength={100}
              onChange={(event) => setField('agent')(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FilterField>
        <FilterField label="Channel">
          {(id) => (
            <select
              id={id}
              className="audit-filter__input"
              data-testid="audit-filter-channel"
              value={fields.channel}
              onChange={(event) => setField('channel')(event.target.value)}
            >
              <option value="">Any</option>
              {auditChannelSchema.options.map((channel) => (
                <option key={channel} value={channel}>
                  {auditChannelLabels[channel]}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label="Action">
          {(id) => (
            <select
              id={id}
              className="audit-filter__input"
              data-testid="audit-filter-kind"
              value={fields.kind}
              onChange={(event) => setField('kind')(event.target.value)}
            >
              <option value="">Any</option>
              {auditKindSchema.options.map((kind) => (
                <option key={kind} value={kind}>
                  {auditKindLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label="From">
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              className="audit-filter__input"
              data-testid="audit-filter-from"
              value={fields.from}
              onChange={(event) => setField('from')(event.target.value)}
            />
          )}
        </FilterField>
        <FilterField label="Until">
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              className="audit-filter__input"
              data-testid="audit-filter-until"
              value={fields.until}
              onChange={(event) => setField('until')(event.target.value)}
            />
          )}
        </FilterField>
        <FilterField label="Text">
          {(id) => (
            <input
              id={id}
              type="search"
              className="audit-filter__input"
              data-testid="audit-filter-text"
              placeholder="Message, detail or id"
              value={fields.text}
              maxLength={200}
              onChange={(event) => setField('text')(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FilterField>
        <button
          type="button"
          className="button button--quiet audit-filters__clear"
          disabled={!filtered}
          onClick={() => {
            setFields(emptyAuditFilterFields);
            setPageNumber(0);
          }}
        >
          Clear filters
        </button>
      </div>
      {!built.ok && (
        <p className="audit-view__problem" role="alert">
          {built.problem}
        </p>
      )}
      {failure !== null && (
        <NoticeBanner
          action={
            <button type="button" className="button button--small" onClick={() => setRefreshes((count) => count + 1)}>
              Try again
            </button>
          }
        >
          {failure.message}
        </NoticeBanner>
      )}

      <div className="audit-table-scroll" aria-busy={loading}>
        <table className="audit-table" aria-labelledby="audit-view-title">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Supervisor</th>
              <th scope="col">Agent</th>
              <th scope="col">Channel</th>
              <th scope="col">Action</th>
              <th scope="col">Mode</th>
              <th scope="col">Interaction</th>
              <th scope="col">Text / detail</th>
            </tr>
          </thead>
          <tbody>
            {page?.entries.map((entry, index) => (
              <AuditRow key={`${entry.time}-${page.offset + index}`} entry={entry} />
            ))}
          </tbody>
        </table>
        {page !== null && page.entries.length === 0 && (
          <p className="audit-view__empty" role="status">
            {filtered
              ? 'No entries match these filters.'
              : 'Nothing recorded yet. Monitoring actions appear here as you take them.'}
          </p>
        )}
        {page === null && loading && (
          <p className="audit-view__empty" role="status">
            <span className="spinner" aria-hidden="true" /> Reading the audit trail…
          </p>
        )}
      </div>

      <div className="audit-view__foot">
        {page !== null && page.unreadableLines > 0 && (
          <p className="audit-view__note">
            {page.unreadableLines} {page.unreadableLines === 1 ? 'line' : 'lines'} could not be read (cut short when
            Earshot stopped) and {page.unreadableLines === 1 ? 'is' : 'are'} left out.
          </p>
        )}
        <span className="audit-view__count" aria-live="polite" data-testid="audit-count">
          {loading && <span className="spinner spinner--small" aria-hidden="true" />}
          {paging?.text}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={() => setRefreshes((count) => count + 1)}
          title="Read the audit trail again, with the newest entries"
        >
          Refresh
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="audit-previous"
          disabled={!paging?.hasPrevious}
          onClick={() => setPageNumber((number) => Math.max(0, number - 1))}
        >
          Newer
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="audit-next"
          disabled={!paging?.hasNext}
          onClick={() => setPageNumber((number) => number + 1)}
        >
          Older
        </button>
      </div>
    </>
  );
}

/** The audit trail, in a dialog off the header; it reads from main each time it opens. */
export function AuditView() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Audit trail"
        title="Audit trail"
        aria-haspopup="dialog"
        data-testid="audit-button"
        onClick={() => setOpen(true)}
      >
        <AuditIcon />
      </button>
      <dialog
        ref={dialog}
        className="audit-view"
        // Focus falls back here when a control inside goes away (Clear filters with nothing to clear).
        tabIndex={-1}
        aria-labelledby="audit-view-title"
        data-testid="audit-view"
        onClose={() => setOpen(false)}
      >
        {open && <AuditBrowser close={() => setOpen(false)} />}
      </dialog>
    </>
  );
}
