// Block or unblock: a structured reason from the contract's list and a free note, sent as "<reason>: <note>".
import type { ActionFormProps } from './action-form.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BLOCK_REASONS, contract, UNBLOCK_REASONS } from '../../../../../common/contract/index.ts';
import { useCardWrite, type CardCommand } from '../../../api/cards.ts';
import { retryable } from '../../../api/outcome.ts';
import { DANGER, PRIMARY } from '../../../components/colors.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';

type Kind = 'block' | 'unblock';

// The contract's own reason and note schemas, for either action.
const schemas = {
  block: contract['cards.block'].args.pick({ reason: true, note: true }),
  unblock: contract['cards.unblock'].args.pick({ reason: true, note: true }),
};
const REASONS: Record<Kind, readonly string[]> = { block: BLOCK_REASONS, unblock: UNBLOCK_REASONS };
const formSchema = z.strictObject({ reason: z.string(), note: z.string() });
type Values = z.infer<typeof formSchema>;
const WORDS = wordsByField({ reason: 'cards:actions.reasonInvalid', note: 'cards:actions.noteInvalid' });

function command(kind: Kind, values: Values): CardCommand {
  return kind === 'block'
    ? { action: 'block', args: schemas.block.parse(values) }
    : { action: 'unblock', args: schemas.unblock.parse(values) };
}

export function ReasonForm({
  kind,
  cardId,
  onFinished,
  onCancel,
  onBusy,
}: ActionFormProps & { kind: Kind }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const write = useCardWrite(cardId);
  const form = useForm<Values>({
    // Validated by the action's contract schema; the form keeps plain strings.
    resolver: zodResolver(formSchema.pipe(schemas[kind] as z.ZodType<Values, Values>)),
    // No reason is chosen for the operator: a block's reason goes on record (docs/operator-ui.md).
    defaultValues: { reason: '', note: '' },
  });
  const errorOf = useFieldError(form.formState.errors, WORDS);

  const submit = form.handleSubmit(async (values) => {
    onBusy(true);
    const outcome = await write.run(command(kind, values));
    onBusy(false);
    if (outcome !== undefined && !retryable(outcome)) onFinished(outcome);
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid={`${kind}-form`}>
      <Stack>
        <NativeSelect
          label={t('actions.reason')}
          data={[
            { value: '', label: t('actions.reasonChoose'), disabled: true },
            ...REASONS[kind].map((reason) => ({ value: reason, label: t(`actions.${kind}Reasons.${reason}`) })),
          ]}
          required
          {...form.register('reason')}
          error={errorOf('reason')}
          data-autofocus
          data-testid="reason"
        />
        <TextInput
          label={t('actions.note')}
          description={t('actions.noteHint')}
          maxLength={200}
          autoComplete="off"
          {...form.register('note')}
          error={errorOf('note')}
          data-testid="note"
        />
        <WriteOutcome write={write} only="problems" testId="action-problem" errorTestId="action-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={write.busy}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={write.busy} color={kind === 'block' ? DANGER : PRIMARY} data-testid="submit">
            {t(`actions.${kind}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
