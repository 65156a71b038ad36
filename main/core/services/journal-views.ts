// Journal entries as the contract shows them.
import type {
  AuditEntryView,
  JournalEntryView,
  ParsedArgsOf,
  ReconcileView,
  ResultOfMethod,
} from '../../../common/contract/index.ts';
import type { AuditRecord, JournalEntry } from '../journal/index.ts';
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
  };
}

/** Audited actions, newest first, filtered by time and action. */
export function searchAudit(records: AuditRecord[], q: ParsedArgsOf<'journal.audit'>): AuditEntryView[] {
  return records
    .filter(
      (r) =>
        (q.from === undefined || r.at >= q.from) &&
        (q.to === undefined || r.at <= q.to) &&
        (q.action === undefined || r.action === q.action),
    )
    .reverse()
    .slice(0, q.limit ?? 1000)
    .map((r) => ({ id: r.key, at: r.at, action: r.action, profileId: r.profileId ?? null, details: r.details }));
}

export function reconcileView(report: ReconcileReport): ReconcileView {
  const item = ({ key, op, state }: ReconcileReport['settled'][number]) => ({ requestId: key, op, state });
  return { checked: report.checked, settled: report.settled.map(item), stillOpen: report.stillOpen.map(item) };
}

/** Newest first; `text` matches the request id, the operation and the parameters. */
export function searchJournal(
  entries: JournalEntry[],
  q: ParsedArgsOf<'journal.search'>,
): ResultOfMethod<'journal.search'> {
  const text = q.text?.trim().toLowerCase();
  const matches = entries
    .filter(
      (e) =>
        (q.from === undefined || e.at >= q.from) &&
        (q.to === undefined || e.at <= q.to) &&
        (q.op === undefined || e.op === q.op) &&
        (q.states === undefined || q.states.includes(e.state)) &&
        (q.profileId === undefined || e.connection.profileId === q.profileId) &&
        (text === undefined ||
          text === '' ||
          `${e.key} ${e.op} ${JSON.stringify(e.params)}`.toLowerCase().includes(text)),
    )
    .reverse();
  const offset = q.offset ?? 0;
  return { entries: matches.slice(offset, offset + (q.limit ?? 1000)).map(entryView), total: matches.length };
}
