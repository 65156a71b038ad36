// Money through a template read once per formatter (renderer/src/i18n/money-template.ts) gives exactly the
// formatter's own text, with the FormatJS polyfill the renderer runs and with Node's ICU, in every UI language.
// The polyfill replaces Intl in this file's process only (each test file runs in its own).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

await import('@formatjs/intl-pluralrules/polyfill-force.js');
const native = Intl.NumberFormat;
await import('@formatjs/intl-numberformat/polyfill-force.js');
await Promise.all([
  import('@formatjs/intl-pluralrules/locale-data/en.js'),
  import('@formatjs/intl-pluralrules/locale-data/ru.js'),
  import('@formatjs/intl-pluralrules/locale-data/kk.js'),
  import('@formatjs/intl-pluralrules/locale-data/ky.js'),
  import('@formatjs/intl-pluralrules/locale-data/uz.js'),
  import('@formatjs/intl-numberformat/locale-data/en-GB.js'),
  import('@formatjs/intl-numberformat/locale-data/ru.js'),
  import('@formatjs/intl-numberformat/locale-data/kk.js'),
  import('@formatjs/intl-numberformat/locale-data/ky.js'),
  import('@formatjs/intl-numberformat/locale-data/uz.js'),
]);
const { moneyTemplate } = await import('../../../renderer/src/i18n/money-template.ts');

const LOCALES = ['ru-RU', 'en-GB', 'kk-KZ', 'ky-KG', 'uz-Latn-UZ'];
const CURRENCIES = ['KZT', 'KGS', 'UZS', 'USD', 'EUR'];

/** The app's money options (renderer/src/i18n/format.ts). */
function money(NumberFormat: typeof Intl.NumberFormat, locale: string, currency: string): Intl.NumberFormat {
  const digits = currency === 'UZS' ? 0 : undefined;
  return new NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: currency === 'KGS' ? 'symbol' : 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const amounts = fc.oneof(
  fc.integer({ min: -1e11, max: 1e11 }).map((cents) => cents / 100),
  fc.double({ min: -1e14, max: 1e14, noNaN: true }),
  fc.constantFrom(0, -0, 0.005, 0.015, 1.005, 2.675, 999.995, 999_999.995, -0.004, 1e15, -1e20, 5e-7),
);

describe('money templates', () => {
  for (const [name, NumberFormat] of [
    ['the polyfill', Intl.NumberFormat],
    ['Node ICU', native],
  ] as const) {
    it(`give ${name}'s own text for any amount, in every language and currency`, () => {
      for (const locale of LOCALES)
        for (const currency of CURRENCIES) {
          const formatter = money(NumberFormat, locale, currency);
          const template = moneyTemplate(formatter);
          expect(template, `${locale} ${currency}`).toBeDefined();
          fc.assert(
            fc.property(amounts, (amount) => template?.format(amount) === formatter.format(amount)),
            { numRuns: 120 },
          );
        }
    });
  }

  it('are refused where the formatter does not write plain digits', () => {
    expect(moneyTemplate(new native('ar-EG', { style: 'currency', currency: 'EGP' }))).toBeUndefined();
    expect(
      moneyTemplate(new native('en-GB', { style: 'currency', currency: 'USD', notation: 'compact' })),
    ).toBeUndefined();
  });
});
