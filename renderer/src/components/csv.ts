// CSV export (papaparse): UTF-8 with BOM so spreadsheet programs read Cyrillic, and every cell through the
// shared CSV-injection guard (common/csv/safe-cell.ts).
import Papa from 'papaparse';
import { safeCellOf } from '../../../common/csv/safe-cell.ts';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => row.map(safeCellOf));
  return `\uFEFF${Papa.unparse({ fields: [...header], data }, { newline: '\r\n' })}`;
}
