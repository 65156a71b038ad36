// The Requests screen's data: every journaled operation (newest first), kept live by `requests.changed` events
// (use-bridge-events.ts refreshes every key under 'requests'), and its two writes: re-check one entry with the
// bank now, and reconcile every open one. Both may have moved entries whatever they answer.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { OPEN_STATES, type JournalEntryView, type ReconcileView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

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

const movesEntries = { refresh: [queryKeys.requests, queryKeys.journal], refreshAlways: true } as const;

/** Asks the bank (Request status) about one entry now; the answer is the entry as it stands afterwards. */
export function useRecheck(): Write<string, JournalEntryView> {
  return useWrite({ call: (requestId: string) => cardDesk().requests.recheck({ requestId }), ...movesEntries });
}

export function useReconcileAll(): Write<void, ReconcileView> {
  return useWrite({ call: () => cardDesk().requests.reconcileAll({}), ...movesEntries });
}
