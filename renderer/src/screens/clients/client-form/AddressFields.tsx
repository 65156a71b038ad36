// Registration (address1) and residence (address2) addresses; residence is usually the same.
import { Checkbox, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useWatch } from 'react-hook-form';
import { CountrySelect } from './CountrySelect.tsx';
import { useClientForm } from './use-client-form.ts';

const PARTS = [
  { key: 'country', label: 'address.country' },
  { key: 'postal_code', label: 'address.postalCode' },
  { key: 'address_line1', label: 'address.city' },
  { key: 'address_line2', label: 'address.street' },
  { key: 'address_line3', label: 'address.building' },
] as const;

function AddressGroup({
  which,
  title,
  required,
}: {
  which: 'address1' | 'address2';
  title: string;
  required: boolean;
}): ReactElement {
  const { t, form, errorOf } = useClientForm();
  const headingId = `client-${which}-title`;
  return (
    <section aria-labelledby={headingId}>
      <Text fw={600} size="sm" id={headingId} mb={4}>
        {title}
      </Text>
      <div className="client-form-grid">
        {PARTS.map(({ key, label }) => {
          const name = `client.${which}.${key}` as const;
          if (key === 'country') {
            return (
              <CountrySelect
                key={key}
                name={`client.${which}.country`}
                label={t(label)}
                required={required}
                testId={`client-${which}-country`}
              />
            );
          }
          return (
            <TextInput
              key={key}
              label={t(label)}
              required={required}
              autoComplete="off"
              error={errorOf(name)}
              data-testid={`client-${which}-${key}`}
              {...form.register(name)}
            />
          );
        })}
      </div>
    </section>
  );
}

export function AddressFields(): ReactElement {
  const { t, form, wallet } = useClientForm();
  const same = useWatch({ control: form.control, name: 'sameAddress' });
  const optional = ` (${t('common:field.optional')})`;
  return (
    <Fieldset legend={t('address.legend')}>
      <Stack gap="md">
        <AddressGroup
          which="address1"
          title={wallet ? t('address.registration') : t('address.registration') + optional}
          required={wallet}
        />
        <Checkbox
          label={t('address.same')}
          data-testid="client-same-address"
          {...form.register('sameAddress', {
            onChange: () => {
              if (form.formState.isSubmitted) void form.trigger();
            },
          })}
        />
        {!same && <AddressGroup which="address2" title={t('address.residence') + optional} required={false} />}
      </Stack>
    </Fieldset>
  );
}
