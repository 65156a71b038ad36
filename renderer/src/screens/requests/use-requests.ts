// The Requests screen's data: every journaled operation (newest first), kept live by `requests.changed`
// events (they invalidate every key under 'requests') and by a watch on the open entries; plus the two writes
// of the screen: re-check one entry and reconcile all open ones.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { OPEN_STATES, type EntryState, type JournalEntryView } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';
import { queryKeys } from '../../api/query-keys.ts';

export const MAX_ENTRIES = 100_000;
export const requestsListKey = [...queryKeys.requests, 'list'] as const;

/** How often the small list of open entries is read, to notice writes that started since the last event. */
const OPEN_WATCH_MS = 5_000;

export function useRequestList() {
  return useQuery({
    queryKey: requestsListKey,
    queryFn: () => cardDesk().requests.list({ limit: MAX_ENTRIES }),
    // Read again whenever the screen opens: writes started elsewhere since are not announced until they end.
    staleTime: 0,
  });
}

/**
 * A write is announced (`requests.changed`) when it ends, not when it starts. While the screen is open, the
 * open entries alone (a small read) are watched; when one is missing from the full list, or in another state,
 * the full list is read again — once per change seen, never in a loop.
 */
export function useOpenWatch(list: readonly JournalEntryView[] | undefined): void {
  const client = useQueryClient();
  const open = useQuery({
    queryKey: [...queryKeys.requests, 'open-watch'],
    queryFn: () => cardDesk().requests.list({ states: [...OPEN_STATES], limit: 1_000 }),
    refetchInterval: OPEN_WATCH_MS,
  });
  const listRef = useRef(list);
  useEffect(() => {
    listRef.current = list;
  }, [list]);
  useEffect(() => {
    const current = listRef.current;
    if (open.data === undefined || current === undefined) return;
    const known = new Map(current.map((e) => [e.requestId, e.state]));
    if (open.data.some((e) => known.get(e.requestId) !== e.state)) {
      void client.invalidateQueries({ queryKey: requestsListKey, exact: true });
    }
  }, [open.data, client]);
}

function useInvalidateJournal(): () => void {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.requests });
    void client.invalidateQueries({ queryKey: queryKeys.journal });
  };
}

/** Asks the bank (Request status) about one entry now; the answer is the entry as it stands afterwards. */
export function useRecheck() {
  const invalidate = useInvalidateJournal();
  return useMutation<JournalEntryView, Error, string>({
    mutationFn: (requestId) => cardDesk().requests.recheck({ requestId }),
    onSettled: invalidate,
  });
}

export function useReconcileAll() {
  const invalidate = useInvalidateJournal();
  return useMutation({
    mutationFn: () => cardDesk().requests.reconcileAll({}),
    onSettled: invalidate,
  });
}

export interface RequestFilter {
  states: readonly EntryState[];
  /** '' = every operation. */
  op: string;
}

export function filterEntries(entries: readonly JournalEntryView[], filter: RequestFilter): JournalEntryView[] {
  return entries.filter((e) => filter.states.includes(e.state) && (filter.op === '' || e.op === filter.op));
}
