// Step 1 and 2: choose a file, see its check, load the fixed file, then run it. A start consumes the checked
// file, so the panel empties for the next one.
import { Button, FileButton, FileInput, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, type ComponentProps, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';
import { ErrorNotice, Notice } from '../../components/Notice.tsx';
import { StartJob } from './StartJob.tsx';
import { useFileCheck, type CheckFailure } from './use-file-check.ts';
import { ValidationReport } from './ValidationReport.tsx';

const ACCEPT = '.csv,text/csv';

export function FileCheckPanel({ onStarted }: { onStarted: (job: BulkJobView) => void }): ReactElement {
  const { t } = useTranslation('bulk');
  const { file, report, failure, checking, check, clear } = useFileCheck();
  const resetReload = useRef<() => void>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk-check-title" data-testid="bulk-check">
      <Stack gap="sm">
        <Title order={2} id="bulk-check-title" className="bulk-section-title">
          {t('check.title')}
        </Title>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('check.file')}
            description={t('check.hint')}
            placeholder={t('check.placeholder')}
            accept={ACCEPT}
            value={file}
            clearable
            clearButtonProps={{ 'aria-label': t('check.clear') }}
            onChange={(chosen) => {
              if (chosen === null) clear();
              else check(chosen);
            }}
            fileInputProps={{ 'data-testid': 'bulk-file-input' } as ComponentProps<'input'>}
            className="bulk-file"
            data-testid="bulk-file"
          />
          {report !== null && report.problems.length > 0 && (
            <FileButton
              accept={ACCEPT}
              resetRef={resetReload}
              onChange={(chosen) => {
                resetReload.current?.();
                if (chosen !== null) check(chosen);
              }}
              inputProps={{ 'data-testid': 'bulk-reload-input' } as ComponentProps<'input'>}
            >
              {(props) => (
                <Button {...props} variant="default" loading={checking} data-testid="bulk-reload">
                  {t('check.reload')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {checking && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{t('check.checking')}</Text>
          </Group>
        )}
        {failure !== null && <FailureNotice failure={failure} />}
        {report !== null && <ValidationReport report={report} />}
        {report !== null && (
          <StartJob
            key={report.draftId ?? 'invalid'}
            report={report}
            onStarted={(job) => {
              // The checked file is used up: the panel is ready for the next one.
              clear();
              onStarted(job);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}

function FailureNotice({ failure }: { failure: CheckFailure }): ReactElement {
  const { t } = useTranslation('bulk');
  if (failure.kind === 'error') return <ErrorNotice error={failure.error} testId="bulk-check-error" />;
  return (
    <Notice
      described={{ tone: 'error', message: t(`check.${failure.kind}`, { name: failure.name }) }}
      testId="bulk-check-error"
    />
  );
}
