// The bulk help lists the columns of the rule itself (common/bulk/formats.ts), each with its description.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULK_FORMATS, columnsOf, FORMATS } from '../../../common/bulk/formats.ts';
import { ADDRESS_PARTS, FORMAT_COLUMNS } from '../../../renderer/src/screens/bulk/formats.ts';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n', 'locales');
const english = JSON.parse(readFileSync(join(LOCALES, 'en', 'bulk.json'), 'utf8')) as {
  formats: { columns: Record<string, unknown> };
};

describe('the bulk formats help', () => {
  it.each(BULK_FORMATS)('lists every %s column once, required ones first', (format) => {
    const listed = FORMAT_COLUMNS[format];
    const named = new Set(listed.map((c) => c.name));
    for (const column of columnsOf(format)) {
      expect(named.has(column.replace(/^(address[12])_.*$/, '$1_*')), column).toBe(true);
    }
    expect(named.size).toBe(listed.length);
    const required = listed.filter((c) => c.required).map((c) => c.name);
    expect(required).toEqual([...FORMATS[format].required]);
    expect(listed.slice(0, required.length).every((c) => c.required)).toBe(true);
  });

  it('describes every column it lists', () => {
    for (const column of BULK_FORMATS.flatMap((format) => FORMAT_COLUMNS[format])) {
      expect(typeof english.formats.columns[column.key], column.key).toBe('string');
    }
  });

  it('names the parts of an address group', () => {
    expect(ADDRESS_PARTS).toEqual(['country', 'postal_code', 'city', 'street', 'building']);
    expect(FORMAT_COLUMNS.clients.find((c) => c.name === 'address1_*')).toEqual({
      name: 'address1_*',
      required: false,
      key: 'address1',
    });
  });
});
