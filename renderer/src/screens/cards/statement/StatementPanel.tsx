// The card statement for a date range: type and text filters, row count, CSV export of what is shown.
import { Loader, Stack } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementOperation } from '../../../../../common/contract/index.ts';
import { useCardStatement } from '../../../api/cards.ts';
import { downloadText } from '../../../components/download.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { VirtualTable } from '../../../components/VirtualTable.tsx';
import { useLanguage } from '../../../i18n/use-language.ts';
import { statementColumns } from '../../../tables/statement-columns.tsx';
import { dayEnd, dayStart } from '../time.ts';
import { StatementPrint } from '../../../print/StatementPrint.tsx';
import { rangeProblem, type DateRange } from './DateRangeInputs.tsx';
import { statementCsv } from './statement-csv.ts';
import { useStatementView } from './statement-view.ts';
import { StatementToolbar } from './StatementToolbar.tsx';

export const newestFirst = (a: StatementOperation, b: StatementOperation): number =>
  b.datetime.localeCompare(a.datetime);

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
  const operations = useMemo(() => [...(statement.data ?? [])].sort(newestFirst), [statement.data]);
  const view = useStatementView(tc, operations);
  const columns = useMemo(() => statementColumns(tc, language), [tc, language]);

  const exportCsv = (): void => {
    downloadText(`statement-${last4}-${range.from}-${range.to}.csv`, statementCsv(tc, language, view.shown));
  };

  if (statement.error) return <ErrorNotice error={statement.error} testId="statement-error" />;
  if (statement.isPending && statement.fetchStatus !== 'idle') {
    return <Loader size="sm" aria-label={t('common:state.loading')} />;
  }
  return (
    <Stack gap="sm" data-testid="statement">
      <StatementToolbar view={view} total={operations.length} onExport={exportCsv} testId="statement" />
      <div>
        <StatementPrint
          statement={{ cardId, ...range, operations: view.shown, filtered: view.shown.length !== operations.length }}
          fileName={`statement-${last4}-${range.from}-${range.to}.pdf`}
          disabled={view.shown.length === 0}
        />
      </div>
      <VirtualTable
        label={t('statement.tableLabel')}
        columns={columns}
        rows={view.shown}
        height={360}
        testId="statement-table"
        empty={operations.length === 0 ? t('statement.empty') : t('common:state.noMatches')}
        noMatches={t('common:state.noMatches')}
      />
    </Stack>
  );
}
