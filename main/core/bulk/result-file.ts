// The result file of a job: every input column (the non-personal ones only once the rows were purged,
// retention.ts), then the outcome (client id, card id, masked card number, status, error). A row that issued several cards (the cards format) gets one line per card. Never a full
// card number: only the bank's mask is written, and an unmasked number is masked here.
import Papa from 'papaparse';
import { RESULT_COLUMNS } from '../../../common/bulk/result-columns.ts';
import { maskPan } from '../../../common/card-api/pan.ts';
import { safeCell } from '../../../common/csv/safe-cell.ts';
import type { JobMeta, KeptRow, RowResult } from './job-store.ts';

/** The result file's name: the input file's, with the job. */
export function resultFileName(meta: JobMeta): string {
  return `${meta.fileName.replace(/\.csv$/i, '')}-result-${meta.id}.csv`;
}

export function resultCsv(meta: JobMeta, rows: KeptRow[], results: Map<number, RowResult>): string {
  const csv = Papa.unparse(
    { fields: [...meta.header, ...RESULT_COLUMNS], data: resultLines(meta, rows, results) },
    { delimiter: ';', newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}

/**
 * The result file a part at a time (docs/architecture.md, paged lists): the lines of `count` input rows from
 * `from`, after the BOM and the header in the first part. The parts put together are `resultCsv`.
 */
export function resultCsvPart(
  meta: JobMeta,
  rows: KeptRow[],
  results: Map<number, RowResult>,
  from: number,
  count: number,
): { text: string; next: number | null } {
  const to = Math.min(rows.length, from + count);
  const lines = resultLines(meta, rows.slice(from, to), results);
  const options = { delimiter: ';', newline: '\r\n' };
  const header = from === 0 ? `\uFEFF${Papa.unparse([[...meta.header, ...RESULT_COLUMNS]], options)}\r\n` : '';
  const body = lines.length === 0 ? '' : `${Papa.unparse(lines, options)}\r\n`;
  return { text: header + body, next: to < rows.length ? to : null };
}

function resultLines(meta: JobMeta, rows: KeptRow[], results: Map<number, RowResult>): string[][] {
  const lines: string[][] = [];
  for (const row of rows) {
    const input = meta.header.map((column) => row.values[column] ?? '');
    const result = results.get(row.row);
    const status = result?.status ?? (meta.state === 'cancelled' ? 'cancelled' : 'not_run');
    const base = [status, result?.clientId ?? ''];
    const error = [result?.error?.code ?? '', result?.error?.message ?? ''];
    const cards = result?.cards ?? [];
    if (cards.length === 0) lines.push([...input, ...base, '', '', ...error]);
    for (const card of cards) {
      const mask =
        card.cardMask === undefined ? '' : /^\d{12,19}$/.test(card.cardMask) ? maskPan(card.cardMask) : card.cardMask;
      lines.push([...input, ...base, card.cardId, mask, ...error]);
    }
  }
  return lines.map((line) => line.map(safeCell));
}
