// Every bulk job, newest first: open one to follow it and download its result above.
import { Loader, Paper, Stack, Title } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { useBulkJobs } from '../../api/bulk.ts';
import { useProfiles } from '../../api/shared-queries.ts';
import { ErrorNotice } from '../../components/Notice.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { formatNumber, formatShortDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { JobStateBadge } from './JobStateBadge.tsx';

const column = createColumnHelper<BulkJobView>();
const ROW_HEIGHT = 38;
const HEADER_HEIGHT = 34;
const NO_JOBS: BulkJobView[] = [];

export function JobHistory({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (jobId: string) => void;
}): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const language = useLanguage();
  const jobs = useBulkJobs();
  const profiles = useProfiles();
  const rows = jobs.data ?? NO_JOBS;
  const columns = useMemo<ColumnDef<BulkJobView, never>[]>(() => {
    const profileName = (id: string): string => profiles.data?.find((p) => p.id === id)?.name ?? id;
    const n = (value: number): string => formatNumber(value, language);
    return [
      column.accessor('createdAt', {
        header: t('history.columns.createdAt'),
        cell: (c) => formatShortDateTime(c.getValue(), language),
        size: 135,
      }),
      column.accessor('fileName', {
        header: t('history.columns.file'),
        cell: (c) => (
          <span
            className={c.row.original.jobId === selected ? 'bulk-file-name bulk-selected' : 'bulk-file-name'}
            title={c.getValue()}
            data-testid="bulk-history-file"
          >
            {c.getValue()}
            {c.row.original.jobId === selected && <span className="bulk-sr-only"> ({t('history.shown')})</span>}
          </span>
        ),
        size: 130,
      }),
      column.accessor('format', {
        header: t('history.columns.format'),
        cell: (c) => t(`history.format.${c.row.original.format}`),
        size: 90,
      }),
      column.accessor('state', {
        header: t('history.columns.state'),
        cell: (c) => <JobStateBadge state={c.getValue()} />,
        size: 120,
      }),
      column.display({
        id: 'counts',
        header: t('history.columns.counts'),
        cell: (c) => (
          <span className="amount" data-testid="bulk-history-counts">
            {`${n(c.row.original.done)} / ${n(c.row.original.failed)} / ${n(c.row.original.total)}`}
          </span>
        ),
        size: 175,
      }),
      column.accessor('profileId', {
        header: t('history.columns.profile'),
        cell: (c) => {
          const name = profileName(c.getValue());
          return <span title={name}>{name}</span>;
        },
        size: 100,
      }),
    ];
  }, [t, language, profiles.data, selected]);
  // Room for the rows (or the empty sentence), up to a screenful.
  const height = Math.min(360, HEADER_HEIGHT + Math.max(rows.length, 2) * ROW_HEIGHT + 2);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk-history-title" data-testid="bulk-history">
      <Stack gap="sm">
        <Title order={2} id="bulk-history-title" className="bulk-section-title">
          {t('history.title')}
        </Title>
        {jobs.isPending && <Loader size="sm" aria-label={t('common:state.loading')} />}
        {jobs.isError && <ErrorNotice error={jobs.error} testId="bulk-history-error" />}
        {jobs.isSuccess && (
          <VirtualTable
            label={t('history.label')}
            columns={columns}
            rows={rows}
            onOpen={(job) => {
              onSelect(job.jobId);
            }}
            height={height}
            rowHeight={ROW_HEIGHT}
            testId="bulk-history-table"
            empty={t('history.empty')}
          />
        )}
      </Stack>
    </Paper>
  );
}
