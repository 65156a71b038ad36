// Identification: when (local date and time, sent as RFC 3339 with the workstation's offset) and by whom.
import type { ActionFormProps } from './action-form.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../../common/contract/index.ts';
import { useCardWrite } from '../../../api/cards.ts';
import { retryable } from '../../../api/outcome.ts';
import { localDateInput, localRfc3339, localTimeInput, parseLocal } from '../time.ts';
import { PRIMARY } from '../../../components/colors.ts';
import { DateField } from '../../../components/DateField.tsx';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';

const args = contract['cards.identify'].args.shape;

const schema = z
  .strictObject({ date: z.string(), time: z.string(), identifiedBy: args.identifiedBy })
  .transform((values, ctx) => {
    const at = parseLocal(values.date, values.time);
    const idnDate = at && localRfc3339(at);
    if (idnDate === undefined || !args.idnDate.safeParse(idnDate).success) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'date' });
      return z.NEVER;
    }
    if (at !== undefined && at.getTime() > Date.now() + 60_000) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'future' });
      return z.NEVER;
    }
    return { idnDate, identifiedBy: values.identifiedBy };
  });

const WORDS = wordsByField({
  date: ({ message }) =>
    message === 'future' ? 'cards:actions.identify.future' : 'cards:actions.identify.dateInvalid',
  identifiedBy: 'cards:actions.identify.byInvalid',
});

export function IdentifyForm({ cardId, onFinished, onCancel, onBusy }: ActionFormProps): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const write = useCardWrite(cardId);
  const now = new Date();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { date: localDateInput(now), time: localTimeInput(now), identifiedBy: '' },
  });
  const errorOf = useFieldError(form.formState.errors, WORDS);

  const submit = form.handleSubmit(async (values) => {
    onBusy(true);
    const outcome = await write.run({ action: 'identify', args: values });
    onBusy(false);
    if (outcome !== undefined && !retryable(outcome)) onFinished(outcome);
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="identify-form">
      <Stack>
        <Group grow align="flex-start">
          <DateField
            control={form.control}
            name="date"
            label={t('actions.identify.date')}
            error={errorOf('date')}
            testId="idn-date"
          />
          <TextInput type="time" label={t('actions.identify.time')} {...form.register('time')} data-testid="idn-time" />
        </Group>
        <TextInput
          label={t('actions.identify.by')}
          description={t('actions.identify.byHint')}
          maxLength={128}
          autoComplete="off"
          {...form.register('identifiedBy')}
          error={errorOf('identifiedBy')}
          data-autofocus
          data-testid="idn-by"
        />
        <WriteOutcome write={write} only="problems" testId="action-problem" errorTestId="action-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={write.busy}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" color={PRIMARY} loading={write.busy} data-testid="submit">
            {t('actions.identify.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
