// Opens a card by its id (the bank's card_id, as a client's card list or the journal shows it).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, TextInput, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../common/contract/index.ts';
import { useNavigation } from '../../app/router.tsx';
import { PRIMARY } from '../../components/colors.ts';
import { useFieldError, wordsByField } from '../../components/field-error.ts';

const schema = contract['cards.info'].args;
const WORDS = wordsByField({ cardId: 'cards:list.cardIdInvalid' });

export function OpenCardForm(): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { navigate } = useNavigation();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { cardId: '' } });
  const errorOf = useFieldError(form.formState.errors, WORDS);
  const submit = form.handleSubmit(({ cardId }) => {
    navigate({ screen: 'card', cardId });
  });
  return (
    <Paper withBorder p="md" className="card-panel">
      <Title order={2} className="card-panel-title">
        {t('list.openTitle')}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="open-card-form">
        <TextInput
          label={t('list.cardId')}
          description={t('list.cardIdHint')}
          autoComplete="off"
          {...form.register('cardId')}
          error={errorOf('cardId')}
          // The button sits beside the input itself, below the label and description whatever their length.
          inputContainer={(input) => (
            <Group gap="sm" wrap="nowrap">
              <div className="open-card-id">{input}</div>
              <Button type="submit" color={PRIMARY} data-testid="open-card-submit">
                {t('common:action.open')}
              </Button>
            </Group>
          )}
          data-testid="open-card-id"
        />
      </form>
    </Paper>
  );
}
