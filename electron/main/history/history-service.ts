import type { AuditEntry } from '../../common/models/audit';
import type { HistoryItem } from '../../common/models/history';
import type { Conversation } from '../../common/models/messaging';
import { sameValue } from '../../common/same-value';
import type { AuditTrail } from '../platform/audit-trail';
import type { Logger } from '../platform/logger';
import { updateAppState, type AppStore } from '../state/app-store';
import {
  emptyHistoryFold,
  endInterrupted,
  foldEntries,
  historyItems,
  historyKey,
  keepRecent,
  type HistoryFold,
} from './history-fold';

/** Interactions the history shows: a long day's work, and few enough to send and render at once. */
const HISTORY_LIMIT = 200;
/** Lines folded between two turns of the event loop, so reading a full trail never stalls main for long. */
const entriesPerTurn = 2_000;

export interface HistoryOptions {
  readonly store: AppStore;
  readonly trail: Pick<AuditTrail, 'onAppend' | 'readEntries'>;
  readonly logger: Logger;
}

interface Following {
  readonly supervisor: string;
  /** The number of the last line appended before this supervisor signed in: what came after is this session's. */
  readonly sessionStartsAfter: number;
  /** Null while the trail is being read; lines appended meanwhile wait in `pending`. */
  fold: HistoryFold | null;
  readonly pending: Array<{ readonly entry: AuditEntry; readonly sequence: number }>;
}

/**
 * The signed-in supervisor's history, folded from the audit trail (history-fold.ts) and published
 * in the app state: read in full at sign-in, then extended by each line the trail appends. So it
 * survives a sign-out and a restart, and every window shows the same items, computed here once.
 * The trail is read once at start-up too, so that the first sign-in finds it in memory.
 */
export function startHistory(options: HistoryOptions): () => void {
  const { store, trail, logger } = options;
  let lastSequence = 0;
  let following: Following | null = null;
  let publishedFor: readonly Conversation[] | null = null;

  const publish = (current: Following) => {
    if (current.fold === null) return;
    const state = store.getState();
    publishedFor = state.messaging.history;
    const readable = new Set(state.messaging.history.map((ended) => historyKey(ended.channel, ended.id)));
    const items = keepObjects(
      state.history.items,
      historyItems(current.fold, HISTORY_LIMIT, (channel, id) => readable.has(historyKey(channel, id))),
    );
    updateAppState(store, (app) =>
      items === app.history.items && !app.history.loading ? app : { ...app, history: { loading: false, items } },
    );
  };

  const read = async (current: Following) => {
    let entries: readonly AuditEntry[] = [];
    let through = current.sessionStartsAfter;
    try {
      ({ entries, through } = await trail.readEntries());
    } catch (error) {
      logger.error('The audit trail could not be read; the history starts from now', { error });
    }
    // The last lines read may be this session's own, appended after sign-in: those are live, not interrupted.
    const split = Math.max(0, entries.length - Math.max(0, through - current.sessionStartsAfter));
    const earlier = entries.slice(0, split);
    let fold = emptyHistoryFold;
    for (let start = 0; start < earlier.length; start += entriesPerTurn) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      if (following !== current) return;
      fold = foldEntries(fold, mine(earlier.slice(start, start + entriesPerTurn), current.supervisor));
    }
    if (following !== current) return;
    fold = endInterrupted(fold);
    const since = entries.slice(split);
    const later = current.pending.filter((line) => line.sequence > through).map((line) => line.entry);
    current.fold = keepRecent(foldEntries(fold, mine([...since, ...later], current.supervisor)), HISTORY_LIMIT);
    current.pending.length = 0;
    publish(current);
  };

  const follow = (supervisor: string | null) => {
    if (supervisor === (following?.supervisor ?? null)) return;
    following = null;
    if (supervisor === null) return;
    const current: Following = { supervisor, sessionStartsAfter: lastSequence, fold: null, pending: [] };
    following = current;
    updateAppState(store, (app) => ({ ...app, history: { loading: true, items: [] } }));
    read(current).catch((error: unknown) => logger.error('Could not read the history', { error }));
  };

  const stopAppends = trail.onAppend((entry, sequence) => {
    lastSequence = sequence;
    const current = following;
    if (current === null || entry.supervisor !== current.supervisor) return;
    if (current.fold === null) {
      current.pending.push({ entry, sequence });
      return;
    }
    try {
      current.fold = keepRecent(foldEntries(current.fold, [entry]), HISTORY_LIMIT);
      publish(current);
    } catch (error) {
      logger.error('An audit line could not join the history', { error, kind: entry.kind });
    }
  });
  const stopState = store.subscribe((state) => {
    follow(state.session?.supervisor.userName ?? null);
    // An ended conversation's transcript comes and goes with the in-memory history: each item says which.
    if (following?.fold && state.messaging.history !== publishedFor) publish(following);
  });
  follow(store.getState().session?.supervisor.userName ?? null);
  trail.readEntries().catch((error: unknown) => logger.warn('The audit trail could not be read ahead', { error }));

  return () => {
    stopAppends();
    stopState();
    following = null;
  };
}

function mine(entries: readonly AuditEntry[], supervisor: string): AuditEntry[] {
  return entries.filter((entry) => entry.supervisor === supervisor);
}

/** Items equal to the ones published keep their objects, so the change to the windows carries only what changed. */
function keepObjects(previous: readonly HistoryItem[], next: readonly HistoryItem[]): readonly HistoryItem[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const items = next.map((item, index) => {
    const old = byId.get(item.id);
    const kept = old !== undefined && sameValue(old, item) ? old : item;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? items : previous;
}
