// Input checks shared by the new-client form and bulk files (common/card-api/catalog/fields.ts): a date of birth
// from 1900 up to today, and a country that is in the ISO 3166 list, each with a problem code of its own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRIES } from '../../common/card-api/iso-countries.ts';
import { birthdate, INPUT_PROBLEM, isoCountry3, localToday } from '../../common/card-api/catalog/fields.ts';
import { validateBulkFile } from '../../main/core/bulk/validate.ts';

const countries = createRequire(import.meta.url)('i18n-iso-countries') as {
  getAlpha3Codes: () => Record<string, string>;
};

const HEADER = 'product_id;phone;type;resident;first_name;last_name;card_kind;birthdate;country;address1_country';
const bulk = (birth: string, country: string, address1Country = '') =>
  validateBulkFile(
    Buffer.from(`${HEADER}\n2000;77001234567;1;1;Aruzhan;Sadykova;virtual;${birth};${country};${address1Country}\n`),
  ).problems.map((p) => [p.field, p.code]);

const addDays = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localToday(date);
};

describe('the ISO 3166 list in common/', () => {
  it('is exactly the alpha-3 list of the i18n-iso-countries package (regenerate with scripts/gen-iso-countries.ts)', () => {
    expect(ISO_COUNTRIES).toEqual(countries.getAlpha3Codes());
  });
});

describe('date of birth', () => {
  it('takes today and 1900-01-01, refuses tomorrow and 1899-12-31 with their own messages', () => {
    expect(birthdate.safeParse(localToday()).success).toBe(true);
    expect(birthdate.safeParse('1900-01-01').success).toBe(true);
    expect(birthdate.safeParse(addDays(1)).error?.issues.map((i) => i.message)).toEqual([
      INPUT_PROBLEM.birthdateFuture,
    ]);
    expect(birthdate.safeParse('1899-12-31').error?.issues.map((i) => i.message)).toEqual([
      INPUT_PROBLEM.birthdateTooEarly,
    ]);
  });

  it('reports a malformed date as a format problem only', () => {
    expect(birthdate.safeParse('31.12.1990').error?.issues.map((i) => i.code)).toEqual(['invalid_format']);
  });

  it('is refused in a bulk file with birthdate_future or birthdate_too_early, naming the column', () => {
    expect(bulk('1990-04-12', 'KAZ')).toEqual([]);
    expect(bulk(addDays(1), 'KAZ')).toEqual([['birthdate', 'birthdate_future']]);
    expect(bulk('2999-01-01', 'KAZ')).toEqual([['birthdate', 'birthdate_future']]);
    expect(bulk('1850-01-01', 'KAZ')).toEqual([['birthdate', 'birthdate_too_early']]);
  });
});

describe('country', () => {
  it('takes every ISO alpha-3 code and nothing else of three letters', () => {
    for (const code of Object.keys(ISO_COUNTRIES)) expect(isoCountry3.safeParse(code).success).toBe(true);
    for (const code of ['XYZ', 'KAX', 'kaz', 'KZ', 'KAZA', '']) {
      expect(isoCountry3.safeParse(code).error?.issues.map((i) => i.message)).toEqual([INPUT_PROBLEM.country]);
    }
  });

  it('is refused in a bulk file with the country code, for the client and for an address', () => {
    expect(bulk('', 'QQQ')).toEqual([['country', 'country']]);
    const addressProblem = validateBulkFile(
      Buffer.from(
        'product_id;phone;type;resident;first_name;last_name;card_kind;address1_country;address1_postal_code;address1_city;address1_street;address1_building\n' +
          '2000;77001234567;1;1;Aruzhan;Sadykova;virtual;ZZZ;050000;Almaty;Abay;1\n',
      ),
    ).problems.map((p) => [p.field, p.code]);
    expect(addressProblem).toEqual([['address1_country', 'country']]);
  });
});
