// Gift cards (docs/card-api.md, gift catalog): the product list and one card's state, under the ['gift'] key,
// and the writes, which read them again after every answer (a refused code or a resend changes what the bank
// reports of the card as much as an issue does).
import { useQuery } from '@tanstack/react-query';
import type { ArgsOf, ResultOfMethod } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { expectDone } from './outcome.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

export const giftKeys = {
  products: [...queryKeys.gift, 'products'] as const,
  status: (cardId: number) => [...queryKeys.gift, 'status', cardId] as const,
};

export function useGiftProducts() {
  return useQuery({
    queryKey: giftKeys.products,
    queryFn: async () => expectDone(await cardDesk().gift.products({})).product_list,
    staleTime: 60_000,
  });
}

export function useGiftStatus(cardId: number | undefined) {
  return useQuery({
    queryKey: giftKeys.status(cardId ?? 0),
    queryFn: async () => expectDone(await cardDesk().gift.status({ cardId: cardId ?? 0 })),
    enabled: cardId !== undefined,
    staleTime: 0,
  });
}

const giftWrite = { refresh: [queryKeys.gift], refreshAlways: true } as const;

export function useIssueGift(): Write<ArgsOf<'gift.issue'>, ResultOfMethod<'gift.issue'>> {
  return useWrite({ call: (args: ArgsOf<'gift.issue'>) => cardDesk().gift.issue(args), ...giftWrite });
}

/** Activates the card with the holder's one-time code. */
export function useConfirmGift(): Write<ArgsOf<'gift.confirm'>, ResultOfMethod<'gift.confirm'>> {
  return useWrite({ call: (args: ArgsOf<'gift.confirm'>) => cardDesk().gift.confirm(args), ...giftWrite });
}

/** The card data (`resend`) or a new one-time code (`resendCode`, which replaces the old code) sent again. */
export interface SendAgain {
  action: 'resend' | 'resendCode';
  cardId: number;
}

export function useSendGiftAgain(): Write<SendAgain, ResultOfMethod<'gift.resend'>> {
  return useWrite({
    call: ({ action, cardId }: SendAgain) =>
      action === 'resend' ? cardDesk().gift.resend({ cardId }) : cardDesk().gift.resendCode({ cardId }),
    ...giftWrite,
  });
}
