// Gift products and card states in the operator's words.
import type { TFunction } from 'i18next';
import { GIFT_CARD_STATUSES } from '../../../../common/contract/index.ts';
import type { Language } from '../../i18n/languages.ts';

/** The languages a product name comes in: the API has a Russian name (`name`) and an English one. */
export type NameLanguage = 'ru' | 'en';

/** Which name fits each UI language best, in order: Russian is the closer one for Kazakh, Kyrgyz and Uzbek. */
const NAME_PREFERENCE: Record<Language, readonly NameLanguage[]> = {
  en: ['en', 'ru'],
  ru: ['ru', 'en'],
  kk: ['ru', 'en'],
  ky: ['ru', 'en'],
  uz: ['ru', 'en'],
};

/** The product's name that fits the operator's language, and the language it is in; an empty name is skipped. */
export function productNameIn(
  product: { name: string; name_en: string },
  language: Language,
): { name: string; lang: NameLanguage } {
  const names: Record<NameLanguage, string> = { ru: product.name.trim(), en: product.name_en.trim() };
  const lang = NAME_PREFERENCE[language].find((l) => names[l] !== '') ?? NAME_PREFERENCE[language][0] ?? 'ru';
  return { name: names[lang], lang };
}

export function productName(product: { name: string; name_en: string }, language: Language): string {
  return productNameIn(product, language).name;
}

/** "(in Russian)" when the name is not in the operator's language, else undefined. */
export function nameLanguageNote(t: TFunction, lang: NameLanguage, language: Language): string | undefined {
  return lang === language
    ? undefined
    : t('gift:products.inLanguage', { language: t(`gift:products.language.${lang}`) });
}

/** The name with its note, for a place that holds one text only (a select's option). */
export function labelledProductName(
  t: TFunction,
  product: { name: string; name_en: string },
  language: Language,
): string {
  const { name, lang } = productNameIn(product, language);
  const note = nameLanguageNote(t, lang, language);
  return note === undefined ? name : `${name} ${note}`;
}

export type GiftStatusWord = (typeof GIFT_CARD_STATUSES)[keyof typeof GIFT_CARD_STATUSES];

/** The dictionary word of a gift card_status (docs/card-api.md, dictionaries); undefined for a value the dictionary lacks. */
export function giftStatusWord(status: number): GiftStatusWord | undefined {
  return Object.hasOwn(GIFT_CARD_STATUSES, status)
    ? GIFT_CARD_STATUSES[status as keyof typeof GIFT_CARD_STATUSES]
    : undefined;
}
