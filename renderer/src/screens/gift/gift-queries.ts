// Gift reads: the product list and one card's state, under the ['gift'] key that gift writes invalidate.
import { useQuery } from '@tanstack/react-query';
import { GIFT_CARD_STATUSES } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';
import { expectDone } from '../../api/outcome.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { Language } from '../../i18n/languages.ts';

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

/** The product's name in the operator's language: the API has a local name and an English one. */
export function productName(product: { name: string; name_en: string }, language: Language): string {
  return language === 'en' ? product.name_en : product.name;
}

export type GiftStatusWord = (typeof GIFT_CARD_STATUSES)[keyof typeof GIFT_CARD_STATUSES];

/** The dictionary word of a gift card_status (docs/card-api.md, dictionaries); undefined for a value the dictionary lacks. */
export function giftStatusWord(status: number): GiftStatusWord | undefined {
  return Object.hasOwn(GIFT_CARD_STATUSES, status)
    ? GIFT_CARD_STATUSES[status as keyof typeof GIFT_CARD_STATUSES]
    : undefined;
}
