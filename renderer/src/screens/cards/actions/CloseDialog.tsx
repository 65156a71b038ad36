// Closing is irreversible: the operator picks a reason, may add a note, and types the card's last four digits.
// The dialog reads the balance afresh; money on the card must be acknowledged before Close is enabled, and main
// refuses the close without that acknowledgement when it finds money (docs/operator-ui.md, clients and cards).
import { NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CardDeskError, CLOSE_REASONS, contract, type OperationOutcome } from '../../../../../common/contract/index.ts';
import { useCardWrite } from '../../../api/cards.ts';
import { retryable } from '../../../api/outcome.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';
import { lastFour } from '../card-actions.ts';
import { CloseBalance, useCloseBalance } from './CloseBalance.tsx';

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
  const approval = useApproval('cards.close', write.error);
  const [reason, setReason] = useState<CloseReason>('client_request');
  const [note, setNote] = useState('');
  const noteValid = noteSchema.safeParse(note).success;
  const { check, accounts, reread } = useCloseBalance(cardId, opened);
  const [acknowledged, setAcknowledged] = useState(false);
  const needsAcknowledgement = check === 'funded' || check === 'unknown';
  // Main found money the dialog had not shown (it arrived meanwhile): read the balance again to show it.
  const refused = write.error instanceof CardDeskError && write.error.code === 'balance_not_acknowledged';
  useEffect(() => {
    if (refused) void reread();
  }, [refused, reread]);

  const confirm = async (): Promise<void> => {
    if (!noteValid) return;
    const balanceAcknowledged = needsAcknowledgement && acknowledged;
    // A second operator's approval where dual control asks for one (docs/operator-ui.md, approvals).
    const second = await approval.take();
    if (second === null) return;
    const args = { reason, note, confirm: true as const, balanceAcknowledged, ...second };
    const outcome = await write.run({ action: 'close', args });
    if (outcome !== undefined && !retryable(outcome)) {
      setNote('');
      setAcknowledged(false);
      approval.reset();
      onFinished(outcome);
    }
  };

  return (
    <ConfirmDialog
      opened={opened}
      title={t('actions.close.title')}
      confirmLabel={t('actions.close.submit')}
      typeWord={lastFour(mask)}
      blocked={check === 'reading' || (needsAcknowledgement && !acknowledged)}
      danger
      busy={write.busy}
      onConfirm={() => void confirm()}
      onCancel={() => {
        write.clear();
        setAcknowledged(false);
        approval.reset();
        onCancel();
      }}
    >
      <Stack gap="sm" data-testid="close-form">
        <Text>{t('actions.close.body', { mask })}</Text>
        <CloseBalance check={check} accounts={accounts} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
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
        <ApprovalSection control={approval} />
        <WriteOutcome
          write={withoutApprovalError(write)}
          only="problems"
          testId="action-problem"
          errorTestId="action-error"
        />
      </Stack>
    </ConfirmDialog>
  );
}
