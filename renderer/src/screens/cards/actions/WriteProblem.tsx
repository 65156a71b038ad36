// What a form shows when its write did not go through and may be corrected and sent again: the bank refused it,
// the server was not reached, or Card Desk refused the arguments.
import type { ReactElement } from 'react';
import type { OperationOutcome } from '../../../../../common/contract/index.ts';
import { retryable } from '../../../api/outcome.ts';
import { ErrorNotice, OutcomeNotice } from '../../../components/Notice.tsx';

export function WriteProblem({
  write,
}: {
  write: { result: OperationOutcome | undefined; error: unknown };
}): ReactElement | null {
  if (write.error !== undefined) return <ErrorNotice error={write.error} testId="action-error" />;
  if (write.result !== undefined && retryable(write.result)) {
    return <OutcomeNotice outcome={write.result} testId="action-problem" />;
  }
  return null;
}
