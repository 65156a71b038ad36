// Journal entries as the contract shows them, and the contract's filters as the journal's queries.
import type {
  AuditEntryView,
  EntryState,
  JournalEntryView,
  OperatorRef,
  PageView,
  ParsedArgsOf,
  ReconcileView,
} from '../../../common/contract/index.ts';
import type { AuditQuery, AuditRecord, EntryQuery, JournalEntry, Page } from '../journal/index.ts';
import type { ReconcileReport } from '../journal/reconcile.ts';

/**
 * An operator as records show them: by id and display name. Names come from the operator accounts when the
 * caller gives their lookup; otherwise (or for an operator since removed) the id stands for the name.
 */
export type OperatorNames = (id: string) => string | undefined;

function ref(id: string | undefined, names?: OperatorNames): OperatorRef | null {
  return id === undefined ? null : { id, name: names?.(id) ?? id };
}

export function entryView(e: JournalEntry, names?: OperatorNames): JournalEntryView {
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
    operator: ref(e.operatorId, names),
    approver: ref(e.approverId, names),
  };
}

export function auditView(r: AuditRecord, names?: OperatorNames): AuditEntryView {
  return {
    id: r.key,
    at: r.at,
    action: r.action,
    profileId: r.profileId ?? null,
    details: r.details,
    operator: ref(r.operatorId, names),
    approver: ref(r.approverId, names),
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
  operatorId?: string | undefined;
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
    ...(q.operatorId === undefined ? {} : { operatorId: q.operatorId }),
  };
}

/** The audit trail's filters as the journal's query. */
export function auditQuery(q: ParsedArgsOf<'journal.audit'>): AuditQuery {
  return {
    ...(q.from === undefined ? {} : { from: q.from }),
    ...(q.to === undefined ? {} : { to: q.to }),
    ...(q.action === undefined || q.action === '' ? {} : { action: q.action }),
    ...(q.operatorId === undefined ? {} : { operatorId: q.operatorId }),
  };
}

export function reconcileView(report: ReconcileReport): ReconcileView {
  const item = ({ key, op, state }: ReconcileReport['settled'][number]) => ({ requestId: key, op, state });
  return { checked: report.checked, settled: report.settled.map(item), stillOpen: report.stillOpen.map(item) };
}
