// Requests: the journaled (asynchronous) operations, live, read a page at a time as the table scrolls (the
// filters narrow the list in main). Open work and requests the bank never received are shown first; each open one can be re-checked with the bank now, or all of them reconciled at once. A row
// opens its details: every field, the state in words, and the card or client to go to.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_STATES, type JournalEntryView } from '../../../../common/contract/index.ts';
import { useCan } from '../../api/rights.ts';
import { useRecheck, useReconcileAll, useRequestCounts, useRequestList } from '../../api/requests.ts';
import { FilteredEmpty } from '../../components/FilteredEmpty.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { useSettled } from '../../components/use-settled.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { JOURNALED_OPS, withSeen } from '../../i18n/op-names.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { EntryDetails } from './EntryDetails.tsx';
import { entryColumns } from './entry-columns.tsx';
import { RecheckButton } from './RecheckButton.tsx';
import { describeRecheck } from './recheck-words.ts';
import { describeReconcile, ReconcileLists } from './ReconcileSummary.tsx';
import { DEFAULT_REQUEST_FILTER, requestListArgs, type RequestFilterValue } from './request-filter.ts';
import { RequestFilters } from './RequestFilters.tsx';
import { useProfileName } from './use-profile-name.ts';
import './requests.css';
import { Loading } from '../../components/Loading.tsx';

const TEXT_PAUSE_MS = 250;

export function RequestsScreen(): ReactElement {
  const { t } = useTranslation(['requests', 'common']);
  const language = useLanguage();
  const recheck = useRecheck();
  const reconcile = useReconcileAll();
  // Asking the bank again is a card operator's; an auditor reads the list only.
  const mayCheck = useCan().call('requests.recheck');
  const profileName = useProfileName();
  const [filter, setFilter] = useState<RequestFilterValue>(DEFAULT_REQUEST_FILTER);
  const [selected, setSelected] = useState<JournalEntryView>();

  // The text is looked up in main: ask once the operator pauses typing.
  const text = useSettled(filter.text, TEXT_PAUSE_MS);
  const operatorId = useSettled(filter.operatorId ?? '', TEXT_PAUSE_MS);
  const { states, op } = filter;
  const listArgs = useMemo(() => requestListArgs({ states, op, text, operatorId }), [states, op, text, operatorId]);
  const list = useRequestList(listArgs);
  const counts = useRequestCounts(listArgs);
  const entries = list.rows;
  const ops = useMemo(() => withSeen(JOURNALED_OPS, new Set(entries.map((e) => e.op))), [entries]);

  // The profile column appears once entries of more than one profile are listed.
  const manyProfiles = useMemo(() => new Set(entries.map((e) => e.profileId)).size > 1, [entries]);
  const recheckingId = recheck.busy ? recheck.args : undefined;
  const recheckRun = recheck.run;
  const columns = useMemo(
    () =>
      entryColumns(t, language, {
        ...(manyProfiles ? { profileName } : {}),
        ...(mayCheck
          ? {
              action: {
                header: t('columns.action'),
                cell: (entry: JournalEntryView) => (
                  <RecheckButton
                    entry={entry}
                    busy={recheckingId === entry.requestId}
                    onRecheck={() => void recheckRun(entry.requestId)}
                  />
                ),
              },
            }
          : {}),
      }),
    [t, language, recheckingId, recheckRun, manyProfiles, profileName, mayCheck],
  );
  // A re-check answer is shown while it is still true: once the entry moves on, the table says it better.
  const rechecked = recheck.result;
  const recheckCurrent =
    rechecked === undefined || entries.find((e) => e.requestId === rechecked.requestId)?.state === rechecked.state;
  // The drawer follows the live entry, so a request settling while it is open changes there too.
  const shown =
    selected === undefined ? undefined : (entries.find((e) => e.requestId === selected.requestId) ?? selected);

  return (
    <Stack gap="sm" data-testid="requests-screen">
      <PageHeader
        title={t('title')}
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => void list.refetch()}
              loading={list.isFetching && !list.isPending}
              data-testid="requests-refresh"
            >
              {t('common:action.refresh')}
            </Button>
            {mayCheck && (
              <Button onClick={() => void reconcile.run()} loading={reconcile.busy} data-testid="reconcile-all">
                {t('reconcile.action')}
              </Button>
            )}
          </Group>
        }
      />
      <Text size="sm">{t('intro')}</Text>
      <WriteOutcome
        write={reconcile}
        done={(report) => describeReconcile(t, report)}
        renderDone={(report) => <ReconcileLists report={report} />}
        testId="reconcile-summary"
        errorTestId="reconcile-error"
      />
      {recheckCurrent && (
        <WriteOutcome write={recheck} done={(entry) => describeRecheck(t, entry)} testId="recheck-result" />
      )}
      <RequestFilters value={filter} onChange={setFilter} ops={ops} />
      {list.error !== null && <ErrorNotice error={list.error} testId="requests-error" />}
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <Text className="requests-count" data-testid="requests-count" aria-live="polite">
            {counts.matching === undefined || counts.all === undefined
              ? ''
              : t('common:table.shown', { shown: counts.matching, total: counts.all })}
          </Text>
          {entries.length === 0 && !list.isFetching ? (
            // Nothing sent yet, or every request hidden by the filter: say which, and offer to clear it.
            <FilteredEmpty
              total={counts.all}
              nothingYet={t('empty')}
              onClear={() => {
                setFilter({ states: [...ENTRY_STATES], op: '', text: '' });
              }}
              testId="requests-empty"
            />
          ) : (
            <VirtualTable
              label={t('tableLabel')}
              columns={columns}
              rows={entries}
              onOpen={setSelected}
              onNearEnd={list.loadMore}
              loadingMore={list.loadingMore ? t('common:state.loading') : undefined}
              testId="requests-table"
              height={460}
              rowHeight={38}
            />
          )}
        </>
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
