// Journal › Operations: search every journaled operation (up to 100,000 at once), see how many matched, open
// one for its details, export what is shown as CSV.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, JournalEntryView } from '../../../../common/contract/index.ts';
import { useJournalSearch } from '../../api/journal.ts';
import { toCsv } from '../../components/csv.ts';
import { downloadText } from '../../components/download.ts';
import { ErrorNotice } from '../../components/Notice.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { EntryDetails } from '../requests/EntryDetails.tsx';
import { entryColumns } from '../requests/entry-columns.tsx';
import { useProfileName } from '../requests/use-profile-name.ts';
import { EMPTY_OPERATIONS_FILTER, searchArgs } from './filter-schemas.ts';
import { operationsCsv } from './journal-csv.ts';
import { OperationsFilterForm } from './OperationsFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';

const NO_ENTRIES: JournalEntryView[] = [];

export function OperationsTab(): ReactElement {
  const { t } = useTranslation(['journal', 'common']);
  const language = useLanguage();
  const profileName = useProfileName();
  const [args, setArgs] = useState<ArgsOf<'journal.search'>>(() => searchArgs(EMPTY_OPERATIONS_FILTER));
  const [selected, setSelected] = useState<JournalEntryView>();
  const search = useJournalSearch(args);
  const entries = search.data?.entries ?? NO_ENTRIES;
  const total = search.data?.total ?? 0;
  const columns = useMemo(() => entryColumns(t, language, { profileName }), [t, language, profileName]);
  const shown =
    selected === undefined ? undefined : (entries.find((e) => e.requestId === selected.requestId) ?? selected);

  function exportCsv(): void {
    const csv = operationsCsv(t, entries);
    downloadText(csv.fileName, toCsv(csv.header, csv.rows));
  }

  return (
    <Stack gap="sm">
      <OperationsFilterForm
        busy={search.isFetching && !search.isPending}
        onSearch={(filter) => {
          setArgs(searchArgs(filter));
        }}
      />
      {search.error !== null && <ErrorNotice error={search.error} testId="journal-error" />}
      <Group justify="space-between">
        <Text className="journal-count" data-testid="journal-count" aria-live="polite">
          {search.data === undefined
            ? ''
            : entries.length < total
              ? t('operations.truncated', { count: total, shown: entries.length })
              : t('operations.total', { count: total })}
        </Text>
        <Button variant="default" onClick={exportCsv} disabled={entries.length === 0} data-testid="journal-export">
          {t('common:action.exportCsv')}
        </Button>
      </Group>
      {search.isPending ? (
        <Loading />
      ) : (
        <VirtualTable
          label={t('operations.tableLabel')}
          columns={columns}
          rows={entries}
          rowKey={(entry) => entry.requestId}
          onOpen={setSelected}
          testId="journal-table"
          height={420}
          rowHeight={38}
          empty={t('operations.empty')}
          noMatches={t('common:state.noMatches')}
        />
      )}
      <EntryDetails
        entry={shown}
        profileName={profileName}
        onClose={() => {
          setSelected(undefined);
        }}
      />
    </Stack>
  );
}
