// The card's limits: what is set now, and a form to set one.
import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { cardDesk } from '../../../api/bridge.ts';
import { expectDone } from '../../../api/outcome.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { cardKeys } from '../use-card-queries.ts';
import { LimitForm } from './LimitForm.tsx';
import { LimitsTable } from './LimitsTable.tsx';

export function LimitsPanel({ cardId, currency }: { cardId: string; currency: string }): ReactElement {
  const { t } = useTranslation('common');
  const limits = useQuery({
    queryKey: cardKeys.limits(cardId),
    queryFn: async () => expectDone(await cardDesk().limits.list({ object: { type: 'card', value: cardId } })).limits,
  });
  return (
    <Stack gap="md" data-testid="limits">
      {limits.isPending && <Loader size="sm" aria-label={t('state.loading')} />}
      {limits.error && <ErrorNotice error={limits.error} testId="limits-error" />}
      {limits.data && <LimitsTable limits={limits.data} />}
      <LimitForm cardId={cardId} currency={currency} />
    </Stack>
  );
}
