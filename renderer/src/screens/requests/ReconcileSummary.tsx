// The answer of "Reconcile all": how many open requests were checked, which settled (and how), which are open.
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileView } from '../../../../common/contract/index.ts';
import type { Described } from '../../i18n/describe-error.ts';
import { opLabel } from '../../i18n/op-names.ts';
import { shortId } from './entry-view.ts';

type Item = ReconcileView['settled'][number];

export function describeReconcile(t: TFunction, report: ReconcileView): Described {
  return {
    tone: report.stillOpen.length === 0 ? 'success' : 'info',
    message: t('requests:reconcile.checked', { count: report.checked }),
  };
}

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

/** Which requests settled and which are still open, under the summary sentence. */
export function ReconcileLists({ report }: { report: ReconcileView }): ReactElement {
  const { t } = useTranslation('requests');
  return (
    <>
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
    </>
  );
}
