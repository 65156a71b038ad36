// Journal › Audit: who revealed card data, changed a setting, a profile or a secret, and when (never a value).
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, AuditEntryView } from '../../../../common/contract/index.ts';
import { useAuditTrail } from '../../api/journal.ts';
import { toCsv } from '../../components/csv.ts';
import { downloadText } from '../../components/download.ts';
import { ErrorNotice } from '../../components/Notice.tsx';
import { useFilteredRows, VirtualTable } from '../../components/VirtualTable.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useProfileName } from '../requests/use-profile-name.ts';
import { auditColumns, auditSearchText } from './audit-columns.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { auditArgs, EMPTY_AUDIT_FILTER } from './filter-schemas.ts';
import { auditCsv } from './journal-csv.ts';
import { Loading } from '../../components/Loading.tsx';

const NO_ENTRIES: AuditEntryView[] = [];

export function AuditTab(): ReactElement {
  const { t } = useTranslation(['journal', 'common']);
  const language = useLanguage();
  const profileName = useProfileName();
  const [args, setArgs] = useState<ArgsOf<'journal.audit'>>(() => auditArgs(EMPTY_AUDIT_FILTER));
  const [text, setText] = useState('');
  const audit = useAuditTrail(args);
  const entries = audit.data ?? NO_ENTRIES;
  const searchText = useMemo(() => auditSearchText(t), [t]);
  const rows = useFilteredRows(entries, text.trim() === '' ? undefined : searchText, text);
  const columns = useMemo(() => auditColumns(t, language, profileName), [t, language, profileName]);

  function exportCsv(): void {
    const csv = auditCsv(t, rows);
    downloadText(csv.fileName, toCsv(csv.header, csv.rows));
  }

  return (
    <Stack gap="sm">
      <AuditFilterForm
        busy={audit.isFetching && !audit.isPending}
        onSearch={(filter) => {
          setArgs(auditArgs(filter));
        }}
      />
      {audit.error !== null && <ErrorNotice error={audit.error} testId="audit-error" />}
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('common:table.filter')}
            placeholder={t('audit.filterHint')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
            data-testid="audit-text"
          />
          <Text className="journal-count" data-testid="audit-count" aria-live="polite">
            {audit.data === undefined ? '' : t('common:table.shown', { shown: rows.length, total: entries.length })}
          </Text>
        </Group>
        <Button variant="default" onClick={exportCsv} disabled={rows.length === 0} data-testid="audit-export">
          {t('common:action.exportCsv')}
        </Button>
      </Group>
      {audit.isPending ? (
        <Loading />
      ) : (
        <VirtualTable
          label={t('audit.tableLabel')}
          columns={columns}
          rows={rows}
          rowKey={(entry) => entry.id}
          testId="audit-table"
          height={420}
          rowHeight={36}
          empty={t('audit.empty')}
          noMatches={t('common:state.noMatches')}
        />
      )}
    </Stack>
  );
}
