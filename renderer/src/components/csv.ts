// Every CSV the renderer writes, made to open cleanly in a spreadsheet in the operator's language
// (docs/operator-ui.md, Exports): UTF-8 with a BOM, so Excel reads Cyrillic and Uzbek letters; the language's list
// separator and decimal mark (Excel splits a line at ';' where the decimal mark is ','); times as local time with
// the UTC offset. Every text cell goes through the shared CSV-injection guard (common/csv/safe-cell.ts); a number
// cell is written by this module from a number, so it can never be a formula.
import Papa from 'papaparse';
import { safeCellOf } from '../../../common/csv/safe-cell.ts';
import type { Language } from '../i18n/languages.ts';

/** How spreadsheets in one language read a CSV. Fixed here, not asked of the browser (which lacks kk, ky, uz). */
export interface CsvStyle {
  separator: ',' | ';';
  decimal: '.' | ',';
}

const STYLES: Record<Language, CsvStyle> = {
  en: { separator: ',', decimal: '.' },
  ru: { separator: ';', decimal: ',' },
  kk: { separator: ';', decimal: ',' },
  ky: { separator: ';', decimal: ',' },
  uz: { separator: ';', decimal: ',' },
};

export function csvStyle(language: Language): CsvStyle {
  return STYLES[language];
}

const pad = (n: number): string => String(Math.trunc(n)).padStart(2, '0');

/** `2026-12-06 19:05:03 +05:00`: this computer's local time of the moment, with its offset then. */
export function csvTime(value: number | string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  const offset = -date.getTimezoneOffset();
  const abs = Math.abs(offset);
  const day = `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day} ${time} ${offset < 0 ? '-' : '+'}${pad(abs / 60)}:${pad(abs % 60)}`;
}

/** A number with the language's decimal mark and no grouping, as a spreadsheet of that language types it. */
export function csvNumber(value: number, style: CsvStyle): string {
  const text = String(value);
  return style.decimal === '.' ? text : text.replace('.', style.decimal);
}

/** One cell: a number in the language's style (none for NaN or an infinity), anything else through the guard. */
export function csvCell(value: unknown, style: CsvStyle): string {
  if (typeof value === 'number') return Number.isFinite(value) ? csvNumber(value, style) : '';
  return safeCellOf(value);
}

const BOM = '\uFEFF';
const NEWLINE = '\r\n';

function lines(style: CsvStyle, rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => row.map((value) => csvCell(value, style)));
  // Quote a cell only when it needs it (separator, quote, line break); the guard's apostrophe stays first inside.
  return Papa.unparse(data, { delimiter: style.separator, newline: NEWLINE });
}

/** A whole file: BOM, the header line and the rows. */
export function toCsv(language: Language, header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${csvHeader(language, header)}${csvRows(language, rows)}`;
}

/** The first part of a CSV written page by page: the BOM and the header line. */
export function csvHeader(language: Language, header: readonly string[]): string {
  return `${BOM}${lines(csvStyle(language), [header])}${NEWLINE}`;
}

/** Rows of a CSV written page by page, each line ended; '' for no rows. */
export function csvRows(language: Language, rows: readonly (readonly unknown[])[]): string {
  return rows.length === 0 ? '' : `${lines(csvStyle(language), rows)}${NEWLINE}`;
}
