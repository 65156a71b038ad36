// The card's limits: what is set now, and a form to set one.
import { Loader, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLimits } from '../../../api/cards.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { LimitForm } from './LimitForm.tsx';
import { LimitsTable } from './LimitsTable.tsx';

export function LimitsPanel({ cardId, currency }: { cardId: string; currency: string }): ReactElement {
  const { t } = useTranslation('common');
  const limits = useCardLimits(cardId);
  return (
    <Stack gap="md" data-testid="limits">
      {limits.isPending && <Loader size="sm" aria-label={t('state.loading')} />}
      {limits.error && <ErrorNotice error={limits.error} testId="limits-error" />}
      {limits.data && <LimitsTable limits={limits.data} />}
      <LimitForm cardId={cardId} currency={currency} />
    </Stack>
  );
}
