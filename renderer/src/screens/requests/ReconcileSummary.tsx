// The answer of "Reconcile all": how many open requests were checked, which settled (and how), which are open.
import { Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileView } from '../../../../common/contract/index.ts';
import { Notice } from '../../components/Notice.tsx';
import { opLabel } from '../../i18n/op-names.ts';
import { shortId } from './entry-view.ts';

type Item = ReconcileView['settled'][number];

function ItemList({ title, items, testId }: { title: string; items: Item[]; testId: string }): ReactElement | null {
  const { t } = useTranslation(['requests', 'common']);
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600} mt="xs">
        {title}
      </Text>
      <ul className="reconcile-list">
        {items.map((item) => (
          <li key={item.requestId}>
            {opLabel(t, item.op)} <span className="mono">{shortId(item.requestId)}</span>:{' '}
            {t(`common:entryState.${item.state}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ReconcileSummary({ report }: { report: ReconcileView }): ReactElement {
  const { t } = useTranslation('requests');
  return (
    <Notice
      testId="reconcile-summary"
      described={{
        tone: report.stillOpen.length === 0 ? 'success' : 'info',
        message: t('reconcile.checked', { count: report.checked }),
      }}
    >
      <ItemList
        title={t('reconcile.settled', { count: report.settled.length })}
        items={report.settled}
        testId="reconcile-settled"
      />
      <ItemList
        title={t('reconcile.stillOpen', { count: report.stillOpen.length })}
        items={report.stillOpen}
        testId="reconcile-still-open"
      />
    </Notice>
  );
}
