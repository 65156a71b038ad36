// Accounts (card balance, extended statement balances) as a small table with money in the operator's locale.
import { Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../../common/contract/index.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { useLanguage } from '../../../i18n/use-language.ts';

export function AccountsTable({ accounts, label }: { accounts: readonly AccountView[]; label: string }): ReactElement {
  const { t } = useTranslation('cards');
  const language = useLanguage();
  if (accounts.length === 0) return <Text c="dimmed">{t('balance.empty')}</Text>;
  const money = (value: number, currency: string): ReactElement => (
    <span className="amount">{formatMoney(value, currency, language)}</span>
  );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} className="card-table" data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('balance.iban')}</Table.Th>
            <Table.Th scope="col">{t('balance.currency')}</Table.Th>
            <Table.Th scope="col" className="amount">
              {t('balance.amount')}
            </Table.Th>
            <Table.Th scope="col" className="amount">
              {t('balance.blocked')}
            </Table.Th>
            <Table.Th scope="col" className="amount">
              {t('balance.debit')}
            </Table.Th>
            <Table.Th scope="col" className="amount">
              {t('balance.credit')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={`${account.iban}-${account.currency}`}>
              <Table.Td className="mono">{account.iban}</Table.Td>
              <Table.Td>{account.currency}</Table.Td>
              <Table.Td className="amount" data-testid="balance-amount">
                {money(account.amount, account.currency)}
              </Table.Td>
              <Table.Td className="amount">{money(account.blocked_amount, account.currency)}</Table.Td>
              <Table.Td className="amount">{money(account.debit, account.currency)}</Table.Td>
              <Table.Td className="amount">{money(account.credit, account.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
