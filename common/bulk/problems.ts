// What is wrong with a bulk file, row by row and field by field. Codes are stable (the UI translates them);
// the English message is the detail and the CLI's text.
export const PROBLEM_CODES = [
  'encoding',
  'empty',
  'too_many_rows',
  'unknown_format',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'column_count',
  'required',
  'invalid',
  'phone',
  'country',
  'birthdate_future',
  'birthdate_too_early',
  'product_needs_document',
  'duplicate_client',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface BulkProblem {
  /** Row as a spreadsheet numbers it (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** Column name; null when the problem is not one column's. */
  field: string | null;
  code: ProblemCode;
  message: string;
  /** The figures of the message (counts, an earlier row, the format), so that the UI can say it in words. */
  params?: Readonly<Record<string, string | number>>;
}

export function problem(
  row: number | null,
  field: string | null,
  code: ProblemCode,
  message: string,
  params?: Readonly<Record<string, string | number>>,
): BulkProblem {
  return params === undefined ? { row, field, code, message } : { row, field, code, message, params };
}

/** `row 7, phone: not a valid phone number of KZ, KG or UZ` */
export function describeProblem(p: BulkProblem): string {
  const where = [p.row === null ? undefined : `row ${String(p.row)}`, p.field ?? undefined].filter(Boolean).join(', ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}
