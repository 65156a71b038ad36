// Journal › Audit: who revealed card data, changed a setting, a profile or a secret, and when (never a value).
// Read a page at a time as the table scrolls; the text filter narrows the pages read, and while it leaves the
// table short the next pages are read too.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_LIMIT, type AuditEntryView } from '../../../../common/contract/index.ts';
import { auditFetcher, useAuditTrail, type AuditArgs } from '../../api/journal.ts';
import { FilteredEmpty } from '../../components/FilteredEmpty.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { useFilteredRows, VirtualTable } from '../../components/VirtualTable.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useProfileName } from '../requests/use-profile-name.ts';
import { auditColumns, auditSearchText } from './audit-columns.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { auditArgs, EMPTY_AUDIT_FILTER } from './filter-schemas.ts';
import { auditCsv } from './journal-csv.ts';
import { useCsvExport } from './journal-export.ts';
import { Loading } from '../../components/Loading.tsx';

export function AuditTab(): ReactElement {
  const { t } = useTranslation(['journal', 'common']);
  const language = useLanguage();
  const profileName = useProfileName();
  const [args, setArgs] = useState<AuditArgs>(() => auditArgs(EMPTY_AUDIT_FILTER));
  const [text, setText] = useState('');
  const audit = useAuditTrail(args);
  const entries = audit.rows;
  const searchText = useMemo(() => auditSearchText(t, language), [t, language]);
  const rows = useFilteredRows(entries, text.trim() === '' ? undefined : searchText, text);
  const columns = useMemo(() => auditColumns(t, language, profileName), [t, language, profileName]);
  const narrowedInMain = args.from !== undefined || args.to !== undefined || args.action !== undefined;
  const filtered = narrowedInMain || text.trim() !== '';
  // A new filter form clears what was typed in it.
  const [formKey, setFormKey] = useState(0);
  const exporter = useCsvExport();

  function exportCsv(): void {
    const csv = auditCsv(t, language, []);
    const needle = text.trim().toLowerCase();
    const matching = (page: AuditEntryView[]) =>
      needle === '' ? page : page.filter((e) => searchText(e).toLowerCase().includes(needle));
    const pages = auditFetcher({ ...args, limit: MAX_PAGE_LIMIT });
    void exporter.run(
      csv.fileName,
      csv.header,
      pages,
      (page) => auditCsv(t, language, matching(page), profileName).rows,
    );
  }

  return (
    <Stack gap="sm">
      <AuditFilterForm
        key={formKey}
        busy={audit.isFetching && !audit.isPending}
        onSearch={(filter) => {
          setArgs(auditArgs(filter));
        }}
      />
      {audit.error !== null && <ErrorNotice error={audit.error} testId="audit-error" />}
      {exporter.error !== null && <ErrorNotice error={exporter.error} testId="audit-export-error" />}
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            className="audit-text"
            label={t('common:table.filter')}
            placeholder={t('audit.filterHint')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
            data-testid="audit-text"
          />
          <Text className="journal-count" data-testid="audit-count" aria-live="polite">
            {/* Counted once every page is read: until then only a part of the trail is known. */}
            {audit.isPending || audit.hasMore
              ? ''
              : t('common:table.shown', { shown: rows.length, total: entries.length })}
          </Text>
        </Group>
        <Button
          variant="default"
          onClick={exportCsv}
          disabled={rows.length === 0}
          loading={exporter.busy}
          data-testid="audit-export"
        >
          {t('common:action.exportCsv')}
        </Button>
      </Group>
      {audit.isPending ? (
        <Loading />
      ) : rows.length === 0 && !audit.isFetching && !audit.hasMore ? (
        // Rows hidden only by the text are counted here; main's filters leave nothing to count.
        <FilteredEmpty
          total={!filtered ? 0 : narrowedInMain ? 'unknown' : entries.length}
          nothingYet={t('common:state.empty')}
          onClear={() => {
            setArgs(auditArgs(EMPTY_AUDIT_FILTER));
            setText('');
            setFormKey((k) => k + 1);
          }}
          testId="audit-empty"
        />
      ) : (
        <VirtualTable
          label={t('audit.tableLabel')}
          columns={columns}
          rows={rows}
          onNearEnd={audit.loadMore}
          loadingMore={audit.loadingMore ? t('common:state.loading') : undefined}
          testId="audit-table"
          height={420}
          rowHeight={36}
          // Nothing audited yet, or nothing of it matches the search.
          empty={filtered ? t('audit.empty') : t('common:state.empty')}
          noMatches={t('common:state.noMatches')}
        />
      )}
    </Stack>
  );
}
