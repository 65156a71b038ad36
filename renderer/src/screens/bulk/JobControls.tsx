// What can be done with a job in its state: pause or cancel a running one, resume or cancel a paused one,
// download the result of any job that has stopped. Pause and cancel let rows in flight finish, so the job
// reports "Pausing…" until the runner says it stopped.
import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';
import { DANGER } from '../../components/colors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { downloadText } from '../../components/download.ts';
import { ErrorNotice } from '../../components/Notice.tsx';
import { bulkKeys } from './bulk-queries.ts';

type Action = 'pause' | 'resume' | 'cancel';

function send(jobId: string, action: Action): Promise<BulkJobView> {
  const bulk = cardDesk().bulk;
  if (action === 'pause') return bulk.pause({ jobId });
  if (action === 'resume') return bulk.resume({ jobId });
  return bulk.cancel({ jobId, confirm: true });
}

export function JobControls({ job }: { job: BulkJobView }): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  // Asked to stop, rows in flight still finishing: shown until the state changes.
  const [stopping, setStopping] = useState<'pause' | 'cancel' | null>(null);
  const { jobId, state } = job;
  const action = useMutation({
    mutationFn: (next: Action) => send(jobId, next),
    onMutate: (next) => {
      setStopping(next === 'resume' ? null : next);
    },
    onSettled: () => {
      setConfirmCancel(false);
      void queryClient.invalidateQueries({ queryKey: bulkKeys.job(jobId) });
      void queryClient.invalidateQueries({ queryKey: bulkKeys.list });
    },
    onError: () => {
      setStopping(null);
    },
  });
  const result = useMutation({
    mutationFn: () => cardDesk().bulk.result({ jobId }),
    onSuccess: ({ fileName, content }) => {
      downloadText(fileName, content);
    },
  });
  const running = state === 'running';
  const pausing = running && stopping === 'pause';
  const cancelling = running && stopping === 'cancel';

  return (
    <>
      <Group gap="sm">
        {running && (
          <Button
            variant="default"
            onClick={() => {
              action.mutate('pause');
            }}
            loading={pausing}
            disabled={cancelling}
            data-testid="bulk-pause"
          >
            {t('job.pause')}
          </Button>
        )}
        {state === 'paused' && (
          <Button
            onClick={() => {
              action.mutate('resume');
            }}
            loading={action.isPending && action.variables === 'resume'}
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
            onClick={() => {
              result.mutate();
            }}
            loading={result.isPending}
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
      {action.error !== null && <ErrorNotice error={action.error} testId="bulk-action-error" />}
      {result.error !== null && <ErrorNotice error={result.error} testId="bulk-result-error" />}
      <ConfirmDialog
        opened={confirmCancel}
        title={t('job.cancelTitle')}
        confirmLabel={t('job.cancelConfirm')}
        cancelLabel={t('job.keepRunning')}
        danger
        busy={action.isPending && action.variables === 'cancel'}
        onCancel={() => {
          setConfirmCancel(false);
        }}
        onConfirm={() => {
          action.mutate('cancel');
        }}
      >
        <Text data-testid="bulk-cancel-summary">{t('job.cancelBody', { count: job.remaining })}</Text>
      </ConfirmDialog>
    </>
  );
}
