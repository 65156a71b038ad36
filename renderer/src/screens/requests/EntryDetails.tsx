// The details drawer of one journal entry (Requests screen and Journal): every field, the state explained in
// words, and "Re-check now" while the outcome is still open. The entry shown is looked up live by the caller,
// so a settling request changes here too.
import { Button, Drawer, Group, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, type JournalEntryView } from '../../../../common/contract/index.ts';
import { useRecheck } from '../../api/requests.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { opLabel } from '../../i18n/op-names.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { madeByText } from '../../components/operator-words.ts';
import { targetLabel } from './entry-columns.tsx';
import { EntryExplanation } from './EntryExplanation.tsx';
import { entryTarget } from './entry-view.ts';
import { describeRecheck } from './recheck-words.ts';
import { StateBadge } from './StateBadge.tsx';

function Json({ value, testId }: { value: unknown; testId?: string }): ReactElement {
  return (
    <pre className="entry-json" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function Fields({
  entry,
  profileName,
}: {
  entry: JournalEntryView;
  profileName: (id: string | null) => string;
}): ReactElement {
  const { t } = useTranslation('requests');
  const language = useLanguage();
  const target = entryTarget(entry);
  return (
    <dl className="entry-fields">
      <dt>{t('columns.operation')}</dt>
      <dd>
        {opLabel(t, entry.op)} <span className="mono">({entry.op})</span>
      </dd>
      <dt>{t('columns.state')}</dt>
      <dd>
        <StateBadge state={entry.state} />
      </dd>
      <dt>{t('columns.requestId')}</dt>
      <dd className="mono" data-testid="details-request-id">
        {entry.requestId}
      </dd>
      <dt>{t('columns.profile')}</dt>
      <dd>{profileName(entry.profileId)}</dd>
      <dt>{t('columns.operator')}</dt>
      <dd data-testid="detail-operator">{madeByText(t, entry)}</dd>
      <dt>{t('details.started')}</dt>
      <dd>{formatDateTime(entry.at, language)}</dd>
      <dt>{t('details.updated')}</dt>
      <dd>{formatDateTime(entry.updatedAt, language)}</dd>
      {target !== undefined && (
        <>
          <dt>{t('columns.target')}</dt>
          <dd className="mono">{targetLabel(t, target)}</dd>
        </>
      )}
      <dt>{t('details.params')}</dt>
      <dd>
        <Json value={entry.params} testId="details-params" />
      </dd>
      {entry.result !== undefined && (
        <>
          <dt>{t('details.result')}</dt>
          <dd>
            <Json value={entry.result} />
          </dd>
        </>
      )}
      {entry.error !== undefined && (
        <>
          <dt>{t('details.errorCode')}</dt>
          <dd className="mono">{entry.error.code}</dd>
        </>
      )}
    </dl>
  );
}

function DetailsBody({
  entry,
  profileName,
}: {
  entry: JournalEntryView;
  profileName: (id: string | null) => string;
}): ReactElement {
  const { t } = useTranslation('requests');
  const recheck = useRecheck();
  return (
    <Stack gap="sm" data-testid="entry-details">
      <EntryExplanation entry={entry} />
      {isOpenState(entry.state) && (
        <Group>
          <Button
            size="xs"
            loading={recheck.busy}
            onClick={() => void recheck.run(entry.requestId)}
            data-testid="details-recheck"
          >
            {t('recheck.action')}
          </Button>
        </Group>
      )}
      <WriteOutcome write={recheck} done={(answer) => describeRecheck(t, answer)} testId="recheck-result" />
      <Fields entry={entry} profileName={profileName} />
    </Stack>
  );
}

export function EntryDetails({
  entry,
  profileName,
  onClose,
}: {
  entry: JournalEntryView | undefined;
  profileName: (id: string | null) => string;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('requests');
  return (
    <Drawer
      opened={entry !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('details.title')}
      // Scroll locking injects a <style> element, which the CSP (style-src 'self') refuses; the page behind
      // the overlay does not need it.
      lockScroll={false}
      closeButtonProps={{ 'aria-label': t('common:action.close') }}
    >
      {/* Keyed by request: a re-check answer never shows under another entry. */}
      {entry !== undefined && <DetailsBody key={entry.requestId} entry={entry} profileName={profileName} />}
    </Drawer>
  );
}
