// What a form shows when its write did not go through and may be corrected and sent again: the bank refused it,
// the server was not reached, or Card Desk refused the arguments.
import type { ReactElement } from 'react';
import { ErrorNotice, OutcomeNotice } from '../../../components/Notice.tsx';
import { retryable, type WriteState } from '../use-write.ts';

export function WriteProblem({ write }: { write: WriteState }): ReactElement | null {
  if (write.error !== undefined) return <ErrorNotice error={write.error} testId="action-error" />;
  if (write.outcome !== undefined && retryable(write.outcome)) {
    return <OutcomeNotice outcome={write.outcome} testId="action-problem" />;
  }
  return null;
}
