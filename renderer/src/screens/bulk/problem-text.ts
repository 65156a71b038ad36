// A bulk file problem as the operator reads it: where (row, column), what and the detail, in their language.
// The detail is said by the problem's code and figures (`params`); main's English message stays the tooltip,
// and is shown as it came only for a check this version has no words for.
import type { TFunction } from 'i18next';
import type { BulkProblem } from '../../../../common/contract/index.ts';

/** The catalog's input checks (common/card-api/catalog) behind an `invalid` problem, each with its words. */
const EXPECTED: readonly (readonly [RegExp, string])[] = [
  [/^must be a whole number$/, 'wholeNumber'],
  [/^virtual or plastic$/, 'cardKind'],
  [/^must not be empty$/, 'notEmpty'],
  [/^at most (\d+) characters$/, 'maxLength'],
  [/^Latin letters only$/, 'latin'],
  [/^date as YYYY-MM-DD$/, 'date'],
  [/^one of 1000, 2000, 3000$/, 'product'],
  [/^1 individual, 2 legal entity, 3 entrepreneur$/, 'clientType'],
  [/^1 resident, 2 non-resident$/, 'resident'],
  [/^must be an e-mail address$/, 'email'],
  [/^ISO 639-1 code/, 'languageCode'],
];

/** Codes whose detail needs figures from main; without them (an older report) the message is shown. */
const NEEDS_PARAMS: Partial<Record<BulkProblem['code'], readonly string[]>> = {
  too_many_rows: ['rows', 'max'],
  unknown_column: ['format'],
  column_count: ['fields', 'columns'],
  duplicate_client: ['earlierRow'],
};

export function problemDetail(t: TFunction, problem: BulkProblem): string {
  const params = problem.params ?? {};
  if (problem.code === 'invalid') {
    for (const [pattern, key] of EXPECTED) {
      const match = pattern.exec(problem.message);
      if (match !== null) return t(`bulk:detail.expected.${key}`, { max: match[1] ?? '' });
    }
    return problem.message;
  }
  if (!(NEEDS_PARAMS[problem.code] ?? []).every((name) => name in params)) return problem.message;
  const format =
    params.format === 'clients' || params.format === 'cards' ? t(`bulk:history.format.${params.format}`) : '';
  return t(`bulk:detail.${problem.code}`, { ...params, format, defaultValue: problem.message });
}

export function problemSentence(t: TFunction, problem: BulkProblem): string {
  return t(`bulk:problem.${problem.code}`, {
    field: problem.field ?? '',
    row: problem.row ?? '',
    defaultValue: problem.message,
  });
}

export function problemRow(t: TFunction, problem: BulkProblem): string {
  return problem.row === null ? t('bulk:report.wholeFile') : String(problem.row);
}

export function problemColumn(t: TFunction, problem: BulkProblem): string {
  return problem.field ?? t('bulk:report.noColumn');
}

/** What the filter finds a problem by: row, column, sentence and detail (in words and as main wrote it). */
export function problemSearchText(t: TFunction, problem: BulkProblem): string {
  return [
    problemRow(t, problem),
    problemColumn(t, problem),
    problemSentence(t, problem),
    problemDetail(t, problem),
    problem.message,
  ].join(' ');
}
