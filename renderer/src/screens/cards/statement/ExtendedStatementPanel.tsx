// The extended statement for the same date range: balances of the card's accounts, authorizations (holds not
// yet settled) and operations, which can be narrowed by type and text and exported as CSV like the statement.
import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementOperation } from '../../../../../common/contract/index.ts';
import { useCardExtendedStatement } from '../../../api/cards.ts';
import { downloadText } from '../../../components/download.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { VirtualTable } from '../../../components/VirtualTable.tsx';
import { statementColumns } from '../../../tables/statement-columns.tsx';
import { useLanguage } from '../../../i18n/use-language.ts';
import { AccountsTable } from '../summary/AccountsTable.tsx';
import { dayEnd, dayStart } from '../time.ts';
import { rangeProblem, type DateRange } from './DateRangeInputs.tsx';
import { statementCsv } from './statement-csv.ts';
import { useStatementView } from './statement-view.ts';
import { StatementToolbar } from './StatementToolbar.tsx';
import { newestFirst } from './StatementPanel.tsx';

const NO_OPERATIONS: readonly StatementOperation[] = [];

/** Authorizations have no documented shape: show every field they carry, as text. */
function AuthorizationsTable({
  rows,
  label,
}: {
  rows: readonly Record<string, unknown>[];
  label: string;
}): ReactElement {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const text = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  };
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={label} className="card-table">
        <Table.Thead>
          <Table.Tr>
            {keys.map((key) => (
              <Table.Th key={key} scope="col">
                {key}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              {keys.map((key) => (
                <Table.Td key={key}>{text(row[key])}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ExtendedStatementPanel({
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
  const from = dayStart(range.from) ?? '';
  const to = dayEnd(range.to) ?? '';
  const extended = useCardExtendedStatement(cardId, from, to, rangeProblem(range) === null && from !== '' && to !== '');
  const columns = useMemo(() => statementColumns(tc, language), [tc, language]);
  const operations = useMemo(
    () => [...(extended.data?.operations ?? NO_OPERATIONS)].sort(newestFirst),
    [extended.data?.operations],
  );
  const view = useStatementView(tc, operations);

  const exportCsv = (): void => {
    downloadText(`statement-extended-${last4}-${range.from}-${range.to}.csv`, statementCsv(tc, language, view.shown));
  };

  if (extended.error) return <ErrorNotice error={extended.error} testId="extended-error" />;
  if (extended.data === undefined) {
    return extended.fetchStatus === 'idle' ? <></> : <Loader size="sm" aria-label={t('common:state.loading')} />;
  }
  const { balances, authorizations } = extended.data;
  return (
    <Stack gap="md" data-testid="extended-statement">
      <section>
        <Title order={3} className="card-section-title">
          {t('extended.balances')}
        </Title>
        <AccountsTable accounts={balances.accounts} label={t('extended.balances')} />
      </section>
      <section>
        <Title order={3} className="card-section-title">
          {t('extended.authorizations')}
        </Title>
        {authorizations.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="no-authorizations">
            {t('extended.noAuthorizations')}
          </Text>
        ) : (
          <AuthorizationsTable rows={authorizations} label={t('extended.authorizations')} />
        )}
      </section>
      <Stack gap="sm" component="section">
        <Title order={3} className="card-section-title">
          {t('extended.operations')}
        </Title>
        <StatementToolbar view={view} total={operations.length} onExport={exportCsv} testId="extended" />
        <VirtualTable
          label={t('extended.operations')}
          columns={columns}
          rows={view.shown}
          height={280}
          testId="extended-operations"
          empty={operations.length === 0 ? t('statement.empty') : t('common:state.noMatches')}
          noMatches={t('common:state.noMatches')}
        />
      </Stack>
    </Stack>
  );
}
