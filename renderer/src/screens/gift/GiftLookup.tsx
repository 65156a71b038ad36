// Any gift card by its id: its status, sending the card data to the holder again, and while it waits for
// activation (issued) a new one-time code and the way back to the confirm step: the bank refuses a new code for
// any other status (docs/card-api.md, gift cards). A card sold here prints its sale's confirmation again.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Loader, Stack, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useGiftStatus, useSendGiftAgain, type SendAgain } from '../../api/gift.ts';
import { useFieldError, wordsByField } from '../../components/field-error.ts';
import { ErrorNotice } from '../../components/Notice.tsx';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { GiftCardFacts } from './GiftCardFacts.tsx';
import { GiftSaleReprint } from './GiftSaleReprint.tsx';
import { lookupFormSchema, type LookupFormInput, type LookupFormValues } from './gift-forms.ts';
import type { GiftCardRef } from './IssueForm.tsx';

/** card_status 1: issued, waiting for the one-time code (docs/card-api.md, dictionaries). */
const ISSUED = 1;

const WORDS = wordsByField({ cardId: 'gift:errors.cardId' });

export function GiftLookup({ onConfirm }: { onConfirm: (card: GiftCardRef) => void }): ReactElement {
  const { t } = useTranslation(['gift', 'common']);
  const [cardId, setCardId] = useState<number | undefined>();
  const status = useGiftStatus(cardId);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LookupFormInput, unknown, LookupFormValues>({
    resolver: zodResolver(lookupFormSchema),
    defaultValues: { cardId: '' },
  });
  const errorOf = useFieldError(errors, WORDS);
  const send = useSendGiftAgain();

  const lookUp = (values: LookupFormValues): void => {
    send.clear();
    if (values.cardId === cardId) void status.refetch();
    else setCardId(values.cardId);
  };
  const sendAgain = (action: SendAgain['action']) => (values: LookupFormValues) => {
    void send.run({ action, cardId: values.cardId });
  };

  return (
    <Stack gap="sm">
      <form
        noValidate
        aria-labelledby="gift-lookup-title"
        onSubmit={(event) => {
          // An id the form refuses: the last lookup's status or error no longer answers what the field says.
          void handleSubmit(lookUp, () => {
            setCardId(undefined);
          })(event);
        }}
        data-testid="gift-lookup-form"
      >
        <Stack gap="sm">
          <TextInput
            label={t('lookup.cardId')}
            required
            inputMode="numeric"
            autoComplete="off"
            error={errorOf('cardId')}
            data-testid="gift-lookup-card-id"
            {...register('cardId')}
          />
          <Group gap="xs">
            <Button type="submit" loading={status.isFetching} data-testid="gift-lookup-submit">
              {t('lookup.submit')}
            </Button>
            <Button
              variant="default"
              loading={send.busy && send.args?.action === 'resend'}
              disabled={send.busy}
              onClick={() => void handleSubmit(sendAgain('resend'))()}
              data-testid="gift-resend"
            >
              {t('actions.resend')}
            </Button>
          </Group>
        </Stack>
      </form>
      <WriteOutcome
        write={send}
        done={t(send.args?.action === 'resend' ? 'lookup.dataSent' : 'lookup.codeSent')}
        testId="gift-send-outcome"
        errorTestId="gift-send-error"
      />
      {status.isFetching && status.data === undefined && <Loader size="sm" aria-label={t('common:state.loading')} />}
      {status.error !== null && !status.isFetching && <ErrorNotice error={status.error} testId="gift-lookup-error" />}
      {cardId !== undefined && status.data !== undefined && status.error === null && (
        <Stack gap="sm">
          <GiftCardFacts cardId={cardId} state={status.data} testId="gift-lookup-facts" />
          {status.data.card_status !== ISSUED && <GiftSaleReprint cardId={cardId} />}
          {status.data.card_status === ISSUED && (
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  onConfirm({ cardId });
                }}
                data-testid="gift-lookup-confirm"
              >
                {t('lookup.confirm')}
              </Button>
              <Button
                variant="default"
                loading={send.busy && send.args?.action === 'resendCode'}
                disabled={send.busy}
                onClick={() => void send.run({ action: 'resendCode', cardId })}
                data-testid="gift-lookup-resend-code"
              >
                {t('actions.resendCode')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
