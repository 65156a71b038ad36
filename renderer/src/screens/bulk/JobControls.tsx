// What can be done with a job in its state: pause or cancel a running one, resume or cancel a paused one,
// download the result of any job that has stopped. Pause and cancel let rows in flight finish, so the job
// reports "Pausing…" until the runner says it stopped.
import { Button, Group, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { useBulkResult, useJobControl, type JobAction } from '../../api/bulk.ts';
import { DANGER } from '../../components/colors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { downloadParts } from '../../components/download.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { resultRewriter } from './result-csv.ts';

export function JobControls({ job }: { job: BulkJobView }): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const [confirmCancel, setConfirmCancel] = useState(false);
  // Asked to stop, rows in flight still finishing: shown until the state changes.
  const [stopping, setStopping] = useState<'pause' | 'cancel' | null>(null);
  const { jobId, state } = job;
  const action = useJobControl(jobId);
  const language = useLanguage();
  const result = useBulkResult(jobId, () => resultRewriter(language, t));
  const control = async (next: JobAction): Promise<void> => {
    setStopping(next === 'resume' ? null : next);
    const job = await action.run(next);
    setConfirmCancel(false);
    if (job === undefined) setStopping(null);
  };
  const downloadResult = async (): Promise<void> => {
    const file = await result.run();
    if (file !== undefined) downloadParts(file.fileName, file.parts);
  };
  const running = state === 'running';
  const pausing = running && stopping === 'pause';
  const cancelling = running && stopping === 'cancel';

  return (
    <>
      <Group gap="sm">
        {running && (
          <Button
            variant="default"
            onClick={() => void control('pause')}
            loading={pausing}
            disabled={cancelling}
            data-testid="bulk-pause"
          >
            {t('job.pause')}
          </Button>
        )}
        {state === 'paused' && (
          <Button
            onClick={() => void control('resume')}
            loading={action.busy && action.args === 'resume'}
            data-testid="bulk-resume"
          >
            {t('job.resume')}
          </Button>
        )}
        {(running || state === 'paused') && (
          <Button
            variant="outline"
            color={DANGER}
            onClick={() => {
              setConfirmCancel(true);
            }}
            loading={cancelling}
            data-testid="bulk-cancel"
          >
            {t('job.cancel')}
          </Button>
        )}
        {!running && (
          <Button
            variant="default"
            onClick={() => void downloadResult()}
            loading={result.busy}
            data-testid="bulk-result"
          >
            {t('job.result')}
          </Button>
        )}
        {(pausing || cancelling) && (
          <Text size="sm" data-testid="bulk-stopping">
            {t(pausing ? 'job.pausing' : 'job.cancelling')}
          </Text>
        )}
      </Group>
      <WriteOutcome write={action} only="problems" testId="bulk-action-error" />
      <WriteOutcome write={result} only="problems" testId="bulk-result-error" />
      <ConfirmDialog
        opened={confirmCancel}
        title={t('job.cancelTitle')}
        confirmLabel={t('job.cancelConfirm')}
        cancelLabel={t('job.keepRunning')}
        danger
        busy={action.busy && action.args === 'cancel'}
        onCancel={() => {
          setConfirmCancel(false);
        }}
        onConfirm={() => void control('cancel')}
      >
        <Text data-testid="bulk-cancel-summary">{t('job.cancelBody', { count: job.remaining })}</Text>
      </ConfirmDialog>
    </>
  );
}
