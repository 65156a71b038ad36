// The selected job, live: state, progress, what stopped it by itself, and its controls. State changes are
// announced politely; the counts are not (they change several times a second).
import { Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactElement, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { useBulkJob } from '../../api/bulk.ts';
import { useProfiles } from '../../api/shared-queries.ts';
import { ErrorNotice, Notice } from '../../components/Notice.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { JobControls } from './JobControls.tsx';
import { JobStateBadge } from './JobStateBadge.tsx';
import { JobStats } from './JobStats.tsx';

export function JobPanel({
  jobId,
  haltReason,
  titleRef,
}: {
  jobId: string | null;
  haltReason: string | undefined;
  /** The screen moves focus here when a job starts. */
  titleRef: Ref<HTMLHeadingElement>;
}): ReactElement {
  const { t } = useTranslation('bulk');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk-job-title" data-testid="bulk-job">
      <Stack gap="sm">
        <Title order={2} id="bulk-job-title" className="bulk-section-title" ref={titleRef} tabIndex={-1}>
          {t('job.title')}
        </Title>
        {jobId === null ? (
          <Text size="sm" data-testid="bulk-job-none">
            {t('job.none')}
          </Text>
        ) : (
          <JobDetails key={jobId} jobId={jobId} haltReason={haltReason} />
        )}
      </Stack>
    </Paper>
  );
}

function JobDetails({ jobId, haltReason }: { jobId: string; haltReason: string | undefined }): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const job = useBulkJob(jobId);
  if (job.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t('common:state.loading')}</Text>
      </Group>
    );
  }
  if (job.isError) return <ErrorNotice error={job.error} testId="bulk-job-error" />;
  return <JobView job={job.data} haltReason={haltReason} />;
}

function JobView({ job, haltReason }: { job: BulkJobView; haltReason: string | undefined }): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const language = useLanguage();
  const profiles = useProfiles();
  const profile = profiles.data?.find((p) => p.id === job.profileId)?.name ?? job.profileId;
  return (
    <Stack gap="sm" data-testid="bulk-job-view" data-job-id={job.jobId} data-state={job.state}>
      <Group gap="sm" justify="space-between" align="flex-start">
        <dl className="bulk-facts">
          <div>
            <dt>{t('report.file')}</dt>
            <dd className="bulk-file-name" data-testid="bulk-job-file">
              {job.fileName}
            </dd>
          </div>
          <div>
            <dt>{t('report.format')}</dt>
            <dd>{t(`report.formatName.${job.format}`)}</dd>
          </div>
          <div>
            <dt>{t('job.profile')}</dt>
            <dd>{profile}</dd>
          </div>
          <div>
            <dt>{t('job.started')}</dt>
            <dd>{formatDateTime(job.createdAt, language)}</dd>
          </div>
          <div>
            <dt>{t('job.concurrency')}</dt>
            <dd>{job.concurrency}</dd>
          </div>
        </dl>
        <JobStateBadge state={job.state} />
      </Group>
      <p role="status" className="bulk-sr-only" data-testid="bulk-job-announce">
        {t(`job.announce.${job.state}`, { file: job.fileName })}
      </p>
      <JobStats job={job} />
      {job.state === 'paused' && haltReason !== undefined && (
        <Notice
          described={{ tone: 'warning', message: t('job.halted'), detail: haltReason }}
          testId="bulk-job-halted"
        />
      )}
      <JobControls job={job} />
    </Stack>
  );
}
