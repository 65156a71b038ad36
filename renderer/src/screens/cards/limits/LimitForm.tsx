// Sets one limit of the card: transaction type, period, maximum (a decimal string) and currency.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, LIMIT_TRANSACTION_TYPES } from '../../../../../common/contract/index.ts';
import { useSetCardLimit } from '../../../api/cards.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';
import { limitPeriodLabel, limitTypeLabel } from './limit-labels.ts';
import { PRIMARY } from '../../../components/colors.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { clearDraft, useDraft } from '../../../app/drafts.ts';

// One element of the contract's `limits` array, with the type and period the form offers made required.
const limitSpec = contract['limits.set'].args.shape.limits.element;
const schema = limitSpec.extend({
  transactionType: z.enum(LIMIT_TRANSACTION_TYPES),
  period: z.enum(['day', 'month']),
});
type Values = z.infer<typeof schema>;
const WORDS = wordsByField({ max: 'cards:limits.maxInvalid', currency: 'cards:limits.currencyInvalid' });

export function LimitForm({ cardId, currency }: { cardId: string; currency: string }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const write = useSetCardLimit(cardId);
  const approval = useApproval('limits.set', write.error);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { transactionType: 'pay', period: 'day', max: '', currency },
  });
  const draftId = `limits:${cardId}`;
  useDraft(draftId, form);
  const errorOf = useFieldError(form.formState.errors, WORDS);

  const submit = form.handleSubmit(async (values) => {
    // A second operator's approval where dual control asks for one (docs/operator-ui.md, approvals).
    const second = await approval.take();
    if (second === null) return;
    const outcome = await write.run({ limit: values, ...second });
    if (outcome?.kind === 'done') {
      clearDraft(draftId);
      approval.reset();
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="limit-form">
      <Stack gap="sm">
        <Title order={3} className="card-section-title">
          {t('limits.setTitle')}
        </Title>
        <Group align="flex-start" gap="sm">
          <NativeSelect
            label={t('limits.type')}
            data={LIMIT_TRANSACTION_TYPES.map((value) => ({ value, label: limitTypeLabel(t, value) }))}
            {...form.register('transactionType')}
            data-testid="limit-type"
          />
          <NativeSelect
            label={t('limits.period')}
            data={(['day', 'month'] as const).map((value) => ({ value, label: limitPeriodLabel(t, value) }))}
            {...form.register('period')}
            data-testid="limit-period"
          />
          <TextInput
            label={t('limits.max')}
            inputMode="decimal"
            autoComplete="off"
            placeholder="1500.00"
            {...form.register('max')}
            error={errorOf('max')}
            className="limit-max"
            data-testid="limit-max"
          />
          <TextInput
            label={t('limits.currency')}
            maxLength={3}
            autoComplete="off"
            {...form.register('currency', { setValueAs: (value: string) => value.trim().toUpperCase() })}
            error={errorOf('currency')}
            className="limit-currency"
            data-testid="limit-currency"
          />
        </Group>
        <ApprovalSection control={approval} />
        <Group>
          <Button type="submit" color={PRIMARY} loading={write.busy} data-testid="limit-submit">
            {t('limits.submit')}
          </Button>
        </Group>
        <WriteOutcome write={withoutApprovalError(write)} testId="limit-outcome" />
      </Stack>
    </form>
  );
}
