// Bulk files are validated whole before anything is sent: one test per rule.
import { describe, expect, it } from 'vitest';
import { templateCsv } from '../../common/bulk/formats.ts';
import { validateBulkFile } from '../../main/core/bulk/validate.ts';
import { clientsCsv } from '../support/bulk-csv.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const codes = (text: string | Buffer) =>
  validateBulkFile(typeof text === 'string' ? utf8(text) : text).problems.map((p) => [p.row, p.field, p.code]);
const HEADER = 'product_id;phone;type;resident;first_name;last_name;card_kind;embossed_name';
const row = (fields: Partial<Record<string, string>>) => {
  const base: Record<string, string> = {
    product_id: '2000',
    phone: '77001234567',
    type: '1',
    resident: '1',
    first_name: 'Aruzhan',
    last_name: 'Sadykova',
    card_kind: 'virtual',
    embossed_name: '',
  };
  return HEADER.split(';')
    .map((c) => fields[c] ?? base[c])
    .join(';');
};
const file = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;

describe('bulk file validation', () => {
  it('accepts both templates as they are, and finds their format', () => {
    for (const format of ['clients', 'cards'] as const) {
      const v = validateBulkFile(utf8(templateCsv(format)));
      expect(v.problems).toEqual([]);
      expect(v.format).toBe(format);
      expect(v.rows.length).toBe(2);
    }
  });

  it('reads UTF-8 with or without BOM, with ; or , and quoted fields', () => {
    for (const [delimiter, bom] of [
      [';', false],
      [';', true],
      [',', false],
      [',', true],
    ] as const) {
      const v = validateBulkFile(utf8(clientsCsv(5, { delimiter, bom })));
      expect({ delimiter, bom, problems: v.problems, rows: v.rows.length }).toEqual({
        delimiter,
        bom,
        problems: [],
        rows: 5,
      });
    }
    const quoted = validateBulkFile(
      utf8(`${HEADER}\n"2000";"77001234567";1;1;"Aruzhan";"Sadykova-Ali";"virtual";""\n`),
    );
    expect(quoted.problems).toEqual([]);
    expect(quoted.rows[0]?.input).toMatchObject({
      format: 'clients',
      draft: { client: { last_name: 'Sadykova-Ali' } },
    });
  });

  it('refuses a file that is not UTF-8, and an empty file', () => {
    expect(codes(Buffer.from([0x70, 0x72, 0x6f, 0xe4, 0x0a]))).toEqual([[null, null, 'encoding']]); // Latin-1 "ä"
    expect(codes('')).toEqual([[null, null, 'empty']]);
    expect(codes(`${HEADER}\n`)).toEqual([[null, null, 'empty']]);
  });

  it('checks the header: unknown format, missing, unknown and duplicate columns', () => {
    expect(codes('name;amount\nx;1\n')).toEqual([[1, null, 'unknown_format']]);
    expect(codes('product_id;phone;type;resident;first_name;card_kind\n2000;77001234567;1;1;A;virtual\n')).toEqual([
      [1, 'last_name', 'missing_column'],
    ]);
    expect(codes(`${HEADER};nickname\n${row({})};x\n`)).toEqual([[1, 'nickname', 'unknown_column']]);
    expect(codes(`${HEADER};phone\n${row({})};77001234568\n`)).toEqual([[1, 'phone', 'duplicate_column']]);
  });

  it('refuses rows with a different number of fields', () => {
    expect(codes(file(row({}), '2000;77001234568;1'))).toEqual([[3, null, 'column_count']]);
  });

  it('names the row and column of every field problem, all at once', () => {
    const problems = codes(
      file(
        row({}),
        row({ phone: '77001234568', first_name: 'Айгерим' }), // Cyrillic
        row({ phone: '12345' }),
        row({ phone: '77001234569', type: 'x', resident: '3' }),
        row({ phone: '77001234570', last_name: '' }),
        row({ phone: '77001234571', card_kind: 'gold' }),
        row({ phone: '77001234572', card_kind: 'plastic', embossed_name: 'lower case' }),
        row({ phone: '77001234573', card_kind: 'plastic' }),
      ),
    );
    expect(problems).toEqual([
      [3, 'first_name', 'invalid'],
      [4, 'phone', 'phone'],
      [5, 'type', 'invalid'],
      [5, 'resident', 'invalid'],
      [6, 'last_name', 'required'],
      [7, 'card_kind', 'invalid'],
      [8, 'embossed_name', 'invalid'],
      [9, 'embossed_name', 'required'],
    ]);
  });

  it('accepts phones of KZ, KG and UZ written with +, spaces or dashes, and refuses other countries', () => {
    const v = validateBulkFile(
      utf8(file(row({ phone: '+7 700 123-45-67' }), row({ phone: '+996 555 123456' }), row({ phone: '998901234567' }))),
    );
    expect(v.problems).toEqual([]);
    expect(v.rows.map((r) => (r.input.format === 'clients' ? r.input.draft.client.phone : 0))).toEqual([
      77001234567, 996555123456, 998901234567,
    ]);
    expect(codes(file(row({ phone: '+49 30 1234567' })))).toEqual([[2, 'phone', 'phone']]); // Germany
  });

  it('refuses product 1000 (it needs a document scan) and unknown products', () => {
    expect(codes(file(row({ product_id: '1000' })))).toEqual([[2, 'product_id', 'product_needs_document']]);
    expect(codes(file(row({ product_id: '4000' })))).toEqual([[2, 'product_id', 'invalid']]);
  });

  it('refuses the same client twice in one file (phone or national id)', () => {
    expect(codes(file(row({}), row({})))).toEqual([[3, 'phone', 'duplicate_client']]);
  });

  it('checks unassigned card rows: product and quantity 1..1000', () => {
    expect(codes('product_id;quantity\n2000;0\n3000;1001\n2000;abc\n2000;5\n')).toEqual([
      [2, 'quantity', 'invalid'],
      [3, 'quantity', 'invalid'],
      [4, 'quantity', 'invalid'],
    ]);
  });

  it('gives no row to run while any problem remains, and every row once the file is fixed', () => {
    const broken = validateBulkFile(utf8(file(row({}), row({ phone: '1' }))));
    expect(broken.rows).toEqual([]);
    const fixed = validateBulkFile(utf8(file(row({}), row({ phone: '77001234599' }))));
    expect(fixed.problems).toEqual([]);
    expect(fixed.rows.map((r) => r.row)).toEqual([2, 3]);
  });
});
