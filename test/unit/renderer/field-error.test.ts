// Field errors in words, with the real English catalogs: each form's words pick the sentence by field, by the
// rule broken, or both; the schema's own message is shown only when no sentence explains it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_PROBLEM } from '../../../common/card-api/catalog/fields.ts';
import { fieldErrorText, wordsByField } from '../../../renderer/src/components/field-error.ts';
import { CLIENT_FIELD_WORDS, fieldKeyOf } from '../../../renderer/src/screens/clients/client-field-words.ts';
import { FILTER_WORDS } from '../../../renderer/src/screens/journal/filter-schemas.ts';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n', 'locales');
const namespace = (ns: string) =>
  JSON.parse(readFileSync(join(LOCALES, 'en', `${ns}.json`), 'utf8')) as Record<string, unknown>;

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { common: namespace('common'), clients: namespace('clients'), journal: namespace('journal') } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

describe('the client forms', () => {
  const error = (field: string, message: string, type = 'custom') =>
    fieldErrorText(t, CLIENT_FIELD_WORDS, field, { message, type });

  it('say "Required" for a value not given, whatever rule it broke', () => {
    expect(error('client.country', 'required')).toBe('Required');
    expect(error('client.person_id', 'required for product 1000')).toBe('Required');
    expect(error('phone', 'Invalid input', 'invalid_type')).toBe('Required');
    expect(error('cardId', 'Too small', 'too_small')).toBe('Required');
  });

  it('give each field its own sentence, and "too long" by its rule', () => {
    expect(error('client.first_name', 'Invalid string', 'invalid_format')).toBe(
      'Use Latin letters only (A–Z), spaces, hyphens and apostrophes.',
    );
    expect(error('client.address2.country', 'Invalid', 'custom')).toBe('Choose a country from the list.');
    expect(error('client.last_name', 'Too big', 'too_big')).toBe('This is too long.');
  });

  it('tell a birth date in the future from one before 1900', () => {
    expect(error('client.birthdate', INPUT_PROBLEM.birthdateFuture)).toBe('The date of birth cannot be in the future.');
    expect(error('client.birthdate', INPUT_PROBLEM.birthdateTooEarly)).toBe('The date of birth cannot be before 1900.');
    expect(error('client.birthdate', 'date as YYYY-MM-DD', 'invalid_format')).toBe(
      'Enter the date of birth as day, month and year.',
    );
  });

  it("show the schema's message inside the generic sentence when the field has none", () => {
    expect(error('client.external_user_id', 'must match ^x$', 'invalid_format')).toBe(
      'Check this value (must match ^x$).',
    );
  });

  it('map draft paths to their words', () => {
    expect(fieldKeyOf('client.address1.postal_code')).toBe('address.postal_code');
    expect(fieldKeyOf('client.identification_info.idn_date')).toBe('identification.idn_date');
    expect(fieldKeyOf('branch_id')).toBe('branch_id');
  });
});

describe('the journal filters', () => {
  it('read their messages as keys, and show a message that is not one as it came', () => {
    expect(fieldErrorText(t, FILTER_WORDS, 'to', { message: 'range', type: 'custom' })).toBe(
      'The end date is before the start date.',
    );
    expect(fieldErrorText(t, FILTER_WORDS, 'text', { message: 'Too big: at most 500', type: 'too_big' })).toBe(
      'Too big: at most 500',
    );
  });
});

describe('words by field', () => {
  const words = wordsByField(
    { minutes: 'journal:filters.errors.text', date: ({ type }) => `journal:filters.errors.${type}` },
    { min: 1 },
  );

  it('pick a sentence per field, or per field and rule', () => {
    expect(fieldErrorText(t, words, 'minutes', { message: 'x', type: 'too_big' })).toBe('At most 200 characters.');
    expect(fieldErrorText(t, words, 'date', { message: 'x', type: 'range' })).toBe(
      'The end date is before the start date.',
    );
  });

  it('say nothing for a field without an error', () => {
    expect(fieldErrorText(t, words, 'minutes', undefined)).toBeUndefined();
  });
});
