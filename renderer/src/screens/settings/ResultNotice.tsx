// What a settings action did: a sentence on success, the translated error otherwise. Settings methods answer
// values or throw a CardDeskError (they are not Card API operations, so there is no outcome to show).
import type { ReactElement } from 'react';
import { ErrorNotice, Notice } from '../../components/Notice.tsx';

export function ResultNotice({
  state,
  success,
  testId,
}: {
  state: { result: unknown; error: unknown };
  success: string;
  testId: string;
}): ReactElement | null {
  if (state.error !== null && state.error !== undefined) return <ErrorNotice error={state.error} testId={testId} />;
  if (state.result === undefined) return null;
  return <Notice described={{ tone: 'success', message: success }} testId={testId} />;
}
