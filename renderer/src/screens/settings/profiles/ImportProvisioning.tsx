// Importing a provisioning file (profiles, and on the desktop a workstation policy) that IT prepared. The file
// is read here as text and checked in main, which names the line and field of any problem (under Details).
import { FileInput, Stack } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../../common/contract/index.ts';
import { MAX_PROVISIONING_BYTES, useImportProvisioning } from '../../../api/profiles.ts';
import { ErrorNotice, Notice } from '../../../components/Notice.tsx';

export function ImportProvisioning(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const run = useImportProvisioning();
  // A file over the contract's limit is not read, let alone sent.
  const [tooBig, setTooBig] = useState(false);
  const choose = (file: File): void => {
    setTooBig(file.size > MAX_PROVISIONING_BYTES);
    if (file.size > MAX_PROVISIONING_BYTES) run.clear();
    else void run.run(file);
  };

  return (
    <Stack gap="xs">
      <FileInput
        label={t('import.label')}
        description={t('import.hint')}
        placeholder={t('import.placeholder')}
        accept=".json,application/json"
        value={null}
        clearable={false}
        disabled={run.busy}
        onChange={(file) => {
          if (file !== null) choose(file);
        }}
        data-testid="import-file"
        className="import-file"
      />
      {tooBig && <Notice described={{ tone: 'error', message: t('import.tooBig') }} testId="import-result" />}
      {run.error !== undefined && <ErrorNotice error={run.error} testId="import-result" />}
      {run.result !== undefined && <ImportSummary report={run.result} />}
    </Stack>
  );
}

function ImportSummary({ report }: { report: ImportReport }): ReactElement {
  const { t } = useTranslation('settings');
  const none = t('import.none');
  const list = (ids: string[]): string => (ids.length === 0 ? none : ids.join(', '));
  return (
    <Notice
      described={{
        tone: 'success',
        message: t('import.done', {
          added: list(report.added),
          updated: list(report.updated),
          unchanged: list(report.unchanged),
        }),
      }}
      testId="import-result"
    />
  );
}
