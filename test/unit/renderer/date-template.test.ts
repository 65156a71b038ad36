// A table's date and time through a template read once per formatter (renderer/src/i18n/date-template.ts) gives
// exactly the formatter's own text, with the FormatJS polyfill the renderer runs and with Node's ICU, in every UI
// language, in zones with half-hour offsets and offset changes. The polyfill replaces Intl in this file's
// process only (each test file runs in its own).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

await import('@formatjs/intl-pluralrules/polyfill-force.js');
await import('@formatjs/intl-numberformat/polyfill-force.js');
const native = Intl.DateTimeFormat;
await import('@formatjs/intl-datetimeformat/polyfill-force.js');
await import('@formatjs/intl-datetimeformat/add-all-tz.js');
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
  import('@formatjs/intl-datetimeformat/locale-data/en-GB.js'),
  import('@formatjs/intl-datetimeformat/locale-data/ru.js'),
  import('@formatjs/intl-datetimeformat/locale-data/kk.js'),
  import('@formatjs/intl-datetimeformat/locale-data/ky.js'),
  import('@formatjs/intl-datetimeformat/locale-data/uz.js'),
]);
const { dateTemplate } = await import('../../../renderer/src/i18n/date-template.ts');

const LOCALES = ['ru-RU', 'en-GB', 'kk-KZ', 'ky-KG', 'uz-Latn-UZ'];
const ZONES = ['Asia/Almaty', 'Europe/London', 'America/St_Johns', 'Australia/Lord_Howe'];

/** The app's table date options (formatShortDateTime in renderer/src/i18n/format.ts). */
function short(DateTimeFormat: typeof Intl.DateTimeFormat, locale: string, timeZone: string): Intl.DateTimeFormat {
  return new DateTimeFormat(locale, {
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

// Minutes from 2019 to 2031; several values of one day, so that most are written by hand.
const times = fc
  .tuple(
    fc.integer({ min: 0, max: 12 * 366 }),
    fc.array(fc.integer({ min: 0, max: 1439 }), { minLength: 1, maxLength: 4 }),
  )
  .map(([day, minutes]) => minutes.map((minute) => Date.UTC(2019, 0, 1) + (day * 1440 + minute) * 60_000));

describe('table date templates', () => {
  for (const [name, DateTimeFormat] of [
    ['the polyfill', Intl.DateTimeFormat],
    ['Node ICU', native],
  ] as const) {
    it(`give ${name}'s own text for any time, in every language, across offset changes`, () => {
      for (const zone of ZONES)
        for (const locale of LOCALES) {
          const formatter = short(DateTimeFormat, locale, zone);
          const template = dateTemplate(formatter);
          expect(template, `${locale} ${zone}`).toBeDefined();
          fc.assert(
            fc.property(times, (values) =>
              values.every((time) => template?.(new Date(time)) === formatter.format(time)),
            ),
            { numRuns: 25 },
          );
        }
    });
  }

  it('are refused for a 12-hour clock or digits other than Latin', () => {
    expect(dateTemplate(short(native, 'en-US', 'UTC'))).toBeUndefined();
    expect(dateTemplate(short(native, 'ar-EG', 'UTC'))).toBeUndefined();
  });
});
