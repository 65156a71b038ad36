// The client's product as this workstation recorded it: the product of its last phone change that the bank
// accepted, else the product it was created with (the journal, by client: docs/architecture.md, the journal).
// The Card API has no read of a client, so a client created elsewhere has no known product (null): the phone
// form then asks for it and never guesses (docs/operator-ui.md, clients and cards).
import { useQuery } from '@tanstack/react-query';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';

async function lastProduct(clientId: string, op: 'client.update' | 'client.create'): Promise<number | undefined> {
  const { entries } = await cardDesk().journal.search({ clientId, op, states: ['done'], limit: 1 });
  const product = entries[0]?.params.product_id;
  return typeof product === 'number' ? product : undefined;
}

export function useClientProduct(clientId: string) {
  return useQuery({
    // Under the client's key: a done write for the client (a phone change) reads it again.
    queryKey: [...queryKeys.client(clientId), 'product'],
    queryFn: async (): Promise<number | null> =>
      (await lastProduct(clientId, 'client.update')) ?? (await lastProduct(clientId, 'client.create')) ?? null,
  });
}
