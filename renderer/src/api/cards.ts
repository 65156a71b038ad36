// One card's reads and writes (docs/card-api.md, payment-card catalog). Every key starts with
// queryKeys.card(cardId), so a done write reads the whole card again; an operation of this card that settles
// later (pending, checking) refreshes it too.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ArgsOf, CardSecretData, OperationOutcome } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { trackCardWrite } from './in-flight.ts';
import { expectDone } from './outcome.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

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

export function useCardLimits(cardId: string) {
  return useQuery({
    queryKey: cardKeys.limits(cardId),
    queryFn: async () => expectDone(await cardDesk().limits.list({ object: { type: 'card', value: cardId } })).limits,
  });
}

/** The statement between two RFC 3339 moments; nothing is read while `enabled` is false (an invalid range). */
export function useCardStatement(cardId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: cardKeys.statement(cardId, from, to),
    queryFn: async () => expectDone(await cardDesk().cards.statement({ cardId, from, to })).operations,
    enabled,
  });
}

export function useCardExtendedStatement(cardId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: cardKeys.extended(cardId, from, to),
    queryFn: async () => expectDone(await cardDesk().cards.statementExtended({ cardId, from, to })),
    enabled,
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

type OnCard<M extends 'cards.block' | 'cards.unblock' | 'cards.setPin' | 'cards.identify' | 'cards.close'> = Omit<
  ArgsOf<M>,
  'cardId'
>;

/** What an operator does to a card (the actions its status allows: screens/cards/card-actions.ts). */
export type CardCommand =
  | { action: 'activate' }
  | { action: 'resetPinCounter' }
  | { action: 'block'; args: OnCard<'cards.block'> }
  | { action: 'unblock'; args: OnCard<'cards.unblock'> }
  | { action: 'setPin'; args: OnCard<'cards.setPin'> }
  | { action: 'identify'; args: OnCard<'cards.identify'> }
  | { action: 'close'; args: OnCard<'cards.close'> };

function sendCardCommand(cardId: string, command: CardCommand): Promise<OperationOutcome> {
  const cards = cardDesk().cards;
  switch (command.action) {
    case 'activate':
      return cards.activate({ cardId });
    case 'resetPinCounter':
      return cards.resetPinCounter({ cardId });
    case 'block':
      return cards.block({ cardId, ...command.args });
    case 'unblock':
      return cards.unblock({ cardId, ...command.args });
    case 'setPin':
      return cards.setPin({ cardId, ...command.args });
    case 'identify':
      return cards.identify({ cardId, ...command.args });
    case 'close':
      return cards.close({ cardId, ...command.args });
  }
}

/** A card action; once done, everything shown of the card is read again. A set-PIN command carries the PIN. It is
 * followed beside the screens (in-flight.ts), so that its dialog may be closed while it runs. */
export function useCardWrite(cardId: string): Write<CardCommand, OperationOutcome> {
  return useWrite({
    call: (command: CardCommand) => trackCardWrite(cardId, command.action, sendCardCommand(cardId, command)),
    refresh: [cardKeys.all(cardId)],
    secretArgs: true,
  });
}

export type LimitSpec = ArgsOf<'limits.set'>['limits'][number];

export interface SetLimit {
  limit: LimitSpec;
  /** A second operator's approval, where dual control asks for one (not kept with the write). */
  approval?: ArgsOf<'limits.set'>['approval'];
}

/** Sets one limit of the card; once done, its limits are read again. */
export function useSetCardLimit(cardId: string): Write<SetLimit, OperationOutcome> {
  return useWrite({
    call: ({ limit, approval }: SetLimit) =>
      cardDesk().limits.set({
        object: { type: 'card', value: cardId },
        limits: [limit],
        ...(approval === undefined ? {} : { approval }),
      }),
    refresh: [cardKeys.limits(cardId)],
    secretArgs: true,
  });
}

/** Why the operator reveals the card's data: a reason of the contract's list and a note (kept in the audit). */
export type RevealReason = Omit<ArgsOf<'cards.revealSecret'>, 'cardId'>;

/** The card's secret data: never through a query or a mutation, whose caches would keep it (use-revealed-secret.ts). */
export function revealCardSecret(cardId: string, why: RevealReason): Promise<OperationOutcome<CardSecretData>> {
  return cardDesk().cards.revealSecret({ cardId, ...why });
}

/** Tells main the secret is off screen (it ends content protection); a failure changes nothing to show. */
export function concealCardSecret(): void {
  cardDesk()
    .cards.concealSecret({})
    .catch(() => undefined);
}
