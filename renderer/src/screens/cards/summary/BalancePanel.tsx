// The card's accounts: IBAN, currency and the amounts in the operator's locale (₸ for KZT, no fraction for UZS).
import { Loader, Paper, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardBalance } from '../../../api/cards.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { AccountsTable } from './AccountsTable.tsx';

export function BalancePanel({ cardId }: { cardId: string }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const balance = useCardBalance(cardId);
  return (
    <Paper withBorder p="md" className="card-panel" data-testid="card-balance">
      <Title order={2} className="card-panel-title">
        {t('balance.title')}
      </Title>
      {balance.isPending && <Loader size="sm" aria-label={t('common:state.loading')} />}
      {balance.error && <ErrorNotice error={balance.error} testId="balance-error" />}
      {balance.data && <AccountsTable accounts={balance.data} label={t('balance.tableLabel')} />}
    </Paper>
  );
}
