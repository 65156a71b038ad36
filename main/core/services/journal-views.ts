// Journal entries as the contract shows them, and the contract's filters as the journal's queries.
import type {
  AuditEntryView,
  EntryState,
  JournalEntryView,
  PageView,
  ParsedArgsOf,
  ReconcileView,
} from '../../../common/contract/index.ts';
import type { AuditQuery, AuditRecord, EntryQuery, JournalEntry, Page } from '../journal/index.ts';
import type { ReconcileReport } from '../journal/reconcile.ts';

export function entryView(e: JournalEntry): JournalEntryView {
  return {
    requestId: e.key,
    op: e.op,
    profileId: e.connection.profileId ?? null,
    at: e.at,
    updatedAt: e.updatedAt,
    state: e.state,
    params: e.params,
    ...(e.result ? { result: e.result } : {}),
    ...(e.error ? { error: e.error } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    operator: null,
    approver: null,
  };
}

export function auditView(r: AuditRecord): AuditEntryView {
  return {
    id: r.key,
    at: r.at,
    action: r.action,
    profileId: r.profileId ?? null,
    details: r.details,
    operator: null,
    approver: null,
  };
}

/** A journal page as the contract answers it. */
export function pageView<T, V>(page: Page<T>, view: (item: T) => V): PageView<V> {
  return { entries: page.items.map(view), nextCursor: page.nextCursor };
}

/** The contract's filters as the journal's query: a blank text filters nothing. */
export function entryQuery(q: {
  from?: number | undefined;
  to?: number | undefined;
  op?: string | undefined;
  states?: EntryState[] | undefined;
  profileId?: string | undefined;
  text?: string | undefined;
  cardId?: string | undefined;
  clientId?: string | undefined;
}): EntryQuery {
  const text = q.text?.trim();
  return {
    ...(q.from === undefined ? {} : { from: q.from }),
    ...(q.to === undefined ? {} : { to: q.to }),
    ...(q.op === undefined || q.op === '' ? {} : { op: q.op }),
    ...(q.states === undefined ? {} : { states: q.states }),
    ...(q.profileId === undefined ? {} : { profileId: q.profileId }),
    ...(text === undefined || text === '' ? {} : { text }),
    ...(q.cardId === undefined ? {} : { cardId: q.cardId }),
    ...(q.clientId === undefined ? {} : { clientId: q.clientId }),
  };
}

/** The audit trail's filters as the journal's query. */
export function auditQuery(q: ParsedArgsOf<'journal.audit'>): AuditQuery {
  return {
    ...(q.from === undefined ? {} : { from: q.from }),
    ...(q.to === undefined ? {} : { to: q.to }),
    ...(q.action === undefined || q.action === '' ? {} : { action: q.action }),
  };
}

export function reconcileView(report: ReconcileReport): ReconcileView {
  const item = ({ key, op, state }: ReconcileReport['settled'][number]) => ({ requestId: key, op, state });
  return { checked: report.checked, settled: report.settled.map(item), stillOpen: report.stillOpen.map(item) };
}
