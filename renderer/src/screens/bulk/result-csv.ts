// A job's result file in the operator's language, like the app's other exports (components/csv.ts): main writes
// it with ';' and machine words, as the CLI hands it out (docs/bulk.md, the result file); the app's download
// rewrites each part with the language's list separator, the outcome columns' names and each row's status
// translated. The input columns stay as they were in the file. Part by part: never one string of a whole file.
import type { TFunction } from 'i18next';
import Papa from 'papaparse';
import { RESULT_COLUMNS, RESULT_STATUSES, type ResultStatus } from '../../../../common/bulk/result-columns.ts';
import { csvHeader, csvRows } from '../../components/csv.ts';
import type { Language } from '../../i18n/languages.ts';

const BOM = '\uFEFF';
const isStatus = (cell: string): cell is ResultStatus => (RESULT_STATUSES as readonly string[]).includes(cell);

/** Rewrites the parts of one result file, in order: the first (with the BOM) holds the header. */
export function resultRewriter(language: Language, t: TFunction): (part: string) => string {
  // The outcome columns are the last ones, after however many input columns the file had.
  let status = -1;
  return (part) => {
    const first = part.startsWith(BOM);
    const { data } = Papa.parse<string[]>(first ? part.slice(BOM.length) : part, {
      delimiter: ';',
      newline: '\r\n',
      skipEmptyLines: true,
    });
    let rows = data;
    let head = '';
    if (first) {
      const [header = [], ...rest] = data;
      status = header.length - RESULT_COLUMNS.length;
      const names = header.map((name, i) =>
        i < status ? name : t(`bulk:resultFile.columns.${RESULT_COLUMNS[i - status] ?? name}`),
      );
      head = csvHeader(language, names);
      rows = rest;
    }
    const translated = rows.map((row) =>
      row.map((cell, i) => (i === status && isStatus(cell) ? t(`bulk:resultFile.status.${cell}`) : cell)),
    );
    return head + csvRows(language, translated);
  };
}
