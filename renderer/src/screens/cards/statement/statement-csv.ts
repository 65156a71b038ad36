// CSV of a statement's shown rows, in the operator's language (docs/operator-ui.md, Exports): translated headers
// and types, local times with the offset, amounts as numbers with the language's decimal mark (components/csv.ts).
import type { TFunction } from 'i18next';
import type { StatementOperation } from '../../../../../common/contract/index.ts';
import { csvTime, toCsv } from '../../../components/csv.ts';
import type { Language } from '../../../i18n/languages.ts';
import { operationTypeLabel } from '../../../tables/statement-columns.tsx';

export function statementCsv(t: TFunction, language: Language, operations: readonly StatementOperation[]): string {
  const header = [
    t('common:columns.date'),
    t('common:columns.type'),
    t('common:columns.amount'),
    t('common:columns.commission'),
    t('common:columns.currency'),
    t('common:columns.merchant'),
    t('common:columns.place'),
    'MCC',
    'RRN',
  ];
  const rows = operations.map((op) => [
    csvTime(op.datetime),
    operationTypeLabel(t, op.type),
    op.amount,
    op.commission,
    op.currency,
    op.merchant?.name ?? '',
    [op.merchant?.city, op.merchant?.country].filter(Boolean).join(', '),
    op.mcc,
    op.rrn,
  ]);
  return toCsv(language, header, rows);
}
