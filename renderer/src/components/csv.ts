// CSV export (papaparse): UTF-8 with BOM so spreadsheet programs read Cyrillic, and cells that a spreadsheet
// would run as a formula (= + - @ at the start) are prefixed with an apostrophe (CSV injection).
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafe(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${Papa.unparse({ fields: header, data: rows.map((row) => row.map(csvSafe)) }, { newline: '\r\n' })}`;
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
