// A job's result file a part at a time (main/core/bulk/result-file.ts): the parts, in order, are exactly the
// whole file, whatever the part size, with the BOM and the header once, and every cell through the CSV guard.
import { describe, expect, it } from 'vitest';
import type { JobMeta, KeptRow, RowResult } from '../../main/core/bulk/job-store.ts';
import { resultCsv, resultCsvPart } from '../../main/core/bulk/result-file.ts';

const meta: JobMeta = {
  id: '2026-12-06-abcd1234',
  profileId: 'sandbox',
  format: 'cards',
  fileName: 'cards.csv',
  header: ['first_name', 'phone'],
  total: 23,
  concurrency: 4,
  state: 'completed',
  createdAt: 1,
  updatedAt: 2,
};
const rows: KeptRow[] = Array.from({ length: 23 }, (_, i) => ({
  row: i + 2,
  values: { first_name: i === 3 ? '=HYPERLINK("x")' : `Name ${String(i)}`, phone: `7701000${String(i)}` },
}));
const results = new Map<number, RowResult>(
  rows
    .filter((r) => r.row % 5 !== 0)
    .map((r): [number, RowResult] => [
      r.row,
      r.row % 3 === 0
        ? { row: r.row, status: 'failed', error: { code: 'invalid_phone', message: 'a; "quoted" message' } }
        : {
            row: r.row,
            status: 'done',
            clientId: `cl-${String(r.row)}`,
            cards: [
              { cardId: `c-${String(r.row)}a`, cardMask: '4400000000001234' },
              { cardId: `c-${String(r.row)}b`, cardMask: '440000******5678' },
            ],
          },
    ]),
);

function allParts(size: number): { text: string; parts: number } {
  let from: number | null = 0;
  let text = '';
  let parts = 0;
  while (from !== null) {
    const part = resultCsvPart(meta, rows, results, from, size);
    text += part.text;
    from = part.next;
    parts++;
  }
  return { text, parts };
}

describe('the result file in parts', () => {
  it.each([1, 4, 10, 23, 2000])('%i rows a part put together are the whole file', (size) => {
    const { text, parts } = allParts(size);
    expect(text).toBe(resultCsv(meta, rows, results));
    expect(parts).toBe(Math.ceil(rows.length / size));
  });

  it('writes the BOM and the header once, and guards every cell', () => {
    const text = allParts(4).text;
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    expect(text.match(/first_name;phone;result_status/g)).toHaveLength(1);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toContain('4400000000001234');
  });
});
