// The card statement for a date range: type and text filters, row count, CSV export of what is shown.
import { Button, Group, Loader, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementOperation } from '../../../../../common/contract/index.ts';
import { useCardStatement } from '../../../api/cards.ts';
import { toCsv } from '../../../components/csv.ts';
import { downloadText } from '../../../components/download.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { useFilteredRows, VirtualTable } from '../../../components/VirtualTable.tsx';
import { useLanguage } from '../../../i18n/use-language.ts';
import {
  operationTypeLabel,
  statementColumns,
  statementCsv,
  statementSearchText,
} from '../../../tables/statement-columns.tsx';
import { dayEnd, dayStart } from '../time.ts';
import { rangeProblem, type DateRange } from './DateRangeInputs.tsx';

const ALL = '';
const newestFirst = (a: StatementOperation, b: StatementOperation): number => b.datetime.localeCompare(a.datetime);

function useStatement(cardId: string, range: DateRange) {
  const from = dayStart(range.from) ?? '';
  const to = dayEnd(range.to) ?? '';
  return useCardStatement(cardId, from, to, rangeProblem(range) === null && from !== '' && to !== '');
}

export function StatementPanel({
  cardId,
  last4,
  range,
}: {
  cardId: string;
  last4: string;
  range: DateRange;
}): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const statement = useStatement(cardId, range);
  const [type, setType] = useState(ALL);
  const [filter, setFilter] = useState('');

  const operations = useMemo(() => [...(statement.data ?? [])].sort(newestFirst), [statement.data]);
  const types = useMemo(() => [...new Set(operations.map((op) => op.type))].sort(), [operations]);
  const ofType = useMemo(
    () => (type === ALL ? operations : operations.filter((op) => op.type === type)),
    [operations, type],
  );
  // Found by the shared search text and by the type's word in the operator's language.
  const searchText = useCallback(
    (op: StatementOperation) => `${statementSearchText(op)} ${operationTypeLabel(tc, op.type)}`,
    [tc],
  );
  const shown = useFilteredRows(ofType, searchText, filter);
  const columns = useMemo(() => statementColumns(tc, language), [tc, language]);
  const filtered = shown.length !== operations.length;

  const exportCsv = (): void => {
    const { header, rows } = statementCsv(tc, shown);
    downloadText(`statement-${last4}-${range.from}-${range.to}.csv`, toCsv(header, rows));
  };

  if (statement.error) return <ErrorNotice error={statement.error} testId="statement-error" />;
  if (statement.isPending && statement.fetchStatus !== 'idle') {
    return <Loader size="sm" aria-label={t('common:state.loading')} />;
  }
  return (
    <Stack gap="sm" data-testid="statement">
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('statement.type')}
          data={[
            { value: ALL, label: t('statement.allTypes') },
            ...types.map((value) => ({ value, label: operationTypeLabel(tc, value) })),
          ]}
          value={type}
          onChange={(event) => {
            setType(event.currentTarget.value);
          }}
          data-testid="statement-type"
        />
        <TextInput
          label={t('common:table.filter')}
          placeholder={t('statement.filterPlaceholder')}
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
          }}
          className="statement-filter"
          data-testid="statement-filter"
        />
        <Button variant="default" onClick={exportCsv} disabled={shown.length === 0} data-testid="statement-export">
          {t('common:action.exportCsv')}
        </Button>
      </Group>
      <Text size="sm" role="status" data-testid="statement-count">
        {filtered
          ? t('common:table.shown', { shown: shown.length, total: operations.length })
          : t('common:table.rows', { count: operations.length })}
      </Text>
      <VirtualTable
        label={t('statement.tableLabel')}
        columns={columns}
        rows={shown}
        rowKey={(op, i) => `${op.rrn}-${String(i)}`}
        height={360}
        testId="statement-table"
        empty={operations.length === 0 ? t('statement.empty') : t('common:state.noMatches')}
        noMatches={t('common:state.noMatches')}
      />
    </Stack>
  );
}
