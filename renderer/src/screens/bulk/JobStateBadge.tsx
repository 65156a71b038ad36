// A job's state as a coloured word (never colour alone); a running job turns a spinner.
import { Loader } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkJobView } from '../../../../common/contract/index.ts';

export function JobStateBadge({ state }: { state: BulkJobView['state'] }): ReactElement {
  const { t } = useTranslation('bulk');
  return (
    <span className={`bulk-state bulk-state-${state}`} data-testid="bulk-job-state" data-state={state}>
      {state === 'running' && <Loader size={10} color="currentColor" aria-hidden="true" className="bulk-spinner" />}
      {t(`job.state.${state}`)}
    </span>
  );
}
