// Every problem of a checked file (there can be tens of thousands, read a page at a time as the table scrolls):
// row, column, a sentence and the detail in the operator's language (main's English message as its tooltip). The
// filter narrows the problems read so far, and while it leaves the table short the next pages are read too.
import { TextInput } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkProblem, BulkValidationReport } from '../../../../common/contract/index.ts';
import { useBulkProblems } from '../../api/bulk.ts';
import { useFilteredRows, VirtualTable } from '../../components/VirtualTable.tsx';
import { problemColumn, problemDetail, problemRow, problemSearchText, problemSentence } from './problem-text.ts';

const column = createColumnHelper<BulkProblem>();
const ROW_HEIGHT = 44;
const MAX_HEIGHT = 420;
const HEADER_HEIGHT = 34;

export function ProblemTable({ report }: { report: BulkValidationReport }): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const pages = useBulkProblems(report);
  const problems = pages.rows;
  const total = report.problemCount ?? problems.length;
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
          <span className="bulk-cell-wrap bulk-detail" title={c.row.original.message} data-testid="bulk-problem-detail">
            {problemDetail(t, c.row.original)}
          </span>
        ),
        size: 260,
      }),
    ],
    [t],
  );
  const height = Math.min(MAX_HEIGHT, HEADER_HEIGHT + Math.max(total, 1) * ROW_HEIGHT + 2);
  return (
    <div className="bulk-problems">
      {total > 8 && (
        <TextInput
          label={t('report.filter')}
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
          }}
          description={t('common:table.shown', { shown, total: pages.hasMore ? problems.length : total })}
          className="bulk-filter"
          data-testid="bulk-problem-filter"
        />
      )}
      <VirtualTable
        label={t('report.tableLabel')}
        columns={columns}
        rows={problems}
        searchText={searchText}
        filter={filter}
        height={height}
        rowHeight={ROW_HEIGHT}
        testId="bulk-problems"
        onNearEnd={pages.loadMore}
        loadingMore={pages.loadingMore ? t('common:state.loading') : undefined}
        noMatches={t('common:state.noMatches')}
      />
    </div>
  );
}
