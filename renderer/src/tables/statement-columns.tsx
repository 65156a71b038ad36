// Columns of a card statement (and of the UI benchmark's 100,000 operations), money in the operator's locale.
// Cells are their text alone (a class on the cell, no element inside): see card-columns.tsx. The date, the amount
// and the RRN never narrow: an operator reads them whole, at 1024 px too.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { StatementOperation } from '../../../common/contract/index.ts';
import { formatMoney, formatShortDateTime } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { labelCache } from './label-cache.ts';

const column = createColumnHelper<StatementOperation>();

const KNOWN_TYPES = ['purchase', 'replenishment', 'refund', 'withdrawal', 'transfer', 'commission', 'reversal'];

/** A known operation type in the operator's language; any other is shown as it came. */
export function operationTypeLabel(t: TFunction, type: string): string {
  return KNOWN_TYPES.includes(type) ? t(`common:operationType.${type}`) : type;
}

export function statementColumns(t: TFunction, language: Language): ColumnDef<StatementOperation, never>[] {
  const typeLabel = labelCache((type) => operationTypeLabel(t, type));
  return [
    column.accessor('datetime', {
      header: t('columns.date'),
      cell: (c) => formatShortDateTime(c.getValue(), language),
      meta: { keep: true },
      size: 132,
    }),
    column.accessor('type', {
      header: t('columns.type'),
      cell: (c) => typeLabel(c.getValue()),
      size: 95,
    }),
    column.accessor('amount', {
      header: t('columns.amount'),
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency, language),
      meta: { className: 'amount', keep: true },
      size: 110,
    }),
    column.accessor('commission', {
      header: t('columns.commission'),
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency, language),
      meta: { className: 'amount' },
      size: 90,
    }),
    column.accessor((op) => op.merchant?.name ?? '', {
      id: 'merchant',
      header: t('columns.merchant'),
      size: 100,
    }),
    column.accessor((op) => [op.merchant?.city, op.merchant?.country].filter(Boolean).join(', '), {
      id: 'place',
      header: t('columns.place'),
      size: 85,
    }),
    column.accessor('mcc', { header: 'MCC', size: 50 }),
    column.accessor('rrn', { header: 'RRN', meta: { className: 'mono', keep: true }, size: 115 }),
  ] as ColumnDef<StatementOperation, never>[];
}

export function statementSearchText(op: StatementOperation): string {
  return `${op.datetime} ${op.type} ${String(op.amount)} ${op.currency} ${op.merchant?.name ?? ''} ${op.merchant?.city ?? ''} ${op.mcc} ${op.rrn}`;
}
