// Bulk issuance: the two file formats and their templates; a file checked in full before anything
// is sent; a job started on the active profile after a confirmation, followed live (pause, resume, cancel);
// every job's result file; the history of jobs.
import { Stack, Text } from '@mantine/core';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { useBulkJobs, useBulkProgressEvents } from '../../api/bulk.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FileCheckPanel } from './FileCheckPanel.tsx';
import { FormatsHelp } from './FormatsHelp.tsx';
import { JobHistory } from './JobHistory.tsx';
import { JobPanel } from './JobPanel.tsx';
import './bulk.css';

export function BulkScreen(): ReactElement {
  const { t } = useTranslation('bulk');
  const haltReasons = useBulkProgressEvents();
  const jobs = useBulkJobs();
  const [selected, setSelected] = useState<string | null>(null);
  const jobTitle = useRef<HTMLHeadingElement>(null);
  // Until the operator picks one: the job still in progress (running or paused), else the newest.
  const inProgress = jobs.data?.find((j) => j.state === 'running' || j.state === 'paused');
  const current = selected ?? inProgress?.jobId ?? jobs.data?.[0]?.jobId ?? null;

  const onStarted = (job: BulkJobView): void => {
    setSelected(job.jobId);
    requestAnimationFrame(() => {
      jobTitle.current?.focus();
    });
  };

  return (
    <Stack gap="md" className="bulk-screen" data-testid="bulk-screen">
      <PageHeader title={t('title')} />
      <Text className="bulk-intro">{t('intro')}</Text>
      <FormatsHelp />
      <FileCheckPanel onStarted={onStarted} />
      <JobPanel jobId={current} haltReason={current === null ? undefined : haltReasons[current]} titleRef={jobTitle} />
      <JobHistory
        selected={current}
        onSelect={(jobId) => {
          setSelected(jobId);
          requestAnimationFrame(() => {
            jobTitle.current?.focus();
          });
        }}
      />
    </Stack>
  );
}
