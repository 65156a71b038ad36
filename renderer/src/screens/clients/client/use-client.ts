// The client page's read (its cards) and writes (which refresh the cards once done).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OperationOutcome } from '../../../../../common/contract/index.ts';
import { cardDesk } from '../../../api/bridge.ts';
import { expectDone } from '../../../api/outcome.ts';
import { queryKeys } from '../../../api/query-keys.ts';

export const clientCardsKey = (clientId: string) => [...queryKeys.client(clientId), 'cards'] as const;

export function useClientCards(clientId: string) {
  return useQuery({
    queryKey: clientCardsKey(clientId),
    queryFn: async () => expectDone(await cardDesk().clients.cards({ clientId })).cards,
  });
}

/** A write about this client: after a done outcome, what is shown of the client is read again. */
export function useClientWrite<A>(clientId: string, call: (args: A) => Promise<OperationOutcome>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (outcome) => {
      if (outcome.kind === 'done') void queryClient.invalidateQueries({ queryKey: queryKeys.client(clientId) });
    },
  });
}

/** Writes that change a client's cards; one left pending here may settle later (reconciliation). */
const CARD_LIST_OPS = new Set(['card.issue', 'card.issuePlastic', 'card.link']);

/** When such a write settles as done while the page is open, its card list is read again. */
export function useRefreshOnSettled(clientId: string): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      cardDesk().on('requests.changed', ({ op, state }) => {
        if (state === 'done' && CARD_LIST_OPS.has(op)) {
          void queryClient.invalidateQueries({ queryKey: clientCardsKey(clientId) });
        }
      }),
    [clientId, queryClient],
  );
}
