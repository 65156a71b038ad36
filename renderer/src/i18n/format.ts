// Locale formats for money, numbers, dates and phones. Money uses the narrow symbol (₸ for KZT); UZS has no
// fraction digits. Formatters are cached: building an Intl formatter per table cell would be slow.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { LOCALE_OF, type Language } from './languages.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

const NO_FRACTION = new Set(['UZS']);

export function formatMoney(amount: number | string, currency: string, language: Language): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return `${String(amount)} ${currency}`;
  const digits = NO_FRACTION.has(currency) ? 0 : undefined;
  try {
    return cached(`money:${language}:${currency}`, () => {
      return new Intl.NumberFormat(LOCALE_OF[language], {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    }).format(value);
  } catch {
    // Not an ISO currency code: show the number and the code as they came.
    return `${formatNumber(value, language)} ${currency}`;
  }
}

export function formatNumber(value: number, language: Language): string {
  return cached(`number:${language}`, () => new Intl.NumberFormat(LOCALE_OF[language])).format(value);
}

function toDate(value: number | string | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDateTime(value: number | string | Date, language: Language): string {
  const date = toDate(value);
  if (date === undefined) return String(value);
  return cached(
    `datetime:${language}`,
    () => new Intl.DateTimeFormat(LOCALE_OF[language], { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

/** `77012345678` → `+7 701 234 5678`; anything unparsable is shown as it came. */
export function formatPhone(digits: string | number): string {
  const text = String(digits);
  const phone = parsePhoneNumberFromString(`+${text}`);
  return phone === undefined ? text : phone.formatInternational();
}
