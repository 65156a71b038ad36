// The extended statement for the same date range: balances of the card's accounts, authorizations (holds not
// yet settled) and operations.
import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardExtendedStatement } from '../../../api/cards.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { VirtualTable } from '../../../components/VirtualTable.tsx';
import { statementColumns } from '../../../tables/statement-columns.tsx';
import { useLanguage } from '../../../i18n/use-language.ts';
import { AccountsTable } from '../summary/AccountsTable.tsx';
import { dayEnd, dayStart } from '../time.ts';
import { rangeProblem, type DateRange } from './DateRangeInputs.tsx';

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

export function ExtendedStatementPanel({ cardId, range }: { cardId: string; range: DateRange }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const from = dayStart(range.from) ?? '';
  const to = dayEnd(range.to) ?? '';
  const extended = useCardExtendedStatement(cardId, from, to, rangeProblem(range) === null && from !== '' && to !== '');
  const columns = useMemo(() => statementColumns(tc, language), [tc, language]);

  if (extended.error) return <ErrorNotice error={extended.error} testId="extended-error" />;
  if (extended.data === undefined) {
    return extended.fetchStatus === 'idle' ? <></> : <Loader size="sm" aria-label={t('common:state.loading')} />;
  }
  const { balances, authorizations } = extended.data;
  const operations = [...extended.data.operations].sort((a, b) => b.datetime.localeCompare(a.datetime));
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
      <section>
        <Title order={3} className="card-section-title">
          {t('extended.operations')}
        </Title>
        <Text size="sm">{t('common:table.rows', { count: operations.length })}</Text>
        <VirtualTable
          label={t('extended.operations')}
          columns={columns}
          rows={operations}
          rowKey={(op, i) => `${op.rrn}-${String(i)}`}
          height={280}
          testId="extended-operations"
          empty={t('statement.empty')}
          noMatches={t('common:state.noMatches')}
        />
      </section>
    </Stack>
  );
}
