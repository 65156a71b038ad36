// Reads a bulk CSV file: UTF-8 with or without BOM (anything else is refused, not guessed), `;` or `,` as
// the separator (the header line decides), quoted fields; every row keeps its spreadsheet row number.
import Papa from 'papaparse';
import { problem, type BulkProblem } from '../../../common/bulk/problems.ts';

export const MAX_ROWS = 50_000;

export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  delimiter: ';' | ',';
  header: string[];
  rows: CsvRow[];
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; problems: BulkProblem[] };

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    return undefined;
  }
}

function detectDelimiter(headerLine: string): ';' | ',' {
  const semicolons = headerLine.split(';').length;
  const commas = headerLine.split(',').length;
  return semicolons >= commas ? ';' : ',';
}

export function readCsv(bytes: Uint8Array): CsvRead {
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return {
      ok: false,
      problems: [
        problem(null, null, 'encoding', 'the file is not UTF-8 text: save it as "CSV UTF-8" and load it again'),
      ],
    };
  }
  const body = text;
  if (body.trim() === '') return { ok: false, problems: [problem(null, null, 'empty', 'the file is empty')] };
  const delimiter = detectDelimiter(body.split(/\r?\n/, 1)[0] ?? '');
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' });
  const [rawHeader = [], ...data] = parsed.data;
  const header = rawHeader.map((name) => name.trim().toLowerCase());
  if (data.length === 0)
    return { ok: false, problems: [problem(null, null, 'empty', 'the file has a header but no rows')] };
  if (data.length > MAX_ROWS) {
    return {
      ok: false,
      problems: [
        problem(null, null, 'too_many_rows', `${String(data.length)} rows; at most ${String(MAX_ROWS)} per file`, {
          rows: data.length,
          max: MAX_ROWS,
        }),
      ],
    };
  }
  const problems: BulkProblem[] = [];
  const rows: CsvRow[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== header.length) {
      problems.push(
        problem(
          row,
          null,
          'column_count',
          `${String(cells.length)} fields where the header has ${String(header.length)}`,
          { fields: cells.length, columns: header.length },
        ),
      );
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (cells[i] ?? '').trim();
    });
    rows.push({ row, values });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { delimiter, header, rows } };
}
