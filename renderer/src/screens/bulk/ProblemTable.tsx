// Every problem of a checked file (there can be thousands): row, column, a sentence, main's English detail.
import { TextInput } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkProblem } from '../../../../common/contract/index.ts';
import { useFilteredRows, VirtualTable } from '../../components/VirtualTable.tsx';
import { problemColumn, problemRow, problemSearchText, problemSentence } from './problem-text.ts';

const column = createColumnHelper<BulkProblem>();
const ROW_HEIGHT = 44;
const MAX_HEIGHT = 420;
const HEADER_HEIGHT = 34;

export function ProblemTable({ problems }: { problems: readonly BulkProblem[] }): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const [filter, setFilter] = useState('');
  const searchText = useCallback((p: BulkProblem) => problemSearchText(t, p), [t]);
  const shown = useFilteredRows(problems, searchText, filter).length;
  const columns = useMemo<ColumnDef<BulkProblem, never>[]>(
    () => [
      column.display({
        id: 'row',
        header: t('report.columns.row'),
        cell: (c) => <span data-testid="bulk-problem-row">{problemRow(t, c.row.original)}</span>,
        size: 90,
      }),
      column.display({
        id: 'column',
        header: t('report.columns.column'),
        cell: (c) => (
          <code className="bulk-cell-code" data-testid="bulk-problem-column">
            {problemColumn(t, c.row.original)}
          </code>
        ),
        size: 170,
      }),
      column.display({
        id: 'problem',
        header: t('report.columns.problem'),
        cell: (c) => {
          const sentence = problemSentence(t, c.row.original);
          return (
            <span className="bulk-cell-wrap" title={sentence} data-testid="bulk-problem-text">
              {sentence}
            </span>
          );
        },
        size: 420,
      }),
      column.display({
        id: 'detail',
        header: t('report.columns.detail'),
        cell: (c) => (
          <span className="bulk-cell-wrap bulk-detail" title={c.row.original.message}>
            {c.row.original.message}
          </span>
        ),
        size: 260,
      }),
    ],
    [t],
  );
  const height = Math.min(MAX_HEIGHT, HEADER_HEIGHT + Math.max(problems.length, 1) * ROW_HEIGHT + 2);
  return (
    <div className="bulk-problems">
      {problems.length > 8 && (
        <TextInput
          label={t('report.filter')}
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
          }}
          description={t('common:table.shown', { shown, total: problems.length })}
          className="bulk-filter"
          data-testid="bulk-problem-filter"
        />
      )}
      <VirtualTable
        label={t('report.tableLabel')}
        columns={columns}
        rows={problems}
        rowKey={(_, index) => String(index)}
        searchText={searchText}
        filter={filter}
        height={height}
        rowHeight={ROW_HEIGHT}
        testId="bulk-problems"
        noMatches={t('common:state.noMatches')}
      />
    </div>
  );
}
