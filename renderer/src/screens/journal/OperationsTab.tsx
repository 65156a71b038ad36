// Journal › Operations: search every journaled operation, read a page at a time as the table scrolls, see how
// many matched, open one for its details, export every match as CSV (page by page, journal-export.ts).
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_LIMIT, type JournalEntryView } from '../../../../common/contract/index.ts';
import { journalCount, journalFetcher, useJournalSearch, type JournalSearchArgs } from '../../api/journal.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useProfiles } from '../../api/shared-queries.ts';
import { FilteredEmpty } from '../../components/FilteredEmpty.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { EntryDetails } from '../requests/EntryDetails.tsx';
import { entryColumns } from '../requests/entry-columns.tsx';
import { useProfileName } from '../requests/use-profile-name.ts';
import { countArgs, EMPTY_OPERATIONS_FILTER, searchArgs } from './filter-schemas.ts';
import { operationsCsv } from './journal-csv.ts';
import { useCsvExport } from './journal-export.ts';
import { OperationsFilterForm } from './OperationsFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';

export function OperationsTab(): ReactElement {
  const { t } = useTranslation(['journal', 'common']);
  const language = useLanguage();
  const profileName = useProfileName();
  const [args, setArgs] = useState<JournalSearchArgs>(() => searchArgs(EMPTY_OPERATIONS_FILTER));
  const [selected, setSelected] = useState<JournalEntryView>();
  const search = useJournalSearch(args);
  const filters = useMemo(() => countArgs(args), [args]);
  const filtered = Object.keys(filters).length > 0;
  const total = useQuery({ queryKey: [...queryKeys.journal, 'count', filters], queryFn: () => journalCount(filters) });
  const all = useQuery({ queryKey: [...queryKeys.journal, 'count', {}], queryFn: () => journalCount({}) });
  // A new filter form clears what was typed in it.
  const [formKey, setFormKey] = useState(0);
  const entries = search.rows;
  // A workstation with one profile has no use for a Profile column: its room goes to the others.
  const manyProfiles = (useProfiles().data?.length ?? 0) > 1;
  const columns = useMemo(
    () => entryColumns(t, language, manyProfiles ? { profileName } : {}),
    [t, language, profileName, manyProfiles],
  );
  const shown =
    selected === undefined ? undefined : (entries.find((e) => e.requestId === selected.requestId) ?? selected);
  const exporter = useCsvExport();

  function exportCsv(): void {
    const csv = operationsCsv(t, []);
    const pages = journalFetcher({ ...args, limit: MAX_PAGE_LIMIT });
    void exporter.run(csv.fileName, csv.header, pages, (rows) => operationsCsv(t, rows, profileName).rows);
  }

  return (
    <Stack gap="sm">
      <OperationsFilterForm
        key={formKey}
        busy={search.isFetching && !search.isPending && !search.loadingMore}
        onSearch={(filter) => {
          setArgs(searchArgs(filter));
        }}
      />
      {search.error !== null && <ErrorNotice error={search.error} testId="journal-error" />}
      {exporter.error !== null && <ErrorNotice error={exporter.error} testId="journal-export-error" />}
      <Group justify="space-between">
        <Text className="journal-count" data-testid="journal-count" aria-live="polite">
          {total.data === undefined ? '' : t('operations.total', { count: total.data })}
        </Text>
        <Button
          variant="default"
          onClick={exportCsv}
          disabled={entries.length === 0}
          loading={exporter.busy}
          data-testid="journal-export"
        >
          {t('common:action.exportCsv')}
        </Button>
      </Group>
      {search.isPending ? (
        <Loading />
      ) : entries.length === 0 && !search.isFetching ? (
        <FilteredEmpty
          total={filtered ? all.data : 0}
          nothingYet={t('common:state.empty')}
          onClear={() => {
            setArgs(searchArgs(EMPTY_OPERATIONS_FILTER));
            setFormKey((k) => k + 1);
          }}
          testId="journal-empty"
        />
      ) : (
        <VirtualTable
          label={t('operations.tableLabel')}
          columns={columns}
          rows={entries}
          onOpen={setSelected}
          onNearEnd={search.loadMore}
          loadingMore={search.loadingMore ? t('common:state.loading') : undefined}
          testId="journal-table"
          height={420}
          rowHeight={38}
          // No search narrows the list: the journal is empty; otherwise nothing matched.
          empty={filtered ? t('operations.empty') : t('common:state.empty')}
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
