// Table columns of journal entries, shared by the Requests screen and the Journal's Operations tab: time,
// operation, state, who made it (and approved it), the card/client concerned, request id, and what went wrong as a sentence (or, while the
// entry is open, when Card Desk asks the bank next). The Journal adds the profile; the Requests screen adds a
// row action.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { isOpenState, type JournalEntryView } from '../../../../common/contract/index.ts';
import type { Language } from '../../i18n/languages.ts';
import { opLabel } from '../../i18n/op-names.ts';
import { formatShortDateTime } from '../../i18n/format.ts';
import { madeByIds, madeByText } from '../../components/operator-words.ts';
import { entryTarget, problemSentence, shortId, type EntryTarget } from './entry-view.ts';
import { RowNextCheck } from './RowNextCheck.tsx';
import { StateBadge } from './StateBadge.tsx';

const column = createColumnHelper<JournalEntryView>();

export function targetLabel(t: TFunction, target: EntryTarget | undefined): string {
  return target === undefined ? '' : t(`requests:target.${target.kind}`, { id: target.id });
}

export interface EntryColumnOptions {
  /** Adds a Profile column (the Journal spans profiles; the Requests screen is the active one's). */
  profileName?: (profileId: string | null) => string;
  /** A per-row action cell (e.g. "Re-check now"). */
  action?: { header: string; cell: (entry: JournalEntryView) => ReactNode };
}

export function entryColumns(
  t: TFunction,
  language: Language,
  options: EntryColumnOptions = {},
): ColumnDef<JournalEntryView, never>[] {
  const columns: ColumnDef<JournalEntryView, never>[] = [
    column.accessor('at', {
      header: t('requests:columns.time'),
      cell: (c) => formatShortDateTime(c.getValue(), language),
      size: 135,
    }),
    column.accessor('op', {
      header: t('requests:columns.operation'),
      cell: (c) => {
        const label = opLabel(t, c.getValue());
        return <span title={label}>{label}</span>;
      },
      size: 135,
    }),
    column.accessor('state', {
      header: t('requests:columns.state'),
      cell: (c) => <StateBadge state={c.getValue()} />,
      size: 120,
    }),
    column.display({
      id: 'operator',
      header: t('requests:columns.who'),
      // The ids fit the column; the names are in the title and the entry's details.
      cell: (c) => (
        <span title={madeByText(t, c.row.original)} data-testid="entry-operator">
          {madeByIds(t, c.row.original)}
        </span>
      ),
      size: 80,
    }),
  ];
  const { profileName, action } = options;
  if (profileName !== undefined) {
    columns.push(
      column.accessor('profileId', {
        header: t('requests:columns.profile'),
        cell: (c) => {
          const name = profileName(c.getValue());
          return <span title={name}>{name}</span>;
        },
        size: 100,
      }),
    );
  }
  columns.push(
    column.display({
      id: 'target',
      header: t('requests:columns.target'),
      cell: (c) => {
        const label = targetLabel(t, entryTarget(c.row.original));
        return (
          <span className="mono" title={label}>
            {label}
          </span>
        );
      },
      size: 82,
    }),
    column.accessor('requestId', {
      header: t('requests:columns.requestId'),
      cell: (c) => (
        <span className="mono" title={c.getValue()}>
          {shortId(c.getValue())}
        </span>
      ),
      size: 95,
    }),
    column.display({
      id: 'problem',
      header: t('requests:columns.problem'),
      cell: (c) => {
        if (isOpenState(c.row.original.state)) return <RowNextCheck requestId={c.row.original.requestId} />;
        const sentence = problemSentence(t, c.row.original);
        return sentence === '' ? null : <span title={sentence}>{sentence}</span>;
      },
      size: 100,
    }),
  );
  if (action !== undefined) {
    columns.push(
      column.display({
        id: 'action',
        header: action.header,
        cell: (c) => action.cell(c.row.original),
        size: 100,
      }),
    );
  }
  return columns;
}

/** What the text filter finds an entry by: ids, the operation (id and label), state, parameters, error code. */
export function entrySearchText(t: TFunction): (entry: JournalEntryView) => string {
  return (e) =>
    `${e.requestId} ${e.op} ${opLabel(t, e.op)} ${t(`common:entryState.${e.state}`)} ${JSON.stringify(e.params)} ${
      e.result === undefined ? '' : JSON.stringify(e.result)
    } ${e.error?.code ?? ''} ${e.profileId ?? ''} ${madeByText(t, e)}`;
}
