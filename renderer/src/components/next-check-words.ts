// What main is doing about an open operation, in words (docs/architecture.md, live reconciliation): asking the
// bank now, asking again in so long (which attempt), or not checking it from here.
import type { TFunction } from 'i18next';
import type { OpenCheckView } from '../../../common/contract/index.ts';

type Check = Pick<OpenCheckView, 'nextCheckAt' | 'attempt' | 'checking'>;

/** "12 s", "4 min 5 s". */
export function waitWords(t: TFunction, ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  if (total < 60) return t('requests:checks.seconds', { seconds: total });
  return t('requests:checks.minutes', { minutes: Math.floor(total / 60), seconds: total % 60 });
}

export function nextCheckWords(t: TFunction, check: Check, now: number): string {
  if (check.checking || (check.nextCheckAt !== null && check.nextCheckAt <= now)) {
    return t('requests:checks.now', { attempt: check.attempt });
  }
  if (check.nextCheckAt === null) return t('requests:checks.parked');
  return t('requests:checks.next', { wait: waitWords(t, check.nextCheckAt - now), attempt: check.attempt });
}

/** The same, short, for a table cell: "in 12 s (#3)", "asking now", "not checked here". */
export function nextCheckShort(t: TFunction, check: Check, now: number): string {
  if (check.checking || (check.nextCheckAt !== null && check.nextCheckAt <= now)) return t('requests:checks.nowShort');
  if (check.nextCheckAt === null) return t('requests:checks.parkedShort');
  return t('requests:checks.inShort', { wait: waitWords(t, check.nextCheckAt - now), attempt: check.attempt });
}
