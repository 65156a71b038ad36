// Words for limit transaction types and periods; unknown values are shown as they came.
import type { TFunction } from 'i18next';
import { LIMIT_TRANSACTION_TYPES } from '../../../../../common/contract/index.ts';

export function limitTypeLabel(t: TFunction, type: string): string {
  return (LIMIT_TRANSACTION_TYPES as readonly string[]).includes(type) ? t(`cards:limits.types.${type}`) : type;
}

export function limitPeriodLabel(t: TFunction, period: string | undefined): string {
  if (period === undefined) return t('cards:limits.periods.none');
  return period === 'day' || period === 'month' ? t(`cards:limits.periods.${period}`) : period;
}
