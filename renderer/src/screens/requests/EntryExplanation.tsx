// What an entry's state means for the operator, in words: failed (the bank's reason), not received (nothing
// was done, the operation may be done again), checking / in progress (do not repeat it, and when Card Desk asks
// the bank next).
import { Button } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView } from '../../../../common/contract/index.ts';
import { useOpenCheck } from '../../api/open-checks.ts';
import { useNavigation } from '../../app/router.tsx';
import { Notice } from '../../components/Notice.tsx';
import { NextCheckText } from '../../components/OpenChecks.tsx';
import { entryTarget, errorSentence } from './entry-view.ts';

function OpenTargetButton({ entry }: { entry: JournalEntryView }): ReactElement | null {
  const { t } = useTranslation('requests');
  const { navigate } = useNavigation();
  const target = entryTarget(entry);
  if (target === undefined) return null;
  const open = (): void => {
    if (target.kind === 'card') navigate({ screen: 'card', cardId: target.id });
    else if (target.kind === 'client') navigate({ screen: 'client', clientId: target.id });
    else navigate({ screen: 'gift' });
  };
  return (
    <Button size="xs" mt="xs" variant="light" onClick={open} data-testid="open-target">
      {t(`openTarget.${target.kind}`, { id: target.id })}
    </Button>
  );
}

function NextCheck({ entry }: { entry: JournalEntryView }): ReactElement | null {
  const check = useOpenCheck(entry.requestId);
  if (check === undefined) return null;
  return (
    <p className="notice-message">
      <NextCheckText check={check} testId="entry-next-check" />
    </p>
  );
}

export function EntryExplanation({ entry }: { entry: JournalEntryView }): ReactElement | null {
  const { t } = useTranslation(['requests', 'errors']);
  switch (entry.state) {
    case 'failed':
      return (
        <Notice
          testId="entry-explanation"
          described={{
            tone: 'error',
            message: entry.error ? errorSentence(t, entry.error) : t('errors:api.other'),
            ...(entry.error ? { detail: `${entry.error.code}: ${entry.error.description}` } : {}),
          }}
        >
          <OpenTargetButton entry={entry} />
        </Notice>
      );
    case 'not_received':
      return (
        <Notice
          testId="entry-explanation"
          described={{
            tone: 'warning',
            message: t('notReceived.long'),
            ...(entry.reason !== undefined ? { detail: entry.reason } : {}),
          }}
        >
          <OpenTargetButton entry={entry} />
        </Notice>
      );
    case 'unknown':
    case 'sending':
      return (
        <Notice
          testId="entry-explanation"
          described={{
            tone: 'warning',
            message: t(entry.state === 'unknown' ? 'errors:outcome.unknown' : 'sendingExplained'),
            ...(entry.reason !== undefined ? { detail: entry.reason } : {}),
          }}
        >
          <NextCheck entry={entry} />
        </Notice>
      );
    case 'pending':
      return (
        <Notice testId="entry-explanation" described={{ tone: 'info', message: t('errors:outcome.pending') }}>
          <NextCheck entry={entry} />
        </Notice>
      );
    case 'done':
      return (
        <Notice testId="entry-explanation" described={{ tone: 'success', message: t('errors:outcome.done') }}>
          <OpenTargetButton entry={entry} />
        </Notice>
      );
  }
}
