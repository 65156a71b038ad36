// The CSV-injection guard (common/csv/safe-cell.ts) and the renderer's CSV export that uses it: a cell a
// spreadsheet would run as a formula is opened as text, and quoting keeps the guard as the cell's first character.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeCell, safeCellOf } from '../../../common/csv/safe-cell.ts';
import { toCsv } from '../../../renderer/src/components/csv.ts';

describe('safeCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+77012345678', "'+77012345678"],
    ['-1+1', "'-1+1"],
    ['-', "'-"],
    ['@cmd', "'@cmd"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('opens %j as text', (cell, safe) => {
    expect(safeCell(cell)).toBe(safe);
  });

  it.each(['-12', '-12.50', '0', '12.5', 'Aigerim', 'a=b', '', "'=already text", ' =1'])(
    'leaves %j as it is',
    (cell) => {
      expect(safeCell(cell)).toBe(cell);
    },
  );

  it('turns any value into a cell', () => {
    expect(safeCellOf(undefined)).toBe('');
    expect(safeCellOf(null)).toBe('');
    expect(safeCellOf(-5)).toBe('-5');
    expect(safeCellOf(1500)).toBe('1500');
    expect(safeCellOf({ a: 1 })).toBe('{"a":1}');
    expect(safeCellOf('=1')).toBe("'=1");
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF lines and a guarded cell inside its quotes', () => {
    const csv = toCsv('en', ['name', 'amount'], [['=HYPERLINK("http://x","go")', -12.5]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('name,amount');
    // Quoted for its comma and quotes, with the apostrophe as the first character inside the quotes.
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""go"")",-12.5`);
  });

  it('reads back as the guarded text', () => {
    const rows = [['@SUM(1)', '+7 701', 'plain', null]];
    const parsed = Papa.parse<string[]>(toCsv('en', ['a', 'b', 'c', 'd'], rows).slice(1), { newline: '\r\n' });
    expect(parsed.data[1]).toEqual(["'@SUM(1)", "'+7 701", 'plain', '']);
  });
});
