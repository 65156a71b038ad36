// The bulk result file as the app downloads it (renderer/src/screens/bulk/result-csv.ts): main's parts, written
// with ';' and machine words, rewritten in the operator's language part by part.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { RESULT_COLUMNS, RESULT_STATUSES } from '../../../common/bulk/result-columns.ts';
import { resultCsvPart } from '../../../main/core/bulk/result-file.ts';
import type { JobMeta, KeptRow, RowResult } from '../../../main/core/bulk/job-store.ts';
import { resultRewriter } from '../../../renderer/src/screens/bulk/result-csv.ts';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n', 'locales');
const t = ((key: string) => `«${key}»`) as unknown as TFunction;

const meta = {
  id: 'job1',
  fileName: 'cards.csv',
  header: ['product_id', 'quantity'],
  state: 'completed',
} as unknown as JobMeta;
const rows: KeptRow[] = [
  { row: 2, values: { product_id: '2000', quantity: '1' } },
  { row: 3, values: { product_id: '3000', quantity: '=1+1' } },
  { row: 4, values: { product_id: '2000', quantity: '2' } },
];
const results = new Map<number, RowResult>([
  [2, { row: 2, status: 'done', cards: [{ cardId: 'card_1', cardMask: '400000******7880' }] }],
  [3, { row: 3, status: 'failed', error: { code: 'bank_error', message: 'refused, try later' } }],
]);

/** Main's file in parts of one row, rewritten part by part, as the download does. */
function download(language: 'en' | 'ru'): string[] {
  const rewrite = resultRewriter(language, t);
  const out: string[] = [];
  for (let from: number | null = 0; from !== null;) {
    const part = resultCsvPart(meta, rows, results, from, 1);
    out.push(rewrite(part.text));
    from = part.next;
  }
  return out
    .join('')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
}

describe('the bulk result file, downloaded', () => {
  it("uses the language's separator, names the outcome columns and translates each row's status", () => {
    const [header, ...lines] = download('en');
    expect(header).toBe(
      ['product_id', 'quantity', ...RESULT_COLUMNS.map((c) => `«bulk:resultFile.columns.${c}»`)].join(','),
    );
    expect(lines).toEqual([
      '2000,1,«bulk:resultFile.status.done»,,card_1,400000******7880,,',
      // The guard's apostrophe stays; a cell holding the separator is quoted.
      '3000,\'=1+1,«bulk:resultFile.status.failed»,,,,bank_error,"refused, try later"',
      '2000,2,«bulk:resultFile.status.not_run»,,,,,',
      '',
    ]);
    expect(download('ru')[1]).toBe('2000;1;«bulk:resultFile.status.done»;;card_1;400000******7880;;');
  });

  it('has words for every outcome column and status in every language', () => {
    for (const language of ['en', 'ru', 'kk', 'ky', 'uz']) {
      const words = JSON.parse(readFileSync(join(LOCALES, language, 'bulk.json'), 'utf8')) as {
        resultFile: { columns: Record<string, string>; status: Record<string, string> };
      };
      expect(Object.keys(words.resultFile.columns)).toEqual([...RESULT_COLUMNS]);
      expect(Object.keys(words.resultFile.status)).toEqual([...RESULT_STATUSES]);
    }
  });
});
