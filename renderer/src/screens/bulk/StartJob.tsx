// Running a checked file: how many rows at the same time, then a confirmation that says what will be issued on
// which profile (production in the danger style), then `bulk.start`. Nothing starts while the file has problems.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BulkJobView, BulkValidationReport } from '../../../../common/contract/index.ts';
import { useStartBulkJob } from '../../api/bulk.ts';
import { useActiveProfile } from '../../api/shared-queries.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.tsx';
import { useFieldError, wordsByField } from '../../components/field-error.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { ApprovalSection } from '../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../components/approval/use-approval.ts';
import { DEFAULT_CONCURRENCY, startFormSchema, type StartFormInput, type StartFormValues } from './start-form.ts';

const WORDS = wordsByField({ concurrency: 'bulk:start.concurrencyError' });

export function StartJob({
  report,
  onStarted,
}: {
  report: BulkValidationReport;
  onStarted: (job: BulkJobView) => void;
}): ReactElement {
  const { t } = useTranslation(['bulk', 'common']);
  const { active } = useActiveProfile();
  const [confirming, setConfirming] = useState<StartFormValues | null>(null);
  const {
    control,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<StartFormInput, unknown, StartFormValues>({
    resolver: zodResolver(startFormSchema),
    defaultValues: { concurrency: DEFAULT_CONCURRENCY },
  });
  const errorOf = useFieldError(errors, WORDS);
  const start = useStartBulkJob();
  const approval = useApproval('bulk.start', start.error);
  const run = async (args: { draftId: string; concurrency: number }): Promise<void> => {
    // A second operator's approval where dual control asks for one (docs/operator-ui.md, approvals).
    const second = await approval.take();
    if (second === null) return;
    const job = await start.run({ ...args, ...second });
    // A refusal with an approval asked for stays in the dialog, next to the approver's fields.
    if (job === undefined && approval.needed) return;
    setConfirming(null);
    approval.reset();
    if (job !== undefined) onStarted(job);
  };
  const draftId = report.problems.length === 0 ? report.draftId : undefined;
  const ready = draftId !== undefined && active !== undefined;
  const environment = active?.environment ?? 'sandbox';
  const summaryKey = report.format === 'cards' ? 'start.confirmCards' : 'start.confirmClients';

  return (
    <>
      <form
        noValidate
        aria-labelledby="bulk-run-title"
        onSubmit={(event) => {
          void handleSubmit(
            (values) => {
              if (ready) setConfirming(values);
            },
            () => {
              setFocus('concurrency');
            },
          )(event);
        }}
        data-testid="bulk-start-form"
      >
        <Stack gap="sm">
          <Title order={3} id="bulk-run-title" className="bulk-subtitle">
            {t('start.title')}
          </Title>
          <Group align="flex-end" gap="sm">
            <Controller
              control={control}
              name="concurrency"
              render={({ field }) => (
                <NumberInput
                  label={t('start.concurrency')}
                  description={t('start.concurrencyHint')}
                  min={1}
                  max={32}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={errorOf('concurrency')}
                  disabled={!ready}
                  className="bulk-concurrency"
                  data-testid="bulk-concurrency"
                />
              )}
            />
            <Button type="submit" disabled={!ready} loading={start.busy} data-testid="bulk-start">
              {t('start.submit')}
            </Button>
          </Group>
          {draftId === undefined && (
            <Text size="sm" data-testid="bulk-start-blocked">
              {t('start.blocked')}
            </Text>
          )}
          {draftId !== undefined && active === undefined && (
            <Text size="sm" data-testid="bulk-start-no-profile">
              {t('start.noProfile')}
            </Text>
          )}
          {confirming === null && <WriteOutcome write={start} only="problems" testId="bulk-start-error" />}
        </Stack>
      </form>
      {/* Outside the form: React events bubble through the dialog's portal, and its submit must not resubmit. */}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('start.confirmTitle')}
        confirmLabel={t('start.confirmLabel')}
        danger={environment === 'production'}
        busy={start.busy}
        onCancel={() => {
          setConfirming(null);
          approval.reset();
          start.clear();
        }}
        onConfirm={() => {
          if (draftId !== undefined && confirming !== null) {
            void run({ draftId, concurrency: confirming.concurrency });
          }
        }}
      >
        <Text data-testid="bulk-start-summary">
          {t(summaryKey, {
            // How many cards: a cards file's rows each ask for a quantity (docs/bulk.md).
            count: report.format === 'cards' ? (report.cards ?? report.rows) : report.rows,
            rows: report.rows,
            profile: active?.name ?? '',
            environment: t(`common:environment.${environment}`),
          })}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('start.profile')}</Text>
          <strong>{active?.name}</strong>
          <EnvironmentBadge environment={environment} />
        </Group>
        <Text size="sm">
          {t('start.concurrencySummary', { count: confirming?.concurrency ?? DEFAULT_CONCURRENCY })}
        </Text>
        {environment === 'production' && (
          <Text fw={600} c="red.8" data-testid="bulk-start-production">
            {t('start.production')}
          </Text>
        )}
        <ApprovalSection control={approval} />
        <WriteOutcome write={withoutApprovalError(start)} only="problems" testId="bulk-start-dialog-error" />
      </ConfirmDialog>
    </>
  );
}
