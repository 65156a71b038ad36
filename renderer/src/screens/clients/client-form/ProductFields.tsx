// Product and branch. The product decides which of the other fields are required (docs/card-api.md, payment-card catalog).
import { Fieldset, Group, Radio, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import { CLIENT_PRODUCTS } from '../../../../../common/contract/index.ts';
import { PRODUCT_CODES } from './form-values.ts';
import { useClientForm } from './use-client-form.ts';

export function ProductFields(): ReactElement {
  const { t, form, errorOf, wallet } = useClientForm();
  return (
    <Fieldset legend={t('product.legend')}>
      <Controller
        control={form.control}
        name="product_id"
        render={({ field }) => (
          <Radio.Group
            label={t('product.label')}
            required
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
              // What is required changed: once errors are shown, show the product's own.
              if (form.formState.isSubmitted) void form.trigger();
            }}
            data-testid="client-product"
          >
            <Group gap="lg" mt="xs">
              {PRODUCT_CODES.map((code) => (
                <Radio
                  key={code}
                  value={code}
                  label={`${code} · ${CLIENT_PRODUCTS[Number(code) as keyof typeof CLIENT_PRODUCTS]}`}
                  ref={code === field.value ? field.ref : undefined}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      <Text size="sm" c="dimmed" mt="xs" aria-live="polite" data-testid="product-requirements">
        {wallet ? t('product.walletHint') : t('product.otherHint')}
      </Text>
      <TextInput
        mt="sm"
        className="client-field-short"
        label={t('product.branch')}
        description={t('product.branchHint')}
        autoComplete="off"
        error={errorOf('branch_id')}
        {...form.register('branch_id')}
      />
    </Fieldset>
  );
}
