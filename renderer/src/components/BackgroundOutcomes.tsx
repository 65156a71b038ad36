// Outcomes of card requests that settled after their dialog was closed (api/in-flight.ts), shown by the frame on
// any screen until the operator dismisses them; Requests keeps them too (docs/operator-ui.md, dialogs and long
// requests). The region sits below the header, never under it.
import { Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissSettled, useInFlight, type SettledWrite } from '../api/in-flight.ts';
import { describeError } from '../i18n/describe-error.ts';
import { Notice } from './Notice.tsx';
import { WriteOutcome } from './WriteOutcome.tsx';

function About({ write }: { write: SettledWrite }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  return (
    <>
      <Text size="sm" data-testid="background-outcome-name">
        {t('actions.waiting.outcomeOf', { action: t(`actions.${write.action}.button`), cardId: write.cardId })}
      </Text>
      <Group mt="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            dismissSettled(write.id);
          }}
          data-testid="background-outcome-dismiss"
        >
          {t('common:action.close')}
        </Button>
      </Group>
    </>
  );
}

export function BackgroundOutcomes(): ReactElement | null {
  const { t } = useTranslation(['cards', 'common']);
  const { settled } = useInFlight();
  if (settled.length === 0) return null;
  return (
    <div className="background-outcomes" aria-label={t('actions.waiting.region')} role="region">
      {settled.map((w) =>
        w.error !== undefined ? (
          <Notice key={w.id} described={describeError(t, w.error)} testId="background-outcome">
            <About write={w} />
          </Notice>
        ) : (
          <WriteOutcome
            key={w.id}
            write={{ result: w.outcome, error: undefined }}
            testId="background-outcome"
            followInRequests
          >
            <About write={w} />
          </WriteOutcome>
        ),
      )}
    </div>
  );
}
