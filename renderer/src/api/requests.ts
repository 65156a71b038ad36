// The Requests screen's data: the journaled operations that match its filters (newest first, a page at a time),
// kept live by main's `requests.changed` event, which announces every change of an operation from the moment it
// is recorded as sending (live-pages.ts patches the loaded pages); and its two writes: re-check one entry with the
// bank now, and reconcile every open one. Both may have moved entries whatever they answer.
import { useQuery } from '@tanstack/react-query';
import type { ArgsOf, JournalEntryView, ReconcileView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { entryFetcher, entryPagesKey } from './live-pages.ts';
import { usePagedList } from './paged.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

export type RequestListArgs = Omit<ArgsOf<'requests.list'>, 'cursor'>;

/** The operations that match, a page at a time; the table reads the next page as it scrolls. */
export function useRequestList(args: RequestListArgs) {
  return usePagedList(entryPagesKey('requests', 'requests.list', args), entryFetcher('requests.list', args));
}

/** How many operations match `args` (states, operation, text), and how many there are at all. */
export function useRequestCounts(args: RequestListArgs) {
  const { states, op, text } = args;
  const query = { states, op, text };
  const matching = useQuery({
    queryKey: [...queryKeys.requests, 'count', query],
    queryFn: async () => (await cardDesk().journal.count(query)).count,
  });
  const all = useQuery({
    queryKey: [...queryKeys.requests, 'count', {}],
    queryFn: async () => (await cardDesk().journal.count({})).count,
  });
  return { matching: matching.data, all: all.data };
}

const movesEntries = { refresh: [queryKeys.requests, queryKeys.journal], refreshAlways: true } as const;

/** Asks the bank (Request status) about one entry now; the answer is the entry as it stands afterwards. */
export function useRecheck(): Write<string, JournalEntryView> {
  return useWrite({ call: (requestId: string) => cardDesk().requests.recheck({ requestId }), ...movesEntries });
}

export function useReconcileAll(): Write<void, ReconcileView> {
  return useWrite({ call: () => cardDesk().requests.reconcileAll({}), ...movesEntries });
}
