// Importing a provisioning file (profiles, and on the desktop a workstation policy) that IT prepared. The file
// is read here as text and checked in main, which names the line and field of any problem (under Details).
import { FileInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../../common/contract/index.ts';
import { cardDesk } from '../../../api/bridge.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { ErrorNotice, Notice } from '../../../components/Notice.tsx';

/** The contract refuses more; reading a bigger file into memory is pointless. */
const MAX_BYTES = 1024 * 1024;

class FileTooBig extends Error {}

async function importFile(file: File): Promise<ImportReport> {
  if (file.size > MAX_BYTES) throw new FileTooBig(file.name);
  return cardDesk().profiles.import({ fileName: file.name, content: await file.text() });
}

export function ImportProvisioning(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: importFile,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
    },
  });

  return (
    <Stack gap="xs">
      <FileInput
        label={t('import.label')}
        description={t('import.hint')}
        placeholder={t('import.placeholder')}
        accept=".json,application/json"
        value={null}
        clearable={false}
        disabled={run.isPending}
        onChange={(file) => {
          if (file !== null) run.mutate(file);
        }}
        data-testid="import-file"
        className="import-file"
      />
      {run.error instanceof FileTooBig && (
        <Notice described={{ tone: 'error', message: t('import.tooBig') }} testId="import-result" />
      )}
      {run.error !== null && !(run.error instanceof FileTooBig) && (
        <ErrorNotice error={run.error} testId="import-result" />
      )}
      {run.data !== undefined && <ImportSummary report={run.data} />}
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
