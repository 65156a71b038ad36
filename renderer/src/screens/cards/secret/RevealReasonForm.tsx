// Why the operator reveals the card's data, asked before the reveal (docs/operator-ui.md, dialogs and long
// requests): a reason from the contract's list, and a note, required for "other". Main records both in the
// audit trail before the bank is asked; the form checks them with the contract's own schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, REVEAL_REASONS, type ArgsOf } from '../../../../../common/contract/index.ts';
import type { RevealReason } from '../../../api/cards.ts';
import { PRIMARY } from '../../../components/colors.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';

const formSchema = z.strictObject({ reason: z.string(), note: z.string() });
type Values = z.infer<typeof formSchema>;
type Args = ArgsOf<'cards.revealSecret'>;
// The form's strings satisfy the call's input (an empty note is allowed where a note is optional).
const callSchema = contract['cards.revealSecret'].args as unknown as z.ZodType<Args, Values & { cardId: string }>;
const WORDS = wordsByField({
  reason: 'cards:secret.reasonInvalid',
  note: ({ message }) => (message.startsWith('at most') ? 'cards:secret.noteTooLong' : 'cards:secret.noteRequired'),
});

export function RevealReasonForm({
  cardId,
  busy,
  onReveal,
  onCancel,
}: {
  cardId: string;
  busy: boolean;
  onReveal: (why: RevealReason) => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  // The contract's schema of the call, on what the form holds (plain strings) plus the card.
  const resolver = useMemo(
    () => zodResolver(formSchema.transform((values) => ({ cardId, ...values })).pipe(callSchema)),
    [cardId],
  );
  const form = useForm<Values, unknown, Args>({
    resolver,
    defaultValues: { reason: '', note: '' },
  });
  const errorOf = useFieldError(form.formState.errors, WORDS);
  const submit = form.handleSubmit(({ reason, note }) => {
    onReveal({ reason, ...(note === undefined || note === '' ? {} : { note }) });
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="reveal-form">
      <Stack gap="sm">
        <NativeSelect
          label={t('secret.reason')}
          required
          data={[
            { value: '', label: t('secret.chooseReason'), disabled: true },
            ...REVEAL_REASONS.map((reason) => ({ value: reason, label: t(`secret.reasons.${reason}`) })),
          ]}
          {...form.register('reason')}
          error={errorOf('reason')}
          data-autofocus
          data-testid="reveal-reason"
        />
        <TextInput
          label={t('secret.note')}
          description={t('secret.noteHint')}
          maxLength={200}
          autoComplete="off"
          {...form.register('note')}
          error={errorOf('note')}
          data-testid="reveal-note"
        />
        <Group gap="xs">
          <Button type="submit" color={PRIMARY} loading={busy} data-testid="reveal-submit">
            {t('secret.reveal')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy} data-testid="reveal-cancel">
            {t('common:action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
