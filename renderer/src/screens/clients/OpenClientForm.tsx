// Opening a client by id: the id is checked by the contract's own schema for clients.cards.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../common/contract/index.ts';
import { useNavigation } from '../../app/router.tsx';
import { useFieldError } from '../../components/field-error.ts';
import { CLIENT_FIELD_WORDS } from './client-field-words.ts';
import { PRIMARY } from '../../components/colors.ts';

const openSchema = contract['clients.cards'].args;

export function OpenClientForm(): ReactElement {
  const { t } = useTranslation('clients');
  const { navigate } = useNavigation();
  const form = useForm({ resolver: zodResolver(openSchema), defaultValues: { clientId: '' } });
  const errorOf = useFieldError(form.formState.errors, CLIENT_FIELD_WORDS);
  return (
    <form
      noValidate
      aria-label={t('open.title')}
      onSubmit={(event) => {
        void form.handleSubmit(({ clientId }) => {
          navigate({ screen: 'client', clientId });
        })(event);
      }}
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          className="client-field-short"
          label={t('open.label')}
          required
          autoComplete="off"
          error={errorOf('clientId')}
          data-testid="open-client-id"
          {...form.register('clientId')}
        />
        <Button type="submit" color={PRIMARY} className="client-inline-button" data-testid="open-client-submit">
          {t('open.submit')}
        </Button>
      </Group>
    </form>
  );
}
