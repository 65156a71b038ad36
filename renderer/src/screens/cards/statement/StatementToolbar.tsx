// The filters of a statement table (type, text), its row count and the CSV export of the rows shown; one for the
// statement and the extended statement, told apart by the test id prefix.
import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { operationTypeLabel } from '../../../tables/statement-columns.tsx';
import { ALL_TYPES, type StatementView } from './statement-view.ts';

export function StatementToolbar({
  view,
  total,
  onExport,
  testId,
}: {
  view: StatementView;
  total: number;
  onExport: () => void;
  /** `statement` → statement-type, statement-filter, statement-export, statement-count. */
  testId: string;
}): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { t: tc } = useTranslation('common');
  const filtered = view.shown.length !== total;
  return (
    <>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('statement.type')}
          data={[
            { value: ALL_TYPES, label: t('statement.allTypes') },
            ...view.types.map((value) => ({ value, label: operationTypeLabel(tc, value) })),
          ]}
          value={view.type}
          onChange={(event) => {
            view.setType(event.currentTarget.value);
          }}
          data-testid={`${testId}-type`}
        />
        <TextInput
          label={t('common:table.filter')}
          placeholder={t('statement.filterPlaceholder')}
          value={view.text}
          onChange={(event) => {
            view.setText(event.currentTarget.value);
          }}
          className="statement-filter"
          data-testid={`${testId}-filter`}
        />
        <Button
          variant="default"
          onClick={onExport}
          disabled={view.shown.length === 0 || view.stale}
          data-testid={`${testId}-export`}
        >
          {t('common:action.exportCsv')}
        </Button>
      </Group>
      <Text size="sm" role="status" data-testid={`${testId}-count`}>
        {filtered
          ? t('common:table.shown', { shown: view.shown.length, total })
          : t('common:table.rows', { count: total })}
      </Text>
    </>
  );
}
