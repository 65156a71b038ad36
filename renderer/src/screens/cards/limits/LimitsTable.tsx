// The card's limits as the bank reports them: type, period, maximum, used and available.
import { Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LimitView } from '../../../../../common/contract/index.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { limitPeriodLabel, limitTypeLabel } from './limit-labels.ts';

export function LimitsTable({ limits }: { limits: readonly LimitView[] }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const language = useLanguage();
  if (limits.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="limits-empty">
        {t('limits.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('limits.tableLabel')} className="card-table" data-testid="limits-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('limits.type')}</Table.Th>
            <Table.Th scope="col">{t('limits.period')}</Table.Th>
            <Table.Th scope="col" className="amount">
              {t('limits.max')}
            </Table.Th>
            <Table.Th scope="col">{t('limits.currency')}</Table.Th>
            <Table.Th scope="col" className="amount">
              {t('limits.used')}
            </Table.Th>
            <Table.Th scope="col" className="amount">
              {t('limits.available')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {limits.map((limit, i) => (
            <Table.Tr key={`${limit.transaction_type}-${limit.period ?? ''}-${limit.currency}-${String(i)}`}>
              <Table.Td>{limitTypeLabel(t, limit.transaction_type)}</Table.Td>
              <Table.Td>{limitPeriodLabel(t, limit.period)}</Table.Td>
              <Table.Td className="amount">{formatMoney(limit.amount, limit.currency, language)}</Table.Td>
              <Table.Td>{limit.currency}</Table.Td>
              <Table.Td className="amount">{formatMoney(limit.used, limit.currency, language)}</Table.Td>
              <Table.Td className="amount">{formatMoney(limit.available, limit.currency, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
