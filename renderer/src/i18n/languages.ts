// The five UI languages (settings schema) and the locale each formats numbers, money and dates with.
import type { Language } from '../../../common/contract/index.ts';

export { LANGUAGES } from '../../../common/contract/index.ts';
export type { Language };

export const LOCALE_OF: Record<Language, string> = {
  ru: 'ru-RU',
  en: 'en-GB',
  kk: 'kk-KZ',
  ky: 'ky-KG',
  uz: 'uz-Latn-UZ',
};

/** The dayjs locale of each language: month and weekday names of the date fields' calendars. */
export const DAYJS_LOCALE: Record<Language, string> = {
  ru: 'ru',
  en: 'en-gb',
  kk: 'kk',
  ky: 'ky',
  uz: 'uz-latn',
};

/** Each language's own name, shown in the language picker whatever the current language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ru: 'Русский',
  en: 'English',
  kk: 'Қазақша',
  ky: 'Кыргызча',
  uz: 'Oʻzbekcha',
};

export const NAMESPACES = [
  'common',
  'errors',
  'clients',
  'cards',
  'bulk',
  'requests',
  'journal',
  'gift',
  'settings',
  'lock',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
