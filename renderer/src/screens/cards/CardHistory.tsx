// Statement, extended statement and limits of the card, one tab each (only the open tab is mounted and loaded);
// the limits only for an operator whose rights include them.
import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardBalance } from '../../api/cards.ts';
import { useCan } from '../../api/rights.ts';
import { LimitsPanel } from './limits/LimitsPanel.tsx';
import { DateRangeInputs, type DateRange } from './statement/DateRangeInputs.tsx';
import { ExtendedStatementPanel } from './statement/ExtendedStatementPanel.tsx';
import { StatementPanel } from './statement/StatementPanel.tsx';
import { lastDays } from './time.ts';

const DEFAULT_DAYS = 30;

export function CardHistory({ cardId, last4 }: { cardId: string; last4: string }): ReactElement {
  const { t } = useTranslation('cards');
  const [tab, setTab] = useState<string | null>('statement');
  const [range, setRange] = useState<DateRange>(() => lastDays(DEFAULT_DAYS));
  const balance = useCardBalance(cardId);
  const currency = balance.data?.[0]?.currency ?? 'KZT';
  const mayLimits = useCan().call('limits.list');
  return (
    <Paper withBorder p="md" className="card-panel" data-testid="card-history">
      <Title order={2} className="card-panel-title">
        {t('history.title')}
      </Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="statement" data-testid="tab-statement">
            {t('statement.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="extended" data-testid="tab-extended">
            {t('extended.tab')}
          </Tabs.Tab>
          {mayLimits && (
            <Tabs.Tab value="limits" data-testid="tab-limits">
              {t('limits.tab')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="statement" pt="md">
          <Stack gap="sm">
            <DateRangeInputs range={range} onChange={setRange} />
            <StatementPanel cardId={cardId} last4={last4} range={range} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="extended" pt="md">
          <Stack gap="sm">
            <DateRangeInputs range={range} onChange={setRange} />
            <ExtendedStatementPanel cardId={cardId} last4={last4} range={range} />
          </Stack>
        </Tabs.Panel>
        {mayLimits && (
          <Tabs.Panel value="limits" pt="md">
            <LimitsPanel cardId={cardId} currency={currency} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
