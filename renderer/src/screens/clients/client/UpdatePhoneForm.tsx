// Change the client's phone (client.update). The bank records the phone together with a product, so the form
// sends the client's own product: the one this workstation recorded for the client (its creation or last phone
// change, useClientProduct), shown and never editable here. A client this workstation has no record of has no
// known product: the operator chooses it, with no default. A phone change never changes the product
// (docs/operator-ui.md, clients and cards).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, type ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CLIENT_PRODUCTS, contract } from '../../../../../common/contract/index.ts';
import { useClientWrite } from '../../../api/clients.ts';
import { useClientProduct } from '../../../api/client-product.ts';
import { PhoneInput } from '../../../components/PhoneInput.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { PRODUCT_CODES, type ProductCode } from '../client-form/form-values.ts';
import { useFieldError } from '../../../components/field-error.ts';
import { CLIENT_FIELD_WORDS } from '../client-field-words.ts';
import { PRIMARY } from '../../../components/colors.ts';
import { clearDraft, useDraft } from '../../../app/drafts.ts';

const phoneSchema = z
  .object({ productId: z.union([z.enum(PRODUCT_CODES), z.literal('')]), phone: z.number().optional() })
  .refine((v) => v.productId !== '', { path: ['productId'], message: 'required' })
  .transform((v) => ({ productId: Number(v.productId), phone: v.phone }))
  .pipe(contract['clients.updatePhone'].args.omit({ clientId: true }));

type PhoneValues = z.input<typeof phoneSchema>;
type PhoneArgs = z.output<typeof phoneSchema>;

function productCodeOf(productId: number | null | undefined): ProductCode | undefined {
  const code = String(productId);
  return (PRODUCT_CODES as readonly string[]).includes(code) ? (code as ProductCode) : undefined;
}

const productLabel = (code: ProductCode): string =>
  `${code} · ${CLIENT_PRODUCTS[Number(code) as keyof typeof CLIENT_PRODUCTS]}`;

/** `waiting`: its operation is open for this client (live reconciliation); it must not be sent again now. */
export function UpdatePhoneForm({ clientId, waiting = false }: { clientId: string; waiting?: boolean }): ReactElement {
  const { t } = useTranslation('clients');
  const product = useClientProduct(clientId);
  const known = productCodeOf(product.data);
  const form = useForm<PhoneValues, unknown, PhoneArgs>({
    resolver: zodResolver(phoneSchema),
    defaultValues: { productId: '', phone: undefined },
  });
  // Only the typed phone is a draft: the product is the client's recorded one, never one kept from before.
  const draftId = `client.phone:${clientId}`;
  useDraft(draftId, form, ['productId']);
  const errorOf = useFieldError(form.formState.errors, CLIENT_FIELD_WORDS);
  const update = useClientWrite(clientId);
  const products = useMemo(
    () => [
      { value: '', label: t('phone.productChoose'), disabled: true },
      ...PRODUCT_CODES.map((code) => ({ value: code, label: productLabel(code) })),
    ],
    [t],
  );

  // The recorded product is the one sent; the operator cannot change it here.
  useEffect(() => {
    if (known !== undefined) form.setValue('productId', known);
  }, [known, form]);

  return (
    <form
      noValidate
      aria-label={t('phone.title')}
      onSubmit={(event) => {
        void form.handleSubmit(async (args) => {
          const outcome = await update.run({ action: 'updatePhone', args });
          if (outcome?.kind === 'done') clearDraft(draftId);
        })(event);
      }}
    >
      <Stack gap="sm">
        {product.isPending ? (
          <Text size="sm" c="dimmed" data-testid="phone-product-loading">
            {t('phone.productLoading')}
          </Text>
        ) : known !== undefined ? (
          <div>
            <Text size="sm" fw={500}>
              {t('phone.product')}
            </Text>
            <Text fw={600} data-testid="phone-product">
              {productLabel(known)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('phone.productKnown')}
            </Text>
          </div>
        ) : (
          <NativeSelect
            className="client-field-short"
            label={t('phone.product')}
            description={t('phone.productUnknown')}
            data={products}
            required
            error={form.formState.errors.productId ? t('phone.productRequired') : undefined}
            data-testid="phone-product"
            {...form.register('productId')}
          />
        )}
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
          <Button
            type="submit"
            color={PRIMARY}
            loading={update.busy}
            data-testid="phone-submit"
            disabled={waiting || product.isPending}
          >
            {t('phone.submit')}
          </Button>
        </div>
        <WriteOutcome write={update} testId="phone-outcome" followInRequests />
      </Stack>
    </form>
  );
}
