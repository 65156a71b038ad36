// Columns of the audit trail: when, what (translated action), which profile, and the recorded details (ids and
// choices only: main never audits a value).
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../../common/contract/index.ts';
import type { Language } from '../../i18n/languages.ts';
import { auditActionLabel } from '../../i18n/op-names.ts';
import { shortDateTime } from '../requests/short-time.ts';

const column = createColumnHelper<AuditEntryView>();

/** `cardId: card_7, exited: false` */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

export function auditColumns(
  t: TFunction,
  language: Language,
  profileName: (id: string | null) => string,
): ColumnDef<AuditEntryView, never>[] {
  return [
    column.accessor('at', {
      header: t('journal:audit.columns.time'),
      cell: (c) => shortDateTime(c.getValue(), language),
      size: 150,
    }),
    column.accessor('action', {
      header: t('journal:audit.columns.action'),
      cell: (c) => <span data-action={c.getValue()}>{auditActionLabel(t, c.getValue())}</span>,
      size: 240,
    }),
    column.accessor('profileId', {
      header: t('journal:audit.columns.profile'),
      cell: (c) => profileName(c.getValue()),
      size: 140,
    }),
    column.accessor('details', {
      header: t('journal:audit.columns.details'),
      cell: (c) => {
        const text = detailsText(c.getValue());
        return (
          <span className="mono" title={text}>
            {text}
          </span>
        );
      },
    }),
  ] as ColumnDef<AuditEntryView, never>[];
}

export function auditSearchText(t: TFunction): (entry: AuditEntryView) => string {
  return (e) => `${e.action} ${auditActionLabel(t, e.action)} ${e.profileId ?? ''} ${detailsText(e.details)}`;
}
