// Issue a plastic card: the name to emboss (upper-case Latin, ≤ 26 characters, upper-cased as typed) and an
// optional branch. Confirmed first: issuing costs money and a card will be produced.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../../common/contract/index.ts';
import { useClientWrite } from '../../../api/clients.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { useFieldError } from '../../../components/field-error.ts';
import { CLIENT_FIELD_WORDS } from '../client-field-words.ts';
import { NewCard } from './NewCard.tsx';
import { PRIMARY } from '../../../components/colors.ts';
import { useDraft } from '../../../app/drafts.ts';

export const EMBOSSED_MAX = 26;

const plasticSchema = z
  .object({ embossedName: z.string().trim().min(1), branchId: z.string() })
  .transform(({ embossedName, branchId }) =>
    branchId.trim() === '' ? { embossedName } : { embossedName, branchId: branchId.trim() },
  )
  .pipe(contract['cards.issuePlastic'].args.omit({ clientId: true }));

type PlasticValues = z.input<typeof plasticSchema>;
type PlasticArgs = z.output<typeof plasticSchema>;

/** `waiting`: its operation is open for this client (live reconciliation); it must not be sent again now. */
export function IssuePlasticCard({ clientId, waiting = false }: { clientId: string; waiting?: boolean }): ReactElement {
  const { t } = useTranslation('clients');
  const form = useForm<PlasticValues, unknown, PlasticArgs>({
    resolver: zodResolver(plasticSchema),
    defaultValues: { embossedName: '', branchId: '' },
  });
  // Reset to its defaults when the card is issued, which ends the draft too.
  useDraft(`card.issuePlastic:${clientId}`, form);
  const errorOf = useFieldError(form.formState.errors, CLIENT_FIELD_WORDS);
  // Kept after closing, so the dialog's text does not change while it fades out.
  const [toConfirm, setToConfirm] = useState<PlasticArgs | null>(null);
  const [confirming, setConfirming] = useState(false);
  const issue = useClientWrite(clientId);
  const name = form.register('embossedName');
  const typed = useWatch({ control: form.control, name: 'embossedName' });

  return (
    <Stack gap="sm">
      <form
        noValidate
        aria-label={t('issue.plasticTitle')}
        onSubmit={(event) => {
          void form.handleSubmit((args) => {
            setToConfirm(args);
            setConfirming(true);
          })(event);
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('issue.embossedName')}
            description={t('issue.embossedHint', { count: EMBOSSED_MAX - typed.length })}
            required
            maxLength={EMBOSSED_MAX}
            autoComplete="off"
            error={errorOf('embossedName')}
            data-testid="plastic-name"
            {...name}
            onChange={(event) => {
              // Embossing takes upper case: offer it as the operator types.
              event.currentTarget.value = event.currentTarget.value.toUpperCase();
              void name.onChange(event);
            }}
          />
          <TextInput
            className="client-field-short"
            label={t('issue.branch')}
            description={t('issue.branchHint')}
            autoComplete="off"
            error={errorOf('branchId')}
            {...form.register('branchId')}
          />
          <div>
            <Button type="submit" color={PRIMARY} loading={issue.busy} data-testid="issue-plastic" disabled={waiting}>
              {t('issue.plastic')}
            </Button>
          </div>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t('issue.plasticConfirmTitle')}
        confirmLabel={t('issue.plastic')}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          setConfirming(false);
          if (toConfirm === null) return;
          void issue.run({ action: 'issuePlastic', args: toConfirm }).then((outcome) => {
            // A card was issued: the form is ready for the next one.
            if (outcome?.kind === 'done') form.reset();
          });
        }}
      >
        <Text size="sm">{t('issue.plasticConfirmText', { clientId, name: toConfirm?.embossedName ?? '' })}</Text>
        <Text size="sm">{t('issue.costs')}</Text>
      </ConfirmDialog>
      <WriteOutcome
        write={issue}
        testId="issue-plastic-outcome"
        followInRequests
        renderDone={(result) => <NewCard result={result} testId="issue-plastic" reference={issue.result?.key} />}
      />
    </Stack>
  );
}
