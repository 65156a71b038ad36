// A country field of the new-client form: a searchable list of the ISO 3166 countries by name in the operator's
// language and by code, so only a real code can be chosen (docs/operator-ui.md, Clients and cards).
import { Select } from '@mantine/core';
import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import { useLanguage } from '../../../i18n/use-language.ts';
import { useCountryOptions } from './country-names.ts';
import type { ClientFormValues } from './form-values.ts';
import { useClientForm } from './use-client-form.ts';

type CountryField = 'client.country' | `client.${'address1' | 'address2'}.country`;

export function CountrySelect({
  name,
  label,
  required,
  testId,
}: {
  name: CountryField;
  label: string;
  required: boolean;
  testId: string;
}): ReactElement {
  const { t, form, errorOf } = useClientForm();
  const options = useCountryOptions(useLanguage());
  return (
    <Controller<ClientFormValues, CountryField>
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          description={t('person.countryHint')}
          required={required}
          searchable
          clearable
          // Typing a name and pressing Enter takes the first match.
          selectFirstOptionOnChange
          data={options}
          value={field.value === '' ? null : field.value}
          onChange={(value) => {
            field.onChange(value ?? '');
          }}
          onBlur={field.onBlur}
          ref={field.ref}
          nothingFoundMessage={t('person.countryNone')}
          limit={50}
          autoComplete="off"
          error={errorOf(name)}
          data-testid={testId}
        />
      )}
    />
  );
}
