// The new-client form (docs/card-api.md, payment-card catalog), grouped: product, client, identity document, addresses, identification.
// Validated by the contract's own clientDraft schema; nothing is sent while a field is wrong, the first wrong
// field takes focus, and the input stays as typed.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { clientDraft } from '../../../../../common/contract/index.ts';
import { AddressFields } from './AddressFields.tsx';
import { CodeLists } from './CodeLists.tsx';
import { DocumentField } from './DocumentField.tsx';
import { clientFormSchema, emptyClientForm, type ClientFormValues } from './form-values.ts';
import { IdentificationFields } from './IdentificationFields.tsx';
import { PersonFields } from './PersonFields.tsx';
import { ProductFields } from './ProductFields.tsx';
import { ERROR_TEXT, PRIMARY } from '../../../components/colors.ts';
import { useDraft } from '../../../app/drafts.ts';

/** The draft of the new-client form (docs/operator-ui.md, forms and drafts). */
export const NEW_CLIENT_DRAFT = 'client.create';

export type ValidDraft = z.output<typeof clientDraft>;

export function ClientForm({ busy, onSubmit }: { busy: boolean; onSubmit: (draft: ValidDraft) => void }): ReactElement {
  const { t } = useTranslation('clients');
  const form = useForm<ClientFormValues, unknown, ValidDraft>({
    resolver: zodResolver(clientFormSchema),
    defaultValues: emptyClientForm(),
    shouldFocusError: true,
  });
  useDraft(NEW_CLIENT_DRAFT, form);
  const invalid = form.formState.isSubmitted && Object.keys(form.formState.errors).length > 0;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label={t('form.label')}
        data-testid="client-form"
        onSubmit={(event) => {
          void form.handleSubmit((draft) => {
            if (!busy) onSubmit(draft);
          })(event);
        }}
      >
        <CodeLists />
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('form.requiredNote')}
          </Text>
          <ProductFields />
          <PersonFields />
          <DocumentField />
          <AddressFields />
          <IdentificationFields />
          {invalid && (
            <Text c={ERROR_TEXT} size="sm" role="alert" data-testid="client-form-invalid">
              {t('form.invalid')}
            </Text>
          )}
          <Group>
            <Button type="submit" color={PRIMARY} loading={busy} data-testid="client-submit">
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
