// Issue a virtual card to the client. Issuing costs money, so it is confirmed first.
import { Button, Stack, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientWrite } from '../../../api/clients.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { NewCard } from './NewCard.tsx';
import { PRIMARY } from '../../../components/colors.ts';

/** `waiting`: its operation is open for this client (live reconciliation); it must not be sent again now. */
export function IssueVirtualCard({ clientId, waiting = false }: { clientId: string; waiting?: boolean }): ReactElement {
  const { t } = useTranslation('clients');
  const [confirming, setConfirming] = useState(false);
  const issue = useClientWrite(clientId);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('issue.virtualHint')}</Text>
      <div>
        <Button
          color={PRIMARY}
          onClick={() => {
            setConfirming(true);
          }}
          loading={issue.busy}
          data-testid="issue-virtual"
          disabled={waiting}
        >
          {t('issue.virtual')}
        </Button>
      </div>
      <ConfirmDialog
        opened={confirming}
        title={t('issue.virtualConfirmTitle')}
        confirmLabel={t('issue.virtual')}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          setConfirming(false);
          void issue.run({ action: 'issueVirtual' });
        }}
      >
        <Text size="sm">{t('issue.virtualConfirmText', { clientId })}</Text>
        <Text size="sm">{t('issue.costs')}</Text>
      </ConfirmDialog>
      <WriteOutcome
        write={issue}
        testId="issue-virtual-outcome"
        followInRequests
        renderDone={(result) => <NewCard result={result} testId="issue-virtual" reference={issue.result?.key} />}
      />
    </Stack>
  );
}
