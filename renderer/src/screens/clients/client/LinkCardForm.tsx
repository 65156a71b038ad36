// Link a card issued in bulk (it has no client yet) to this client. A card already among the client's cards is
// said to be linked already, not sent, and a refusal of a card that turns out to be the client's says the same
// rather than the bank's generic "wrong status" (docs/operator-ui.md, clients and cards).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../../common/contract/index.ts';
import { useClientCards, useClientWrite } from '../../../api/clients.ts';
import { useFieldError } from '../../../components/field-error.ts';
import { Notice } from '../../../components/Notice.tsx';
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
  const cards = useClientCards(clientId);
  const [alreadyLinked, setAlreadyLinked] = useState(false);
  const isTheClients = (cardId: string, list = cards.data): boolean =>
    list?.some((card) => card.card_id === cardId) === true;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('link.hint')}</Text>
      <form
        noValidate
        aria-label={t('link.title')}
        onSubmit={(event) => {
          void form.handleSubmit(async (args) => {
            setAlreadyLinked(false);
            if (isTheClients(args.cardId)) {
              link.clear();
              setAlreadyLinked(true);
              return;
            }
            const outcome = await link.run({ action: 'link', args });
            if (outcome?.kind === 'done') form.reset();
            else if (outcome?.kind === 'failed' && outcome.code === 'invalid_card_state') {
              // Linked meanwhile (another window, a late answer): the client's cards say whether it is this client.
              const fresh = (await cards.refetch()).data;
              if (isTheClients(args.cardId, fresh)) {
                link.clear();
                setAlreadyLinked(true);
              }
            }
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
      {alreadyLinked ? (
        <Notice described={{ tone: 'info', message: t('link.alreadyLinked') }} testId="link-outcome" />
      ) : (
        <WriteOutcome write={link} testId="link-outcome" followInRequests />
      )}
    </Stack>
  );
}
