// Columns of the audit trail: when, what (translated action), who (and who approved), which profile, and the
// recorded details (ids and choices only: main never audits a value) as labelled fields in the operator's language.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import type { AuditEntryView } from '../../../../common/contract/index.ts';
import { auditFields, auditFieldsText } from '../../i18n/audit-details.ts';
import type { Language } from '../../i18n/languages.ts';
import { auditActionLabel } from '../../i18n/op-names.ts';
import { formatShortDateTime } from '../../i18n/format.ts';
import { madeByText } from '../../components/operator-words.ts';
import './audit.css';

const column = createColumnHelper<AuditEntryView>();

/** "Card: card_7; Left kiosk mode: no", in the operator's language. */
export function detailsText(t: TFunction, language: Language, details: Record<string, unknown>): string {
  return auditFieldsText(auditFields(t, language, details));
}

export function auditColumns(
  t: TFunction,
  language: Language,
  profileName: (id: string | null) => string,
): ColumnDef<AuditEntryView, never>[] {
  return [
    column.accessor('at', {
      header: t('journal:audit.columns.time'),
      cell: (c) => formatShortDateTime(c.getValue(), language),
      size: 135,
    }),
    column.accessor('action', {
      header: t('journal:audit.columns.action'),
      cell: (c) => <span data-action={c.getValue()}>{auditActionLabel(t, c.getValue())}</span>,
      size: 200,
    }),
    column.display({
      id: 'operator',
      header: t('journal:audit.columns.operator'),
      cell: (c) => {
        const text = madeByText(t, c.row.original);
        return (
          <span title={text} data-testid="audit-operator-cell">
            {text}
          </span>
        );
      },
      size: 150,
    }),
    column.accessor('profileId', {
      header: t('journal:audit.columns.profile'),
      cell: (c) => profileName(c.getValue()),
      size: 110,
    }),
    column.accessor('details', {
      header: t('journal:audit.columns.details'),
      cell: (c) => {
        const fields = auditFields(t, language, c.getValue());
        return (
          <span className="audit-fields" title={auditFieldsText(fields)} data-testid="audit-details">
            {/* The separator is text, so the cell reads as its title does (a cut cell shows the whole in it). */}
            {fields.map((f, i) => (
              <Fragment key={f.key}>
                {i > 0 && '; '}
                <span className="audit-field" data-detail={f.key}>
                  <span className="audit-field-label">{f.label}:</span>{' '}
                  <span className="audit-field-value">{f.value}</span>
                </span>
              </Fragment>
            ))}
          </span>
        );
      },
    }),
  ] as ColumnDef<AuditEntryView, never>[];
}

/** What the text filter finds an entry by; `language` formats the figures of the details (English if not given). */
export function auditSearchText(t: TFunction, language: Language = 'en'): (entry: AuditEntryView) => string {
  return (e) =>
    `${e.action} ${auditActionLabel(t, e.action)} ${madeByText(t, e)} ${e.profileId ?? ''} ${detailsText(t, language, e.details)}`;
}
