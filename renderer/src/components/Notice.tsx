// A notice: what happened as a sentence in the operator's language, with the raw code behind "Details", in the
// tone of its kind. A read's error is an ErrorNotice; a write's result is a WriteOutcome (WriteOutcome.tsx).
import { Alert } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type Described, type Tone } from '../i18n/describe-error.ts';

const COLOR: Record<Tone, string> = { success: 'green', info: 'blue', warning: 'yellow', error: 'red' };

export function Notice({
  described,
  children,
  testId,
}: {
  described: Described;
  children?: ReactNode;
  testId?: string;
}): ReactElement {
  const { t } = useTranslation();
  // Errors interrupt (role alert); the rest is announced politely.
  const role = described.tone === 'error' ? 'alert' : 'status';
  return (
    <Alert color={COLOR[described.tone]} role={role} data-testid={testId} data-tone={described.tone} variant="light">
      <p className="notice-message">{described.message}</p>
      {described.detail !== undefined && (
        <details className="notice-detail">
          <summary>{t('action.details')}</summary>
          <code>{described.detail}</code>
        </details>
      )}
      {children}
    </Alert>
  );
}

export function ErrorNotice({ error, testId = 'error' }: { error: unknown; testId?: string }): ReactElement {
  const { t } = useTranslation();
  return <Notice described={describeError(t, error)} testId={testId} />;
}
