// Closing is irreversible: the operator picks a reason, may add a note, and types the card's last four digits.
import { NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, contract, type OperationOutcome } from '../../../../../common/contract/index.ts';
import { useCardWrite } from '../../../api/cards.ts';
import { retryable } from '../../../api/outcome.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { lastFour } from '../card-actions.ts';

type CloseReason = (typeof CLOSE_REASONS)[number];
const noteSchema = contract['cards.close'].args.shape.note;

export function CloseDialog({
  opened,
  cardId,
  mask,
  onFinished,
  onCancel,
}: {
  opened: boolean;
  cardId: string;
  mask: string;
  onFinished: (outcome: OperationOutcome<unknown>) => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const write = useCardWrite(cardId);
  const [reason, setReason] = useState<CloseReason>('client_request');
  const [note, setNote] = useState('');
  const noteValid = noteSchema.safeParse(note).success;

  const confirm = async (): Promise<void> => {
    if (!noteValid) return;
    const outcome = await write.run({ action: 'close', args: { reason, note, confirm: true } });
    if (outcome !== undefined && !retryable(outcome)) {
      setNote('');
      onFinished(outcome);
    }
  };

  return (
    <ConfirmDialog
      opened={opened}
      title={t('actions.close.title')}
      confirmLabel={t('actions.close.submit')}
      typeWord={lastFour(mask)}
      danger
      busy={write.busy}
      onConfirm={() => void confirm()}
      onCancel={() => {
        write.clear();
        onCancel();
      }}
    >
      <Stack gap="sm" data-testid="close-form">
        <Text>{t('actions.close.body', { mask })}</Text>
        <NativeSelect
          label={t('actions.reason')}
          data={CLOSE_REASONS.map((r) => ({ value: r, label: t(`actions.closeReasons.${r}`) }))}
          value={reason}
          onChange={(event) => {
            const value = CLOSE_REASONS.find((r) => r === event.currentTarget.value);
            if (value !== undefined) setReason(value);
          }}
          data-testid="reason"
        />
        <TextInput
          label={t('actions.note')}
          description={t('actions.noteHint')}
          maxLength={200}
          autoComplete="off"
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
          }}
          error={noteValid ? undefined : t('actions.noteInvalid')}
          data-testid="note"
        />
        <WriteOutcome write={write} only="problems" testId="action-problem" errorTestId="action-error" />
      </Stack>
    </ConfirmDialog>
  );
}
