// A bulk file problem as the operator reads it: where (row, column) and what, in their language. The English
// message main wrote stays available as the detail.
import type { TFunction } from 'i18next';
import type { BulkProblem } from '../../../../common/contract/index.ts';

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

/** What the filter finds a problem by: row, column, sentence and detail. */
export function problemSearchText(t: TFunction, problem: BulkProblem): string {
  return [problemRow(t, problem), problemColumn(t, problem), problemSentence(t, problem), problem.message].join(' ');
}
