// Open operations and when main asks the bank about them next (docs/architecture.md, live reconciliation). Kept
// live by main's events, never by polling: `requests.changed` reads the lists again (use-bridge-events.ts
// refreshes everything under 'requests'), and `requests.checkScheduled` moves one operation's next check in
// every list that shows it, without a call to main.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayloads, OpenCheckView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';

/** The operations on one card or one client; every open operation when neither is named. */
export interface CheckScope {
  cardId?: string;
  clientId?: string;
}

const checksRoot = [...queryKeys.requests, 'checks'] as const;
export const openChecksKey = (on: CheckScope) => [...checksRoot, on.cardId ?? '', on.clientId ?? ''] as const;

/** Moves a rescheduled check in every cached list; a check no longer followed waits for requests.changed. */
export function applyCheckScheduled(client: QueryClient, moved: EventPayloads['requests.checkScheduled']): void {
  if (moved.attempt === 0) return;
  client.setQueriesData<OpenCheckView[]>({ queryKey: checksRoot }, (list) =>
    list?.map((check) =>
      check.requestId === moved.requestId
        ? { ...check, nextCheckAt: moved.nextCheckAt, attempt: moved.attempt, checking: moved.checking }
        : check,
    ),
  );
}

/** Follows main's rescheduled checks for the whole app (mounted once, next to useBridgeEvents). */
export function useCheckEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      cardDesk().on('requests.checkScheduled', (moved) => {
        applyCheckScheduled(client, moved);
      }),
    [client],
  );
}

export function useOpenChecks(on: CheckScope = {}) {
  return useQuery({
    queryKey: openChecksKey(on),
    queryFn: () =>
      cardDesk().requests.checks({
        ...(on.cardId === undefined ? {} : { cardId: on.cardId }),
        ...(on.clientId === undefined ? {} : { clientId: on.clientId }),
      }),
    staleTime: 0,
  });
}

/** One operation's place in the schedule (from the list of every open operation, shared by the rows). */
export function useOpenCheck(requestId: string): OpenCheckView | undefined {
  return useOpenChecks().data?.find((check) => check.requestId === requestId);
}
