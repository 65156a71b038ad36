// The answer of "Re-check now": the entry's state after asking the bank, or why the question failed.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, type JournalEntryView } from '../../../../common/contract/index.ts';
import { ErrorNotice, Notice } from '../../components/Notice.tsx';
import type { Tone } from '../../i18n/describe-error.ts';
import { opLabel } from '../../i18n/op-names.ts';
import { shortId } from './entry-view.ts';

function toneOf(entry: JournalEntryView): Tone {
  if (entry.state === 'done') return 'success';
  if (entry.state === 'failed') return 'error';
  return isOpenState(entry.state) ? 'info' : 'warning';
}

export function RecheckNotice({ entry, error }: { entry?: JournalEntryView; error?: unknown }): ReactElement | null {
  const { t } = useTranslation(['requests', 'common']);
  if (error !== undefined && error !== null) return <ErrorNotice error={error} testId="recheck-result" />;
  if (entry === undefined) return null;
  const key = isOpenState(entry.state) ? 'recheck.stillOpen' : 'recheck.settled';
  return (
    <Notice
      testId="recheck-result"
      described={{
        tone: toneOf(entry),
        message: t(key, {
          op: opLabel(t, entry.op),
          id: shortId(entry.requestId),
          state: t(`common:entryState.${entry.state}`),
        }),
      }}
    />
  );
}
