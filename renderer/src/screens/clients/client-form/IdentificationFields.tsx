// Optional identification info: when (date and time, sent as RFC 3339 with this computer's offset) and by whom.
import { Fieldset, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { DateField } from '../../../components/DateField.tsx';
import { useClientForm } from './use-client-form.ts';

export function IdentificationFields(): ReactElement {
  const { t, form, errorOf } = useClientForm();
  const { register } = form;
  return (
    <Fieldset legend={`${t('identification.legend')} (${t('common:field.optional')})`}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('identification.hint')}
      </Text>
      <div className="client-form-grid">
        <DateField
          control={form.control}
          name="client.identification_info.idn_date"
          label={t('identification.date')}
          error={errorOf('client.identification_info.idn_date')}
        />
        <TextInput
          type="time"
          label={t('identification.time')}
          description={t('identification.timeHint')}
          {...register('client.identification_info.idn_time')}
        />
        <TextInput
          label={t('identification.by')}
          autoComplete="off"
          error={errorOf('client.identification_info.identified_by')}
          {...register('client.identification_info.identified_by')}
        />
      </div>
    </Fieldset>
  );
}
