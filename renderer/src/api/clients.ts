// A client's read (its cards) and the writes about clients (docs/card-api.md, payment-card catalog): create one,
// issue or link a card, change the phone. A done write reads again what is shown of the client.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ArgsOf, OperationOutcome } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { expectDone } from './outcome.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

export const clientCardsKey = (clientId: string) => [...queryKeys.client(clientId), 'cards'] as const;

export function useClientCards(clientId: string) {
  return useQuery({
    queryKey: clientCardsKey(clientId),
    queryFn: async () => expectDone(await cardDesk().clients.cards({ clientId })).cards,
  });
}

/** Writes that change a client's cards; one left pending here may settle later (reconciliation). */
const CARD_LIST_OPS = new Set(['card.issue', 'card.issuePlastic', 'card.link']);

/** When such a write settles as done while the page is open, its card list is read again. */
export function useRefreshClientOnSettled(clientId: string): void {
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

/** A new client; the recent clients list follows the journal's event. */
export function useCreateClient(): Write<ArgsOf<'clients.create'>['draft'], OperationOutcome> {
  return useWrite({ call: (draft: ArgsOf<'clients.create'>['draft']) => cardDesk().clients.create({ draft }) });
}

type ForClient<M extends 'cards.issuePlastic' | 'cards.link' | 'clients.updatePhone'> = Omit<ArgsOf<M>, 'clientId'>;

/** What an operator does for a client on its page. */
export type ClientCommand =
  | { action: 'issueVirtual' }
  | { action: 'issuePlastic'; args: ForClient<'cards.issuePlastic'> }
  | { action: 'link'; args: ForClient<'cards.link'> }
  | { action: 'updatePhone'; args: ForClient<'clients.updatePhone'> };

function sendClientCommand(clientId: string, command: ClientCommand): Promise<OperationOutcome> {
  const api = cardDesk();
  switch (command.action) {
    case 'issueVirtual':
      return api.cards.issue({ clientId });
    case 'issuePlastic':
      return api.cards.issuePlastic({ clientId, ...command.args });
    case 'link':
      return api.cards.link({ clientId, ...command.args });
    case 'updatePhone':
      return api.clients.updatePhone({ clientId, ...command.args });
  }
}

export function useClientWrite(clientId: string): Write<ClientCommand, OperationOutcome> {
  return useWrite({
    call: (command: ClientCommand) => sendClientCommand(clientId, command),
    refresh: [queryKeys.client(clientId)],
  });
}
