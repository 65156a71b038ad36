// CSV exports in the operator's language (renderer/src/components/csv.ts, docs/operator-ui.md, Exports): the list
// separator and decimal mark of each language, a BOM, local times with the offset, and the injection guard kept.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../common/contract/index.ts';
import { csvCell, csvStyle, csvTime, toCsv } from '../../../renderer/src/components/csv.ts';

const DECIMAL_COMMA: Language[] = ['ru', 'kk', 'ky', 'uz'];

/** Reads a file the way a spreadsheet of the language would: BOM off, split at the language's separator. */
function read(language: Language, csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), {
    delimiter: csvStyle(language).separator,
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('csvStyle', () => {
  it('uses ; and a decimal comma in ru, kk, ky and uz, and , with a decimal point in en', () => {
    for (const language of DECIMAL_COMMA) expect(csvStyle(language)).toEqual({ separator: ';', decimal: ',' });
    expect(csvStyle('en')).toEqual({ separator: ',', decimal: '.' });
  });
});

describe('toCsv', () => {
  it('writes amounts with the language decimal mark, as plain numbers a spreadsheet computes with', () => {
    const ru = toCsv('ru', ['Сумма', 'Описание'], [[-1234.56, 'кофе, круассан']]);
    // A comma inside a text needs no quotes where the separator is ';'.
    expect(ru).toBe('\uFEFFСумма;Описание\r\n-1234,56;кофе, круассан\r\n');
    expect(toCsv('en', ['Amount'], [[-1234.56]])).toBe('\uFEFFAmount\r\n-1234.56\r\n');
  });

  it('keeps the injection guard for text, whatever the separator', () => {
    const rows = [['=1+1', '-2,5', '@x', '+7 701']];
    for (const language of LANGUAGES) {
      expect(read(language, toCsv(language, ['a', 'b', 'c', 'd'], rows))[1]).toEqual([
        "'=1+1",
        "'-2,5",
        "'@x",
        "'+7 701",
      ]);
    }
  });

  it('round-trips any text and number in every language (property)', () => {
    const cell = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }),
        (language, rows) => {
          const back = read(language, toCsv(language, ['a', 'b', 'c'], rows));
          expect(back.length).toBe(rows.length + 1);
          rows.forEach((row, i) => {
            row.forEach((value, j) => {
              const got = back[i + 1]?.[j] ?? '';
              if (typeof value === 'number') {
                const decimal = csvStyle(language).decimal;
                expect(Number(got.replace(decimal, '.'))).toBe(value === 0 ? 0 : value);
                if (decimal === ',') expect(got).not.toContain('.');
              } else {
                // The guard adds one apostrophe at most; the rest is the text as it was.
                expect([value, `'${value}`]).toContain(got);
              }
            });
          });
        },
      ),
    );
  });
});

describe('csvTime', () => {
  it('is local time with the offset, to the second', () => {
    const at = new Date(2026, 11, 6, 19, 5, 3);
    const offset = -at.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(csvTime(at.getTime())).toBe(`2026-12-06 19:05:03 ${sign}${hh}:${mm}`);
    expect(csvTime(at.toISOString())).toBe(csvTime(at));
  });

  it('names the same moment as the ISO time it came from (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2}):(\d{2})$/.exec(csvTime(ms));
        expect(m).not.toBeNull();
        const iso = `${m?.[1]}-${m?.[2]}-${m?.[3]}T${m?.[4]}:${m?.[5]}:${m?.[6]}${m?.[7]}${m?.[8]}:${m?.[9]}`;
        expect(Date.parse(iso)).toBe(Math.floor(ms / 1000) * 1000);
      }),
    );
  });

  it('leaves a text that is no time as it came', () => {
    expect(csvTime('yesterday')).toBe('yesterday');
  });
});

describe('csvCell', () => {
  it('writes nothing for NaN and the infinities', () => {
    for (const n of [Number.NaN, Infinity, -Infinity]) expect(csvCell(n, csvStyle('ru'))).toBe('');
  });
});
