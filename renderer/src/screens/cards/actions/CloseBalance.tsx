// The card's balance in the close dialog, read afresh when the dialog opens: money (an amount or a hold) left on
// a card is easy to forget at the counter, and closing is final. When there is money, or the balance could not be
// read, the operator must tick that they have seen it; main checks it again (docs/operator-ui.md, clients and cards).
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../../common/contract/index.ts';
import { useCardBalance } from '../../../api/cards.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { useLanguage } from '../../../i18n/use-language.ts';

export type BalanceCheck = 'reading' | 'zero' | 'funded' | 'unknown';

const funded = (a: AccountView): boolean => a.amount !== 0 || a.blocked_amount !== 0;

/** What the operator must know before closing, from the balance read now. */
export function useCloseBalance(cardId: string, opened: boolean) {
  const balance = useCardBalance(cardId);
  const { refetch } = balance;
  useEffect(() => {
    if (opened) void refetch();
  }, [opened, refetch]);
  const accounts = (balance.data ?? []).filter(funded);
  const check: BalanceCheck = balance.isFetching
    ? 'reading'
    : balance.isError
      ? 'unknown'
      : accounts.length > 0
        ? 'funded'
        : 'zero';
  return { check, accounts, reread: refetch };
}

export function CloseBalance({
  check,
  accounts,
  acknowledged,
  onAcknowledge,
}: {
  check: BalanceCheck;
  accounts: readonly AccountView[];
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
}): ReactElement {
  const { t } = useTranslation('cards');
  const language = useLanguage();
  if (check === 'reading')
    return (
      <Text size="sm" aria-busy="true" data-testid="close-balance-reading">
        {t('actions.close.balanceLoading')}
      </Text>
    );
  if (check === 'zero')
    return (
      <Text size="sm" data-testid="close-balance" data-state="zero">
        {t('actions.close.balance')}: {t('actions.close.balanceZero')}
      </Text>
    );
  return (
    <Alert color="yellow" variant="light" role="status" data-testid="close-balance-warning">
      <Stack gap="xs">
        {check === 'funded' ? (
          <div data-testid="close-balance" data-state="funded">
            <Text size="sm" fw={600}>
              {t('actions.close.balance')}
            </Text>
            {accounts.map((a) => (
              <Text size="sm" key={`${a.iban}-${a.currency}`} className="amount">
                {formatMoney(a.amount, a.currency, language)}
                {a.blocked_amount !== 0 &&
                  ` · ${t('actions.close.hold', { amount: formatMoney(a.blocked_amount, a.currency, language) })}`}
              </Text>
            ))}
            <Text size="sm" mt="xs">
              {t('actions.close.balanceWarning')}
            </Text>
          </div>
        ) : (
          <Text size="sm" data-testid="close-balance" data-state="unknown">
            {t('actions.close.balanceUnknown')}
          </Text>
        )}
        <Checkbox
          label={t('actions.close.acknowledge')}
          checked={acknowledged}
          onChange={(event) => {
            onAcknowledge(event.currentTarget.checked);
          }}
          data-testid="close-acknowledge"
        />
      </Stack>
    </Alert>
  );
}
