// Link a card issued in bulk (it has no client yet) to this client.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../../common/contract/index.ts';
import { useClientWrite } from '../../../api/clients.ts';
import { useFieldError } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { CLIENT_FIELD_WORDS } from '../client-field-words.ts';
import { PRIMARY } from '../../../components/colors.ts';

const linkSchema = contract['cards.link'].args.omit({ clientId: true });

/** `waiting`: its operation is open for this client (live reconciliation); it must not be sent again now. */
export function LinkCardForm({ clientId, waiting = false }: { clientId: string; waiting?: boolean }): ReactElement {
  const { t } = useTranslation('clients');
  const form = useForm({ resolver: zodResolver(linkSchema), defaultValues: { cardId: '' } });
  const errorOf = useFieldError(form.formState.errors, CLIENT_FIELD_WORDS);
  const link = useClientWrite(clientId);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('link.hint')}</Text>
      <form
        noValidate
        aria-label={t('link.title')}
        onSubmit={(event) => {
          void form.handleSubmit(async (args) => {
            const outcome = await link.run({ action: 'link', args });
            if (outcome?.kind === 'done') form.reset();
          })(event);
        }}
      >
        <Group align="flex-start" gap="sm">
          <TextInput
            className="client-field-short"
            label={t('link.cardId')}
            required
            autoComplete="off"
            error={errorOf('cardId')}
            data-testid="link-card-id"
            {...form.register('cardId')}
          />
          <Button
            type="submit"
            color={PRIMARY}
            className="client-inline-button"
            loading={link.busy}
            data-testid="link-submit"
            disabled={waiting}
          >
            {t('link.submit')}
          </Button>
        </Group>
      </form>
      <WriteOutcome write={link} testId="link-outcome" followInRequests />
    </Stack>
  );
}
