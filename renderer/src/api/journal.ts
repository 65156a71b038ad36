// The Journal's reads, a page at a time. Operations live under 'journal' (kept live by `requests.changed`,
// live-pages.ts), the audit trail under 'audit'. The previous pages stay on screen while a new search runs.
import type { ArgsOf, AuditEntryView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { entryFetcher, entryPagesKey } from './live-pages.ts';
import { PAGES, usePagedList, type PageFetcher } from './paged.ts';
import { queryKeys } from './query-keys.ts';

export type JournalSearchArgs = Omit<ArgsOf<'journal.search'>, 'cursor'>;
export type AuditArgs = Omit<ArgsOf<'journal.audit'>, 'cursor'>;

export function journalFetcher(args: JournalSearchArgs) {
  return entryFetcher('journal.search', args);
}

export function useJournalSearch(args: JournalSearchArgs) {
  return usePagedList(entryPagesKey('journal', 'journal.search', args), journalFetcher(args));
}

export function auditFetcher(args: AuditArgs): PageFetcher<AuditEntryView> {
  return (cursor) => cardDesk().journal.audit({ ...args, cursor });
}

export function useAuditTrail(args: AuditArgs) {
  return usePagedList([...queryKeys.audit, PAGES, args], auditFetcher(args));
}

/** How many operations match the filters (without paging). */
export async function journalCount(args: Omit<JournalSearchArgs, 'limit'>): Promise<number> {
  return (await cardDesk().journal.count(args)).count;
}
