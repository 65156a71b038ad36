// CSV exports of the Journal in the operator's language (docs/operator-ui.md, Exports): headers, operation
// names, states and audited actions translated, times as local time with the offset (components/csv.ts writes
// the file in the language's style). Parameters are the journal's masked ones: no card number, phone or name is
// ever in them (docs/card-api.md, sensitive data), and the CSV module neutralises formula-like cells.
import type { TFunction } from 'i18next';
import type { AuditEntryView, JournalEntryView } from '../../../../common/contract/index.ts';
import { csvTime } from '../../components/csv.ts';
import { auditFields, auditFieldsText } from '../../i18n/audit-details.ts';
import type { Language } from '../../i18n/languages.ts';
import { auditActionLabel, opLabel } from '../../i18n/op-names.ts';
import { fileStamp } from './date-range.ts';

/** A profile id as the operator knows it (the profile's name); the id itself when none is given. */
type ProfileName = (profileId: string | null) => string;
const idOnly: ProfileName = (id) => id ?? '';

export function operationsCsv(
  t: TFunction,
  entries: readonly JournalEntryView[],
  profileName: ProfileName = idOnly,
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
      csvTime(e.at),
      csvTime(e.updatedAt),
      opLabel(t, e.op),
      t(`common:entryState.${e.state}`),
      profileName(e.profileId),
      e.requestId,
      JSON.stringify(e.params),
      e.result === undefined ? '' : JSON.stringify(e.result),
      e.error?.code ?? '',
    ]),
  };
}

export function auditCsv(
  t: TFunction,
  language: Language,
  entries: readonly AuditEntryView[],
  profileName: ProfileName = idOnly,
): { fileName: string; header: string[]; rows: unknown[][] } {
  return {
    fileName: `card-desk-audit-${fileStamp()}.csv`,
    header: [t('journal:csv.time'), t('journal:csv.action'), t('journal:csv.profile'), t('journal:csv.details')],
    rows: entries.map((e) => [
      csvTime(e.at),
      auditActionLabel(t, e.action),
      profileName(e.profileId),
      auditFieldsText(auditFields(t, language, e.details)),
    ]),
  };
}
