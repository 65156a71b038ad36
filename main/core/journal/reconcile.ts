// Reconciles a journal's open operations through Request status (at start and on demand, docs/card-api.md, safe retry).
import type { CardApiClient } from '../card-api/client.ts';
import type { Journal } from './journal.ts';
import { isOpenState, type EntryState, type JournalEntry } from './records.ts';

export interface ReconcileReport {
  checked: number;
  settled: { key: string; op: string; state: EntryState }[];
  stillOpen: { key: string; op: string; state: EntryState }[];
  /** Open operations of other connections (no client for them here). */
  skipped: number;
}

/** `clientFor` gives the client for an entry's connection, or undefined when it cannot be reached here. */
export async function reconcileJournal(
  journal: Journal,
  clientFor: (entry: JournalEntry) => CardApiClient | undefined,
  options: { wait?: boolean } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, settled: [], stillOpen: [], skipped: 0 };
  for (const entry of journal.open()) {
    const client = clientFor(entry);
    if (client === undefined) {
      report.skipped++;
      continue;
    }
    report.checked++;
    const state = await client.reconcile(entry, options);
    const item = { key: entry.key, op: entry.op, state };
    if (isOpenState(state)) report.stillOpen.push(item);
    else report.settled.push(item);
  }
  return report;
}

/** The entry belongs to this connection (same server and merchant). */
export function sameConnection(entry: JournalEntry, baseUrl: string, merchantId: number): boolean {
  return new URL(entry.connection.baseUrl).href === new URL(baseUrl).href && entry.connection.merchantId === merchantId;
}
