// CSV export (papaparse): UTF-8 with BOM so spreadsheet programs read Cyrillic, and every cell through the
// shared CSV-injection guard (common/csv/safe-cell.ts).
import Papa from 'papaparse';
import { safeCellOf } from '../../../common/csv/safe-cell.ts';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => row.map(safeCellOf));
  return `\uFEFF${Papa.unparse({ fields: [...header], data }, { newline: '\r\n' })}`;
}

/** The first part of a CSV written page by page: the BOM and the header line. */
export function csvHeader(header: readonly string[]): string {
  return `\uFEFF${Papa.unparse([[...header]], { newline: '\r\n' })}\r\n`;
}

/** Rows of a CSV written page by page, each cell through the same guard as toCsv; '' for no rows. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '';
  const data = rows.map((row) => row.map(safeCellOf));
  return `${Papa.unparse(data, { newline: '\r\n' })}\r\n`;
}
