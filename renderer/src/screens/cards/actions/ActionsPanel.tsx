// The actions the card's status allows (docs/card-api.md, dictionaries), each in its own dialog. The outcome of the last action is
// shown here; a form keeps the dialog open (with the operator's input) only when sending again makes sense.
// While an operation on the card is open (sending, pending, checking), the actions wait, and the panel says
// when Card Desk asks the bank next (docs/architecture.md, live reconciliation). A dialog closed while its request
// is in flight leaves the request to the frame, which shows its outcome (docs/operator-ui.md, dialogs and long
// requests); the panel says it goes on. A PIN set or closing prints its confirmation once done, also when it was
// settled in the background (its record in the card's timeline says so).
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CardView, JournalEntryView, OperationOutcome } from '../../../../../common/contract/index.ts';
import { useCardTimeline } from '../../../api/card-timeline.ts';
import { useCardWrite } from '../../../api/cards.ts';
import { cardTurn, detachCardWrites, useInFlight } from '../../../api/in-flight.ts';
import { useOpenChecks } from '../../../api/open-checks.ts';
import { Notice } from '../../../components/Notice.tsx';
import { OpenChecksNotice } from '../../../components/OpenChecks.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ACTION_METHODS, availableActions, type CardAction } from '../card-actions.ts';
import { useCan } from '../../../api/rights.ts';
import { ActionModal } from './ActionModal.tsx';
import { CloseDialog } from './CloseDialog.tsx';
import { IdentifyForm } from './IdentifyForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { ResetCounterDialog } from './ResetCounterDialog.tsx';
import { SetPinForm } from './SetPinForm.tsx';
import { DANGER } from '../../../components/colors.ts';
import { ConfirmationPrint, type Confirmation, type ConfirmationFacts } from '../../../print/ConfirmationPrint.tsx';
import { DetachedWrites } from './DetachedWrites.tsx';
import { printedReason } from '../timeline/timeline-words.ts';

type FormAction = 'block' | 'unblock' | 'setPin' | 'identify';

/** The actions that print a confirmation once done (docs/operator-ui.md, printing). */
const CONFIRMATION_OF: Partial<Record<CardAction, Confirmation>> = { setPin: 'pinSet', close: 'cardClosed' };

/** The sheet of the last action; its journal record, once the card's timeline has it, adds a closing's reason. */
function confirmationFacts(
  t: TFunction,
  kind: Confirmation,
  card: CardView,
  reference: string,
  record: JournalEntryView | undefined,
): ConfirmationFacts {
  const extra = printedReason(t, record);
  return { kind, mask: card.card_mask, clientName: card.cardholder_name || undefined, reference, extra };
}

// Light buttons take the plain colour (Mantine's light variant of a shade like red.9 loses its text contrast).
const BUTTON_COLOR: Partial<Record<CardAction, string>> = { block: 'red', close: DANGER };

export function ActionsPanel({ card }: { card: CardView }): ReactElement {
  const { t } = useTranslation(['cards', 'common', 'requests']);
  const cardId = card.card_id;
  const can = useCan();
  const actions = availableActions(card.status).filter((action) => can.call(ACTION_METHODS[action]));
  const [open, setOpen] = useState<CardAction | null>(null);
  const [formBusy, setFormBusy] = useState(false);
  const [last, setLast] = useState<{ action: CardAction; outcome: OperationOutcome<unknown>; at: number } | null>(null);
  const activate = useCardWrite(cardId);
  const checks = useOpenChecks({ cardId });
  const openOps = checks.data ?? [];
  const lastOpen = last !== null && (last.outcome.kind === 'pending' || last.outcome.kind === 'unknown');
  // The last action's own notice gives way to the live one while it is open, and says so once it has settled
  // (known only from a list read after the one on screen when the action ended; `at` is that list's time).
  const lastFollowed = lastOpen && openOps.some((check) => check.requestId === last.outcome.key);
  const lastSettled = lastOpen && !lastFollowed && checks.dataUpdatedAt > last.at;
  // How it settled is in the card's timeline (the same live list the timeline panel shows).
  const timeline = useCardTimeline(cardId);
  const record = last === null ? undefined : timeline.rows.find((entry) => entry.requestId === last.outcome.key);
  const settledDone = lastSettled && record?.state === 'done' ? record : undefined;
  const confirmation = last === null ? undefined : CONFIRMATION_OF[last.action];

  // A form closed while its request was in flight belongs to an earlier turn and no longer reports here: its
  // outcome goes to the frame. Leaving the page detaches the card's requests too.
  const turn = useInFlight().turns[cardId] ?? 0;
  useEffect(
    () => () => {
      detachCardWrites(cardId);
    },
    [cardId],
  );

  const finished = (action: CardAction) => (outcome: OperationOutcome<unknown>) => {
    setOpen(null);
    setLast({ action, outcome, at: checks.dataUpdatedAt });
  };
  const openAction = (action: CardAction): void => {
    setLast(null);
    activate.clear();
    setFormBusy(false);
    setOpen(action);
  };
  const runActivate = async (): Promise<void> => {
    setLast(null);
    const outcome = await activate.run({ action: 'activate' });
    if (outcome !== undefined) setLast({ action: 'activate', outcome, at: checks.dataUpdatedAt });
  };
  const closeForm = (): void => {
    if (formBusy) {
      detachCardWrites(cardId);
      setFormBusy(false);
    }
    setOpen(null);
  };
  const formProps = (action: FormAction) => {
    const current = (): boolean => turn === cardTurn(cardId);
    return {
      cardId,
      onFinished: (outcome: OperationOutcome<unknown>) => {
        if (current()) finished(action)(outcome);
      },
      onCancel: closeForm,
      onBusy: (busy: boolean) => {
        if (current()) setFormBusy(busy);
      },
    };
  };

  return (
    <Paper withBorder p="md" className="card-panel" data-testid="card-actions">
      <Title order={2} className="card-panel-title">
        {t('actions.title')}
      </Title>
      <Stack gap="sm">
        {actions.length === 0 ? (
          <Text data-testid="no-actions">{t('actions.closedFinal')}</Text>
        ) : (
          <Group gap="xs">
            {actions.map((action) => (
              <Button
                key={action}
                variant={action === 'close' ? 'outline' : 'light'}
                color={BUTTON_COLOR[action]}
                loading={action === 'activate' && activate.busy}
                disabled={openOps.length > 0}
                data-testid={`action-${action}`}
                onClick={() => {
                  if (action === 'activate') void runActivate();
                  else openAction(action);
                }}
              >
                {t(`actions.${action}.button`)}
              </Button>
            ))}
          </Group>
        )}
        <DetachedWrites cardId={cardId} />
        <OpenChecksNotice
          checks={openOps}
          waiting={actions.length > 0 ? t('requests:checks.cardWaits') : undefined}
          testId="card-open-checks"
        />
        {lastSettled && (
          <Notice described={{ tone: 'info', message: t('requests:checks.settled') }} testId="action-settled">
            {settledDone !== undefined && confirmation !== undefined && (
              <ConfirmationPrint
                facts={confirmationFacts(t, confirmation, card, settledDone.requestId, settledDone)}
                at={settledDone.updatedAt}
                testId="action-print"
              />
            )}
          </Notice>
        )}
        {/* The last action's outcome (a form's or Activate's), or why Card Desk refused to send Activate. */}
        <WriteOutcome
          write={{ result: lastFollowed || lastSettled ? undefined : last?.outcome, error: activate.error }}
          testId="action-outcome"
          errorTestId="action-error"
        >
          {last !== null && (
            <Text size="sm" data-testid="action-outcome-name">
              {t('actions.outcomeOf', { action: t(`actions.${last.action}.button`) })}
            </Text>
          )}
          {last?.outcome.kind === 'done' && confirmation !== undefined && (
            <ConfirmationPrint
              key={last.outcome.key}
              facts={confirmationFacts(t, confirmation, card, last.outcome.key, record)}
              testId="action-print"
            />
          )}
        </WriteOutcome>
      </Stack>

      {(['block', 'unblock'] as const).map((kind) => (
        <ActionModal
          key={kind}
          opened={open === kind}
          title={t(`actions.${kind}.title`)}
          busy={formBusy}
          onClose={closeForm}
          testId={`${kind}-dialog`}
        >
          <ReasonForm kind={kind} {...formProps(kind)} />
        </ActionModal>
      ))}
      <ActionModal
        opened={open === 'setPin'}
        title={t('actions.setPin.title')}
        busy={formBusy}
        onClose={closeForm}
        testId="setPin-dialog"
      >
        <SetPinForm {...formProps('setPin')} />
      </ActionModal>
      <ActionModal
        opened={open === 'identify'}
        title={t('actions.identify.title')}
        busy={formBusy}
        onClose={closeForm}
        testId="identify-dialog"
      >
        <IdentifyForm {...formProps('identify')} />
      </ActionModal>
      <ResetCounterDialog
        opened={open === 'resetPinCounter'}
        cardId={cardId}
        onFinished={finished('resetPinCounter')}
        onCancel={() => {
          setOpen(null);
        }}
      />
      <CloseDialog
        opened={open === 'close'}
        cardId={cardId}
        mask={card.card_mask}
        onFinished={finished('close')}
        onCancel={() => {
          setOpen(null);
        }}
      />
    </Paper>
  );
}
