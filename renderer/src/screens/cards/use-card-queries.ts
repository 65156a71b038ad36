// The card's reads. Every key starts with queryKeys.card(cardId), so one invalidation refreshes them all after
// a write; and an operation of this card that settles later (pending, checking) refreshes them too.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { cardDesk } from '../../api/bridge.ts';
import { expectDone } from '../../api/outcome.ts';
import { queryKeys } from '../../api/query-keys.ts';

export const cardKeys = {
  all: (cardId: string) => queryKeys.card(cardId),
  info: (cardId: string) => [...queryKeys.card(cardId), 'info'] as const,
  balance: (cardId: string) => [...queryKeys.card(cardId), 'balance'] as const,
  statement: (cardId: string, from: string, to: string) => [...queryKeys.card(cardId), 'statement', from, to] as const,
  extended: (cardId: string, from: string, to: string) => [...queryKeys.card(cardId), 'extended', from, to] as const,
  limits: (cardId: string) => [...queryKeys.card(cardId), 'limits'] as const,
};

export function useCardInfo(cardId: string) {
  return useQuery({
    queryKey: cardKeys.info(cardId),
    queryFn: async () => expectDone(await cardDesk().cards.info({ cardId })).card,
  });
}

export function useCardBalance(cardId: string) {
  return useQuery({
    queryKey: cardKeys.balance(cardId),
    queryFn: async () => expectDone(await cardDesk().cards.balance({ cardId })).accounts,
  });
}

/** Card operations settle in main after the screen has shown "pending" or "checking": refetch then. */
export function useRefreshOnCardEvents(cardId: string): void {
  const client = useQueryClient();
  useEffect(
    () =>
      cardDesk().on('requests.changed', ({ op }) => {
        if (op.startsWith('card.') || op.startsWith('limits.')) {
          void client.invalidateQueries({ queryKey: cardKeys.all(cardId) });
        }
      }),
    [client, cardId],
  );
}
