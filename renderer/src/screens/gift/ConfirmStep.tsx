// Step 2: the holder reads out the one-time code from the SMS and the card is activated with it. A wrong code
// keeps the operator in the field (focus and selection) with the sentence saying what to do; "send a new
// code" replaces the old code, which then stops working.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useEffect, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useConfirmGift, useSendGiftAgain } from '../../api/gift.ts';
import { useFieldError, wordsByField } from '../../components/field-error.ts';
import { Notice } from '../../components/Notice.tsx';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { formatPhone } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ConfirmationPrint } from '../../print/ConfirmationPrint.tsx';
import { GiftCardFacts } from './GiftCardFacts.tsx';
import { giftSoldFacts } from './gift-sold.ts';
import { confirmFormSchema, type ConfirmFormInput } from './gift-forms.ts';
import type { GiftCardRef } from './IssueForm.tsx';

/** A code the bank refused is marked by the form as a `server` error: it has its own sentence. */
const WORDS = wordsByField({
  otp: ({ type }) => (type === 'server' ? 'gift:errors.otpRefused' : 'gift:errors.otp'),
});

export function ConfirmStep({
  card,
  issuedNow,
  onNext,
}: {
  card: GiftCardRef;
  issuedNow: boolean;
  onNext: () => void;
}): ReactElement {
  const { t } = useTranslation(['gift', 'common']);
  const language = useLanguage();
  const { cardId, phone } = card;
  const {
    register,
    handleSubmit,
    setFocus,
    setError,
    formState: { errors },
  } = useForm<ConfirmFormInput>({ resolver: zodResolver(confirmFormSchema), defaultValues: { otp: '' } });

  const errorOf = useFieldError(errors, WORDS);
  const confirm = useConfirmGift();
  const resendCode = useSendGiftAgain();
  const activate = async (otp: string): Promise<void> => {
    resendCode.clear();
    const outcome = await confirm.run({ cardId, otp });
    if (outcome?.kind === 'failed') {
      setError('otp', { type: 'server', message: outcome.code });
      // Stay in the field, with the wrong code selected, so the operator types the right one over it.
      requestAnimationFrame(() => {
        setFocus('otp', { shouldSelect: true });
      });
    }
  };
  const sendNewCode = async (): Promise<void> => {
    if ((await resendCode.run({ action: 'resendCode', cardId })) === undefined) return;
    confirm.clear();
    setFocus('otp', { shouldSelect: true });
  };

  useEffect(() => {
    setFocus('otp');
  }, [setFocus]);

  const activated = confirm.result?.kind === 'done' ? confirm.result.result : undefined;
  const sentTo = phone === undefined ? t('confirm.theHolder') : formatPhone(phone);

  return (
    <Stack gap="sm" data-testid="gift-confirm-step">
      {issuedNow && (
        <Notice
          described={{ tone: 'success', message: t('confirm.issued', { cardId, phone: sentTo }) }}
          testId="gift-issued"
        />
      )}
      {activated === undefined ? (
        <form
          noValidate
          aria-labelledby="gift-confirm-title"
          onSubmit={(event) => {
            void handleSubmit((values) => activate(values.otp))(event);
          }}
          data-testid="gift-confirm-form"
        >
          <Stack gap="sm">
            <TextInput
              label={t('confirm.otp', { cardId })}
              description={t('confirm.otpHint')}
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              className="gift-otp"
              error={errorOf('otp')}
              data-testid="gift-otp"
              {...register('otp')}
            />
            <Group>
              <Button type="submit" loading={confirm.busy} data-testid="gift-confirm-submit">
                {t('confirm.submit')}
              </Button>
              <Button
                variant="default"
                loading={resendCode.busy}
                onClick={() => void sendNewCode()}
                data-testid="gift-resend-code"
              >
                {t('actions.resendCode')}
              </Button>
              <Button variant="subtle" onClick={onNext} data-testid="gift-issue-another">
                {t('confirm.issueAnother')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          <WriteOutcome write={confirm} done={t('confirm.activated', { cardId })} testId="gift-activated" />
          <GiftCardFacts cardId={cardId} state={activated} testId="gift-confirm-facts" />
          <Group>
            <Button onClick={onNext} data-testid="gift-issue-another">
              {t('confirm.issueAnother')}
            </Button>
            <ConfirmationPrint
              facts={giftSoldFacts(t, language, {
                mask: activated.card_mask,
                reference: confirm.result?.key ?? '',
                balance: activated.card_balance,
                currency: activated.card_currency,
              })}
              testId="gift-print"
            />
          </Group>
        </Stack>
      )}
      {/* Done shows above, in place of the form. */}
      {activated === undefined && (
        <WriteOutcome write={confirm} testId="gift-confirm-outcome" errorTestId="gift-confirm-error" />
      )}
      <WriteOutcome
        write={resendCode}
        done={t('confirm.codeResent', { phone: sentTo })}
        testId="gift-resend-code-outcome"
        errorTestId="gift-resend-code-error"
      />
    </Stack>
  );
}
