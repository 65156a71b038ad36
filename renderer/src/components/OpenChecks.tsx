// The operations still open on a card or a client: what Card Desk is doing about each, with a live count-down
// to its next check (docs/architecture.md, live reconciliation). The count-down is a local timer over main's
// `nextCheckAt`; it never calls main.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenCheckView } from '../../../common/contract/index.ts';
import { opLabel } from '../i18n/op-names.ts';
import { nextCheckShort, nextCheckWords } from './next-check-words.ts';
import { Notice } from './Notice.tsx';
import { useNow } from './use-now.ts';

export function OpenChecksNotice({
  checks,
  waiting,
  testId,
}: {
  checks: readonly OpenCheckView[];
  /** Why an action waits (it must not be repeated while these are open). */
  waiting?: string | undefined;
  testId: string;
}): ReactElement | null {
  const { t } = useTranslation(['requests', 'journal']);
  const now = useNow(checks.length > 0);
  if (checks.length === 0) return null;
  return (
    <Notice described={{ tone: 'warning', message: t('requests:checks.title') }} testId={testId}>
      <ul className="open-checks">
        {checks.map((check) => (
          <li
            key={check.requestId}
            data-testid={`${testId}-item`}
            data-state={check.state}
            data-attempt={check.attempt}
          >
            {t('requests:checks.item', { op: opLabel(t, check.op), words: nextCheckWords(t, check, now) })}
          </li>
        ))}
      </ul>
      {waiting !== undefined && (
        <p className="notice-message" data-testid={`${testId}-waiting`}>
          {waiting}
        </p>
      )}
    </Notice>
  );
}

/** The next check of one open operation in words: the whole sentence, or its short form for a table cell. */
export function NextCheckText({
  check,
  short = false,
  testId,
}: {
  check: OpenCheckView;
  short?: boolean;
  testId?: string;
}): ReactElement {
  const { t } = useTranslation('requests');
  const now = useNow(true);
  const full = nextCheckWords(t, check, now);
  return (
    <span title={full} data-testid={testId} data-attempt={check.attempt}>
      {short ? nextCheckShort(t, check, now) : full}
    </span>
  );
}
