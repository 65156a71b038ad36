// CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
// a formula. Such a cell is written with a leading apostrophe, which spreadsheets show as text; a plain number
// such as -12.50 stays a number. Used by every CSV Card Desk writes: the renderer's exports and the bulk
// result file (docs/bulk.md).

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The cell as a spreadsheet may open it safely. */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Any value as a safe cell: nothing for null and undefined, strings as they are, the rest as JSON. */
export function safeCellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return safeCell(typeof value === 'string' ? value : JSON.stringify(value));
}
