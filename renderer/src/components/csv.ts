// CSV export (papaparse): UTF-8 with BOM so spreadsheet programs read Cyrillic, and every cell through the
// shared CSV-injection guard (common/csv/safe-cell.ts).
import Papa from 'papaparse';
import { safeCellOf } from '../../../common/csv/safe-cell.ts';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => row.map(safeCellOf));
  return `\uFEFF${Papa.unparse({ fields: [...header], data }, { newline: '\r\n' })}`;
}

/** Saves through the browser's download (Electron shows its save dialog, the preview downloads). */
export function downloadCsv(fileName: string, header: string[], rows: unknown[][]): void {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1_000);
}
