// What became of a write: the outcome in words (done / failed / pending / checking / not sent) or the error,
// with what to do next — the new id when done, the Requests screen while the bank is still deciding.
import { Button, Group } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutcome } from '../../../../common/contract/index.ts';
import { useNavigation } from '../../app/router.tsx';
import { ErrorNotice, OutcomeNotice } from '../../components/Notice.tsx';

export function WriteResult({
  outcome,
  error,
  testId,
  onDone,
}: {
  outcome: OperationOutcome | undefined;
  error: unknown;
  testId: string;
  /** Shown inside a done notice (e.g. the new id and a button to open it). */
  onDone?: (result: Record<string, unknown>) => ReactNode;
}): ReactElement | null {
  const { t } = useTranslation('clients');
  const { navigate } = useNavigation();
  if (error !== null && error !== undefined) return <ErrorNotice error={error} testId={testId} />;
  if (outcome === undefined) return null;
  return (
    <OutcomeNotice outcome={outcome} testId={testId}>
      {outcome.kind === 'done' && onDone?.(outcome.result)}
      {(outcome.kind === 'pending' || outcome.kind === 'unknown') && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              navigate({ screen: 'requests' });
            }}
            data-testid={`${testId}-requests`}
          >
            {t('result.openRequests')}
          </Button>
        </Group>
      )}
    </OutcomeNotice>
  );
}
