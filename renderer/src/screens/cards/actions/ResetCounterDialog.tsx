// Confirmation before resetting the wrong-PIN counter. (Its own dialog rather than ConfirmDialog, whose default
// filled button is below WCAG AA contrast; see the report to the foundation.)
import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutcome } from '../../../../../common/contract/index.ts';
import { useCardWrite } from '../../../api/cards.ts';
import { retryable } from '../../../api/outcome.ts';
import { PRIMARY } from '../../../components/colors.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ActionModal } from './ActionModal.tsx';

export function ResetCounterDialog({
  opened,
  cardId,
  onFinished,
  onCancel,
}: {
  opened: boolean;
  cardId: string;
  onFinished: (outcome: OperationOutcome<unknown>) => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const write = useCardWrite(cardId);
  const cancel = (): void => {
    if (write.busy) return;
    write.clear();
    onCancel();
  };
  const confirm = async (): Promise<void> => {
    const outcome = await write.run({ action: 'resetPinCounter' });
    if (outcome !== undefined && !retryable(outcome)) onFinished(outcome);
  };
  return (
    <ActionModal
      opened={opened}
      title={t('actions.resetPinCounter.title')}
      busy={write.busy}
      onClose={cancel}
      testId="resetPinCounter-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!write.busy) void confirm();
        }}
      >
        <Stack>
          <Text>{t('actions.resetPinCounter.body')}</Text>
          <WriteOutcome write={write} only="problems" testId="action-problem" errorTestId="action-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} disabled={write.busy}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" color={PRIMARY} loading={write.busy} data-autofocus data-testid="confirm-submit">
              {t('actions.resetPinCounter.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionModal>
  );
}
