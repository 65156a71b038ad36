// Importing a provisioning file (profiles, and on the desktop a workstation policy) that IT prepared. The file
// is read here as text and checked in main, which names the line and field of any problem (under Details).
import { FileInput, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../../common/contract/index.ts';
import { MAX_PROVISIONING_BYTES, useImportProvisioning } from '../../../api/profiles.ts';
import { Notice } from '../../../components/Notice.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';

export function ImportProvisioning(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const importing = useImportProvisioning();
  // A file over the contract's limit is not read, let alone sent.
  const [tooBig, setTooBig] = useState(false);
  const choose = (file: File): void => {
    setTooBig(file.size > MAX_PROVISIONING_BYTES);
    if (file.size > MAX_PROVISIONING_BYTES) importing.clear();
    else void importing.run(file);
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
        disabled={importing.busy}
        onChange={(file) => {
          if (file !== null) choose(file);
        }}
        data-testid="import-file"
        className="import-file"
      />
      {tooBig && <Notice described={{ tone: 'error', message: t('import.tooBig') }} testId="import-result" />}
      <WriteOutcome write={importing} done={(report) => importSummary(t, report)} testId="import-result" />
    </Stack>
  );
}

/** What the file changed: the profiles added, updated and left as they were. */
function importSummary(t: TFunction, report: ImportReport): string {
  const none = t('settings:import.none');
  const list = (ids: string[]): string => (ids.length === 0 ? none : ids.join(', '));
  return t('settings:import.done', {
    added: list(report.added),
    updated: list(report.updated),
    unchanged: list(report.unchanged),
  });
}
