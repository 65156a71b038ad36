// A job's progress: a bar of finished rows (done and failed), the counts, the rate and the time left.
import { Progress } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatDuration } from './duration.ts';

function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 1000) / 10;
}

export function JobStats({ job }: { job: BulkJobView }): ReactElement {
  const { t } = useTranslation('bulk');
  const language = useLanguage();
  const n = (value: number): string => formatNumber(value, language);
  const finished = job.done + job.failed;
  const none = t('job.notYet');
  const rate = job.ratePerMinute === null ? none : t('job.ratePerMinute', { rate: n(job.ratePerMinute) });
  const eta = job.state !== 'running' || job.etaSeconds === null ? none : formatDuration(t, job.etaSeconds);
  return (
    <div className="bulk-stats">
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={t('job.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={finished}
        aria-valuetext={t('job.progressText', { finished: n(finished), total: n(job.total) })}
        data-testid="bulk-progress"
      >
        <Progress.Section value={percent(job.done, job.total)} color="green.7" withAria={false} />
        <Progress.Section value={percent(job.failed, job.total)} color="red.7" withAria={false} />
      </Progress.Root>
      <dl className="bulk-facts bulk-counts">
        <div>
          <dt>{t('job.done')}</dt>
          <dd data-testid="bulk-job-done">{n(job.done)}</dd>
        </div>
        <div>
          <dt>{t('job.failed')}</dt>
          <dd data-testid="bulk-job-failed">{n(job.failed)}</dd>
        </div>
        <div>
          <dt>{t('job.remaining')}</dt>
          <dd data-testid="bulk-job-remaining">{n(job.remaining)}</dd>
        </div>
        <div>
          <dt>{t('job.total')}</dt>
          <dd data-testid="bulk-job-total">{n(job.total)}</dd>
        </div>
        <div>
          <dt>{t('job.rate')}</dt>
          <dd data-testid="bulk-job-rate">{rate}</dd>
        </div>
        <div>
          <dt>{t('job.eta')}</dt>
          <dd data-testid="bulk-job-eta">{eta}</dd>
        </div>
      </dl>
    </div>
  );
}
