// Locale formats for money, numbers, dates and phones, with the app's own CLDR data (locale-data.ts), not the
// browser's. Money uses the narrow symbol (₸ for KZT) except for KGS, whose narrow sign (U+20C0) few fonts
// have; UZS has no fraction digits. Formatters and recent results are cached: the polyfilled formatters are
// slower than native ones, and a table formats the same values on every render. Money goes through a template
// and a table's dates go through templates read once per formatter (money-template.ts,
// date-template.ts): a scrolled statement shows values never formatted before.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { LOCALE_OF, type Language } from './languages.ts';
import { onLocaleData } from './locale-data.ts';
import { dateTemplate, type DateTemplate } from './date-template.ts';
import { moneyTemplate, type MoneyTemplate } from './money-template.ts';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const results = new Map<string, string>();
const MAX_RESULTS = 5000;
/** Per money or table date formatter: its template, or null where the formatter formats each value itself. */
const templates = new Map<string, MoneyTemplate | DateTemplate | null>();

function templateOf<T extends MoneyTemplate | DateTemplate>(key: string, make: () => T | undefined): T | null {
  let template = templates.get(key) as T | null | undefined;
  if (template === undefined) {
    template = make() ?? null;
    templates.set(key, template);
  }
  return template;
}

// New data means a formatter built before it may have fallen back to another locale.
onLocaleData(() => {
  formatters.clear();
  results.clear();
  templates.clear();
});

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

function remembered(key: string, make: () => string): string {
  let text = results.get(key);
  if (text === undefined) {
    text = make();
    if (results.size >= MAX_RESULTS) results.clear();
    results.set(key, text);
  }
  return text;
}

const NO_FRACTION = new Set(['UZS']);
const FULL_SYMBOL = new Set(['KGS']);

export function formatMoney(amount: number | string, currency: string, language: Language): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return `${String(amount)} ${currency}`;
  const digits = NO_FRACTION.has(currency) ? 0 : undefined;
  const key = `money:${language}:${currency}`;
  try {
    const formatter = cached(key, () => {
      return new Intl.NumberFormat(LOCALE_OF[language], {
        style: 'currency',
        currency,
        currencyDisplay: FULL_SYMBOL.has(currency) ? 'symbol' : 'narrowSymbol',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    });
    const template = templateOf(key, () => moneyTemplate(formatter));
    if (template !== null) return template.format(value);
    return remembered(`${key}:${String(value)}`, () => formatter.format(value));
  } catch {
    // Not an ISO currency code: show the number and the code as they came.
    return `${formatNumber(value, language)} ${currency}`;
  }
}

export function formatNumber(value: number, language: Language): string {
  const formatter = cached(`number:${language}`, () => new Intl.NumberFormat(LOCALE_OF[language]));
  return remembered(`number:${language}:${value}`, () => formatter.format(value));
}

function toDate(value: number | string | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDateTime(value: number | string | Date, language: Language): string {
  const date = toDate(value);
  if (date === undefined) return String(value);
  const formatter = cached(
    `datetime:${language}`,
    () => new Intl.DateTimeFormat(LOCALE_OF[language], { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return remembered(`datetime:${language}:${date.getTime()}`, () => formatter.format(date));
}

/** The compact date and time of a table cell ("06.12.26, 19:10"): the medium style does not fit a column. */
export function formatShortDateTime(value: number | string | Date, language: Language): string {
  const date = toDate(value);
  if (date === undefined) return String(value);
  const key = `short-datetime:${language}`;
  const formatter = cached(
    key,
    () =>
      new Intl.DateTimeFormat(LOCALE_OF[language], {
        year: '2-digit',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );
  const template = templateOf(key, () => dateTemplate(formatter));
  if (template !== null) return template(date);
  return remembered(`${key}:${String(date.getTime())}`, () => formatter.format(date));
}

/**
 * A date without a time. A calendar date ("1990-05-01", a birth date, a statement's range) is the same day in
 * every time zone; a moment is shown as the local day.
 */
export function formatDate(value: number | string | Date, language: Language): string {
  const calendar = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = toDate(calendar ? `${value}T00:00:00Z` : value);
  if (date === undefined) return String(value);
  const zone = calendar ? 'utc' : 'local';
  const formatter = cached(
    `date:${language}:${zone}`,
    () =>
      new Intl.DateTimeFormat(LOCALE_OF[language], {
        dateStyle: 'medium',
        ...(calendar ? { timeZone: 'UTC' } : {}),
      }),
  );
  return remembered(`date:${language}:${zone}:${date.getTime()}`, () => formatter.format(date));
}

/** `77012345678` → `+7 701 234 5678`; anything unparsable is shown as it came. */
export function formatPhone(digits: string | number): string {
  const text = String(digits);
  const phone = parsePhoneNumberFromString(`+${text}`);
  return phone === undefined ? text : phone.formatInternational();
}
