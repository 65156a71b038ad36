// The Requests screen's data: every journaled operation (newest first), kept live by main's `requests.changed`
// event, which announces every change of an operation from the moment it is recorded as sending
// (use-bridge-events.ts refreshes every key under 'requests'); and its two writes: re-check one entry with the
// bank now, and reconcile every open one. Both may have moved entries whatever they answer.
import { useQuery } from '@tanstack/react-query';
import type { JournalEntryView, ReconcileView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

export const MAX_ENTRIES = 100_000;
export const requestsListKey = [...queryKeys.requests, 'list'] as const;

export function useRequestList() {
  return useQuery({
    queryKey: requestsListKey,
    queryFn: () => cardDesk().requests.list({ limit: MAX_ENTRIES }),
    // Read again whenever the screen opens; while it is open, the events keep it current.
    staleTime: 0,
  });
}

const movesEntries = { refresh: [queryKeys.requests, queryKeys.journal], refreshAlways: true } as const;

/** Asks the bank (Request status) about one entry now; the answer is the entry as it stands afterwards. */
export function useRecheck(): Write<string, JournalEntryView> {
  return useWrite({ call: (requestId: string) => cardDesk().requests.recheck({ requestId }), ...movesEntries });
}

export function useReconcileAll(): Write<void, ReconcileView> {
  return useWrite({ call: () => cardDesk().requests.reconcileAll({}), ...movesEntries });
}
