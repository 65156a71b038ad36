// Step 1: issue a gift card for a holder (name, phone, product, optionally the merchant's own card id). On done
// the parent moves on to the confirm step; any other outcome is shown here and the input stays as typed. A sale
// costs the merchant the product's value, so it is confirmed first, with the product and the amount (like a card
// issue; docs/operator-ui.md, dialogs and long requests).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useGiftProducts, useIssueGift } from '../../api/gift.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFieldError, wordsByField } from '../../components/field-error.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { PhoneInput } from '../../components/PhoneInput.tsx';
import { formatMoney, formatPhone } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { issueFormSchema, type IssueFormInput, type IssueFormValues } from './gift-forms.ts';
import { productName } from './gift-words.ts';
import { clearDraft, useDraft } from '../../app/drafts.ts';

const DRAFT = 'gift.issue';

const FIELD_ORDER = ['cardholderName', 'phone', 'productCode', 'cardId'] as const;
const WORDS = wordsByField({
  cardholderName: 'gift:errors.cardholderName',
  phone: 'gift:errors.phone',
  productCode: 'gift:errors.product',
  cardId: 'gift:errors.cardId',
});

export interface GiftCardRef {
  cardId: number;
  /** The holder's phone, when this desk issued the card just now (for "the code was sent to …"). */
  phone?: number;
}

export function IssueForm({ onIssued }: { onIssued: (card: GiftCardRef) => void }): ReactElement {
  const { t } = useTranslation(['gift', 'common']);
  const language = useLanguage();
  const products = useGiftProducts();
  const form = useForm<IssueFormInput, unknown, IssueFormValues>({
    resolver: zodResolver(issueFormSchema),
    defaultValues: { cardholderName: '', phone: undefined, productCode: '', cardId: '' },
    // The phone registers after the fields around it (it is a Controller): focus in screen order instead.
    shouldFocusError: false,
  });
  useDraft(DRAFT, form);
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = form;
  const errorOf = useFieldError(errors, WORDS);
  const issue = useIssueGift();
  const send = async (values: IssueFormValues): Promise<void> => {
    const outcome = await issue.run(values);
    if (outcome?.kind === 'done') clearDraft(DRAFT);
    if (outcome?.kind === 'done') onIssued({ cardId: outcome.result.card_id, phone: values.phone });
  };

  // The checked sale waiting for the operator's confirmation.
  const [asked, setAsked] = useState<IssueFormValues | undefined>();
  const askedProduct = products.data?.find((p) => p.code === asked?.productCode);

  const productOptions = [
    { value: '', label: t('issue.chooseProduct'), disabled: true },
    ...(products.data ?? []).map((p) => ({
      value: String(p.code),
      label: `${productName(p, language)} · ${formatMoney(p.balance, p.currency, language)}`,
    })),
  ];

  return (
    <>
      <form
        noValidate
        aria-labelledby="gift-issue-title"
        onSubmit={(event) => {
          void handleSubmit(
            (values) => {
              issue.clear();
              setAsked(values);
            },
            (invalid) => {
              const first = FIELD_ORDER.find((field) => invalid[field] !== undefined);
              if (first !== undefined) setFocus(first);
            },
          )(event);
        }}
        data-testid="gift-issue-form"
      >
        <Stack gap="sm">
          <TextInput
            label={t('issue.cardholderName')}
            required
            autoComplete="off"
            maxLength={64}
            error={errorOf('cardholderName')}
            data-testid="gift-cardholder"
            {...register('cardholderName')}
          />
          <Controller
            control={control}
            name="phone"
            render={({ field }) => (
              <div
                ref={(element) => {
                  // Lets the form focus the number field when it is the first invalid one.
                  field.ref(
                    element
                      ? { focus: () => element.querySelector<HTMLInputElement>('input[type=tel]')?.focus() }
                      : null,
                  );
                }}
              >
                <PhoneInput
                  label={t('issue.phone')}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errorOf('phone')}
                  testId="gift-phone"
                />
              </div>
            )}
          />
          <NativeSelect
            label={t('issue.product')}
            required
            data={productOptions}
            error={errorOf('productCode')}
            data-testid="gift-product-select"
            {...register('productCode')}
          />
          <TextInput
            label={`${t('issue.cardId')} (${t('common:field.optional')})`}
            description={t('issue.cardIdHint')}
            inputMode="numeric"
            autoComplete="off"
            error={errorOf('cardId')}
            data-testid="gift-issue-card-id"
            {...register('cardId')}
          />
          <Group>
            <Button type="submit" loading={issue.busy} data-testid="gift-issue-submit">
              {t('issue.submit')}
            </Button>
          </Group>
          {/* Done moves on to the confirm step. */}
          {issue.result?.kind !== 'done' && (
            <WriteOutcome write={issue} testId="gift-issue-outcome" errorTestId="gift-issue-error" />
          )}
        </Stack>
      </form>
      <ConfirmDialog
        opened={asked !== undefined}
        title={t('issue.confirmTitle')}
        confirmLabel={t('issue.confirmSubmit')}
        onConfirm={() => {
          if (asked !== undefined) void send(asked);
          setAsked(undefined);
        }}
        onCancel={() => {
          setAsked(undefined);
        }}
      >
        {asked !== undefined && (
          <p className="notice-message" data-testid="gift-sale-summary">
            {t('issue.confirmBody', {
              product: askedProduct === undefined ? String(asked.productCode) : productName(askedProduct, language),
              amount:
                askedProduct === undefined ? '' : formatMoney(askedProduct.balance, askedProduct.currency, language),
              name: asked.cardholderName,
              phone: formatPhone(asked.phone),
            })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
