// Change the client's phone for a product (client.update). The product defaults to that of the client's first
// card, as long as the operator has not chosen one.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, Stack } from '@mantine/core';
import { useEffect, useMemo, type ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CLIENT_PRODUCTS, contract } from '../../../../../common/contract/index.ts';
import { useClientCards, useClientWrite } from '../../../api/clients.ts';
import { PhoneInput } from '../../../components/PhoneInput.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { PRODUCT_CODES, type ProductCode } from '../client-form/form-values.ts';
import { useFieldError } from '../../../components/field-error.ts';
import { CLIENT_FIELD_WORDS } from '../client-field-words.ts';
import { PRIMARY } from '../../../components/colors.ts';

const phoneSchema = z
  .object({ productId: z.enum(PRODUCT_CODES), phone: z.number().optional() })
  .transform((v) => ({ productId: Number(v.productId), phone: v.phone }))
  .pipe(contract['clients.updatePhone'].args.omit({ clientId: true }));

type PhoneValues = z.input<typeof phoneSchema>;
type PhoneArgs = z.output<typeof phoneSchema>;

function productCodeOf(productId: number | undefined): ProductCode | undefined {
  const code = String(productId);
  return (PRODUCT_CODES as readonly string[]).includes(code) ? (code as ProductCode) : undefined;
}

/** `waiting`: its operation is open for this client (live reconciliation); it must not be sent again now. */
export function UpdatePhoneForm({ clientId, waiting = false }: { clientId: string; waiting?: boolean }): ReactElement {
  const { t } = useTranslation('clients');
  const cards = useClientCards(clientId);
  const cardProduct = productCodeOf(cards.data?.[0]?.product_id);
  const form = useForm<PhoneValues, unknown, PhoneArgs>({
    resolver: zodResolver(phoneSchema),
    defaultValues: { productId: cardProduct ?? '1000', phone: undefined },
  });
  const errorOf = useFieldError(form.formState.errors, CLIENT_FIELD_WORDS);
  const update = useClientWrite(clientId);
  const products = useMemo(
    () =>
      PRODUCT_CODES.map((code) => ({
        value: code,
        label: `${code} · ${CLIENT_PRODUCTS[Number(code) as keyof typeof CLIENT_PRODUCTS]}`,
      })),
    [],
  );

  useEffect(() => {
    if (cardProduct !== undefined && !form.getFieldState('productId').isDirty) {
      form.setValue('productId', cardProduct);
    }
  }, [cardProduct, form]);

  return (
    <form
      noValidate
      aria-label={t('phone.title')}
      onSubmit={(event) => {
        void form.handleSubmit((args) => update.run({ action: 'updatePhone', args }))(event);
      }}
    >
      <Stack gap="sm">
        <NativeSelect
          className="client-field-short"
          label={t('phone.product')}
          description={t('phone.productHint')}
          data={products}
          data-testid="phone-product"
          {...form.register('productId')}
        />
        <Controller
          control={form.control}
          name="phone"
          render={({ field }) => (
            <div
              ref={(el) => {
                field.ref(
                  el ? { focus: () => el.querySelector<HTMLInputElement>('input[type="tel"]')?.focus() } : null,
                );
              }}
            >
              <PhoneInput
                label={t('phone.phone')}
                required
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errorOf('phone')}
                testId="phone-new"
              />
            </div>
          )}
        />
        <div>
          <Button type="submit" color={PRIMARY} loading={update.busy} data-testid="phone-submit" disabled={waiting}>
            {t('phone.submit')}
          </Button>
        </div>
        <WriteOutcome write={update} testId="phone-outcome" followInRequests />
      </Stack>
    </form>
  );
}
