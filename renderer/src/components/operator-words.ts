// Who did an operation or an audited action, in the operator's words: the maker's name and, under dual control,
// the approver's ("Aigerim (a.n), approved by Bolat (b.k)"), or, where a narrow column has room for little, their
// ids ("a.n ✓ b.k"). Records from before operators existed name nobody.
import type { TFunction } from 'i18next';
import type { OperatorRef } from '../../../common/contract/index.ts';

export function operatorName(ref: OperatorRef): string {
  return `${ref.name} (${ref.id})`;
}

export function madeByText(
  t: TFunction,
  record: { operator: OperatorRef | null; approver: OperatorRef | null },
): string {
  const maker = record.operator === null ? t('common:operator.nobody') : operatorName(record.operator);
  return record.approver === null
    ? maker
    : t('common:operator.approvedBy', { maker, approver: operatorName(record.approver) });
}

/** The ids alone, for a narrow column: the maker's, and the approver's after a check mark. */
export function madeByIds(
  t: TFunction,
  record: { operator: OperatorRef | null; approver: OperatorRef | null },
): string {
  const maker = record.operator?.id ?? t('common:operator.nobody');
  return record.approver === null ? maker : `${maker} ✓ ${record.approver.id}`;
}
