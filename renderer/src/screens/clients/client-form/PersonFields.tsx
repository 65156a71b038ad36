// Who the client is: type, residency, names (Latin letters), contacts and national identifiers.
import { Fieldset, NativeSelect, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import { DateField } from '../../../components/DateField.tsx';
import { PhoneInput } from '../../../components/PhoneInput.tsx';
import { LANGUAGE_LIST_ID } from './CodeLists.tsx';
import { CountrySelect } from './CountrySelect.tsx';
import { CLIENT_TYPES, RESIDENCIES } from './form-values.ts';
import { useClientForm } from './use-client-form.ts';

export function PersonFields(): ReactElement {
  const { t, form, errorOf, wallet } = useClientForm();
  const { register } = form;
  return (
    <Fieldset legend={t('person.legend')}>
      <div className="client-form-grid">
        <NativeSelect
          label={t('person.type')}
          required
          data={CLIENT_TYPES.map((value) => ({ value, label: t(`person.types.${value}`) }))}
          {...register('client.type')}
        />
        <NativeSelect
          label={t('person.resident')}
          required
          data={RESIDENCIES.map((value) => ({ value, label: t(`person.residents.${value}`) }))}
          {...register('client.resident')}
        />
        <TextInput
          label={t('person.lastName')}
          description={t('person.latinHint')}
          required
          autoComplete="off"
          error={errorOf('client.last_name')}
          data-testid="client-last-name"
          {...register('client.last_name')}
        />
        <TextInput
          label={t('person.firstName')}
          description={t('person.latinHint')}
          required
          autoComplete="off"
          error={errorOf('client.first_name')}
          data-testid="client-first-name"
          {...register('client.first_name')}
        />
        <TextInput
          label={t('person.middleName')}
          description={t('person.latinHint')}
          autoComplete="off"
          error={errorOf('client.middle_name')}
          {...register('client.middle_name')}
        />
        <DateField
          control={form.control}
          name="client.birthdate"
          label={t('person.birthdate')}
          error={errorOf('client.birthdate')}
          testId="client-birthdate"
        />
      </div>
      <div className="client-form-grid">
        <Controller
          control={form.control}
          name="client.phone"
          render={({ field }) => (
            // The phone input is two controls; focusing the field (first invalid) means its number box.
            <div
              ref={(el) => {
                field.ref(
                  el ? { focus: () => el.querySelector<HTMLInputElement>('input[type="tel"]')?.focus() } : null,
                );
              }}
              className="client-phone"
            >
              <PhoneInput
                label={t('person.phone')}
                required
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errorOf('client.phone')}
                testId="client-phone"
              />
            </div>
          )}
        />
        <TextInput
          type="email"
          label={t('person.email')}
          autoComplete="off"
          error={errorOf('client.email')}
          {...register('client.email')}
        />
      </div>
      <div className="client-form-grid">
        <CountrySelect name="client.country" label={t('person.country')} required={wallet} testId="client-country" />
        <TextInput
          label={t('person.personId')}
          description={t('person.personIdHint')}
          required={wallet}
          autoComplete="off"
          error={errorOf('client.person_id')}
          data-testid="client-person-id"
          {...register('client.person_id')}
        />
        <TextInput
          label={t('person.language')}
          description={t('person.languageHint')}
          list={LANGUAGE_LIST_ID}
          maxLength={2}
          autoComplete="off"
          error={errorOf('client.language')}
          {...register('client.language')}
        />
        <TextInput
          label={t('person.externalUserId')}
          description={t('person.externalUserIdHint')}
          autoComplete="off"
          error={errorOf('client.external_user_id')}
          {...register('client.external_user_id')}
        />
      </div>
    </Fieldset>
  );
}
