// Creating a client: the form, the outcome, and on done the new client id with a way to open it. The form is
// replaced by a fresh one only after a done outcome; on anything else the operator's input stays.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateClient } from '../../api/clients.ts';
import { resultString } from '../../api/outcome.ts';
import { useNavigation } from '../../app/router.tsx';
import { clearDraft } from '../../app/drafts.ts';
import { ClientForm, NEW_CLIENT_DRAFT, type ValidDraft } from './client-form/ClientForm.tsx';
import { PRIMARY } from '../../components/colors.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';

export function NewClientPanel(): ReactElement {
  const { t } = useTranslation('clients');
  const { navigate } = useNavigation();
  const [generation, setGeneration] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const create = useCreateClient();
  const submit = async (draft: ValidDraft): Promise<void> => {
    const outcome = await create.run(draft);
    if (outcome?.kind === 'done') {
      clearDraft(NEW_CLIENT_DRAFT);
      setGeneration((g) => g + 1);
    }
    // The outcome is above the form: bring it into view, the live region announces it.
    requestAnimationFrame(() => {
      resultRef.current?.scrollIntoView({ block: 'nearest' });
    });
  };

  return (
    <Stack gap="md">
      <div ref={resultRef}>
        <WriteOutcome
          write={create}
          testId="client-create-outcome"
          followInRequests
          renderDone={(result) => {
            const clientId = resultString(result, 'client_id');
            if (clientId === undefined) return null;
            return (
              <Group mt="xs" gap="sm">
                <Text size="sm" data-testid="created-client-id">
                  {t('result.clientId', { clientId })}
                </Text>
                <Button
                  size="xs"
                  color={PRIMARY}
                  onClick={() => {
                    navigate({ screen: 'client', clientId });
                  }}
                  data-testid="open-created-client"
                >
                  {t('result.openClient')}
                </Button>
              </Group>
            );
          }}
        />
      </div>
      <ClientForm
        key={generation}
        busy={create.busy}
        onSubmit={(draft) => {
          void submit(draft);
        }}
      />
    </Stack>
  );
}
