// The answer of "Re-check now" in words: the entry's state after asking the bank (still open, or settled and how).
import type { TFunction } from 'i18next';
import { isOpenState, type JournalEntryView } from '../../../../common/contract/index.ts';
import type { Described, Tone } from '../../i18n/describe-error.ts';
import { opLabel } from '../../i18n/op-names.ts';
import { shortId } from './entry-view.ts';

function toneOf(entry: JournalEntryView): Tone {
  if (entry.state === 'done') return 'success';
  if (entry.state === 'failed') return 'error';
  return isOpenState(entry.state) ? 'info' : 'warning';
}

export function describeRecheck(t: TFunction, entry: JournalEntryView): Described {
  const key = isOpenState(entry.state) ? 'requests:recheck.stillOpen' : 'requests:recheck.settled';
  return {
    tone: toneOf(entry),
    message: t(key, {
      op: opLabel(t, entry.op),
      id: shortId(entry.requestId),
      state: t(`common:entryState.${entry.state}`),
    }),
  };
}
