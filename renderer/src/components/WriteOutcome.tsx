// The one way a write's result is shown: what became of it in the operator's words — done, failed (the bank's
// reason), pending, unknown (being reconciled: do not repeat it), transport (never reached the bank) — or why
// Card Desk refused to send it, with the raw code behind "Details" (docs/card-api.md, safe retry). A form
// may show part of it where it belongs: the problems worth correcting and sending again next to its fields, the
// rest elsewhere. A problem gives way once the operator starts another action anywhere (docs/operator-ui.md,
// dialogs and long requests): an old refusal must not read as the answer to the new one.
import { Button, Group } from '@mantine/core';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useActionGeneration } from '../api/action-generation.ts';
import { useTranslation } from 'react-i18next';
import { isOutcome, retryable } from '../api/outcome.ts';
import { useNavigation } from '../app/router.tsx';
import { describeError, describeOutcome, type Described } from '../i18n/describe-error.ts';
import { Notice } from './Notice.tsx';

/** What a done write answered: a done outcome's result, or the plain answer of any other method. */
export type DoneOf<R> = [Extract<R, { kind: 'done'; result: unknown }>] extends [never]
  ? R
  : Extract<R, { kind: 'done'; result: unknown }>['result'];

export interface WriteOutcomeProps<R> {
  write: { result: R | undefined; error: unknown };
  testId: string;
  /** The refused call's test id, where a form tells it apart. */
  errorTestId?: string;
  /** Only the problems worth correcting and sending again (failed, transport, refused by Card Desk), or only the
   * rest. Both by default. */
  only?: 'problems' | 'results';
  /** How a done write reads: a sentence (of success), or the answer described (a connection test can be a
   * refusal). By default the outcome's own sentence. */
  done?: string | ((result: DoneOf<R>) => string | Described);
  /** More inside a done notice: a new id and the way to open it. */
  renderDone?: (result: DoneOf<R>) => ReactNode;
  /** Inside every notice but the refused call's: which action this was. */
  children?: ReactNode;
  /** While the bank still decides (pending, unknown), the way to follow it on the Requests screen. */
  followInRequests?: boolean;
}

function FollowInRequests({ testId }: { testId: string }): ReactElement {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  return (
    <Group mt="xs">
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          navigate({ screen: 'requests' });
        }}
        data-testid={testId}
      >
        {t('common:action.openRequests')}
      </Button>
    </Group>
  );
}

export function WriteOutcome<R>({
  write,
  testId,
  errorTestId = testId,
  only,
  done,
  renderDone,
  children,
  followInRequests = false,
}: WriteOutcomeProps<R>): ReactElement | null {
  const { t } = useTranslation();
  const { result, error } = write;
  // The action count when this answer first showed; a later action makes a problem stale.
  const generation = useActionGeneration();
  const answer0 = error ?? result;
  const [seen, setSeen] = useState<{ of: unknown; at: number }>({ of: answer0, at: generation });
  if (seen.of !== answer0) setSeen({ of: answer0, at: generation });
  const stale = seen.of === answer0 && seen.at < generation;
  if (error !== undefined && error !== null) {
    if (stale) return null;
    return only === 'results' ? null : <Notice described={describeError(t, error)} testId={errorTestId} />;
  }
  if (result === undefined) return null;
  const outcome = isOutcome(result) ? result : undefined;
  const problem = retryable(outcome);
  if ((only === 'problems' && !problem) || (only === 'results' && problem)) return null;
  if (problem && stale) return null;

  const isDone = outcome === undefined || outcome.kind === 'done';
  const answer = (outcome?.kind === 'done' ? outcome.result : result) as DoneOf<R>;
  let described: Described;
  if (!isDone) {
    described = describeOutcome(t, outcome);
  } else {
    const words = typeof done === 'function' ? done(answer) : (done ?? t('errors:outcome.done'));
    described = typeof words === 'string' ? { tone: 'success', message: words } : words;
  }
  const open = outcome?.kind === 'pending' || outcome?.kind === 'unknown';

  return (
    <Notice described={described} testId={testId}>
      {children}
      {isDone && renderDone?.(answer)}
      {followInRequests && open && <FollowInRequests testId={`${testId}-requests`} />}
    </Notice>
  );
}
