// Gift products and card states in the operator's words.
import { GIFT_CARD_STATUSES } from '../../../../common/contract/index.ts';
import type { Language } from '../../i18n/languages.ts';

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
