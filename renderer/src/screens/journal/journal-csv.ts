// CSV exports of the Journal: raw values a spreadsheet can work with (ISO times, operation and action ids,
// states), the headers in the operator's language. Parameters are the journal's masked ones: no card number,
// phone or name is ever in them (docs/card-api.md, sensitive data), and toCsv neutralises formula-like cells.
import type { TFunction } from 'i18next';
import type { AuditEntryView, JournalEntryView } from '../../../../common/contract/index.ts';
import { fileStamp } from './date-range.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

export function operationsCsv(
  t: TFunction,
  entries: readonly JournalEntryView[],
): { fileName: string; header: string[]; rows: unknown[][] } {
  return {
    fileName: `card-desk-journal-${fileStamp()}.csv`,
    header: [
      t('journal:csv.time'),
      t('journal:csv.updated'),
      t('journal:csv.operation'),
      t('journal:csv.state'),
      t('journal:csv.profile'),
      t('journal:csv.requestId'),
      t('journal:csv.params'),
      t('journal:csv.result'),
      t('journal:csv.errorCode'),
    ],
    rows: entries.map((e) => [
      iso(e.at),
      iso(e.updatedAt),
      e.op,
      e.state,
      e.profileId ?? '',
      e.requestId,
      JSON.stringify(e.params),
      e.result === undefined ? '' : JSON.stringify(e.result),
      e.error?.code ?? '',
    ]),
  };
}

export function auditCsv(
  t: TFunction,
  entries: readonly AuditEntryView[],
): { fileName: string; header: string[]; rows: unknown[][] } {
  return {
    fileName: `card-desk-audit-${fileStamp()}.csv`,
    header: [t('journal:csv.time'), t('journal:csv.action'), t('journal:csv.profile'), t('journal:csv.details')],
    rows: entries.map((e) => [iso(e.at), e.action, e.profileId ?? '', JSON.stringify(e.details)]),
  };
}
