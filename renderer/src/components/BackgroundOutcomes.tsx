// Outcomes of card requests that settled after their dialog was closed (api/in-flight.ts), shown by the frame on
// any screen until the operator dismisses them (a later action does not hide them: the operator may not have
// seen them yet); Requests keeps them too (docs/operator-ui.md, dialogs and long requests). The region sits below
// the header, never under it.
import { Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissSettled, useInFlight, type SettledWrite } from '../api/in-flight.ts';
import { useNavigation } from '../app/router.tsx';
import { describeError, describeOutcome } from '../i18n/describe-error.ts';
import { Notice } from './Notice.tsx';

function Settled({ write }: { write: SettledWrite }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { navigate } = useNavigation();
  const { outcome, error } = write;
  const described =
    error !== undefined || outcome === undefined ? describeError(t, error) : describeOutcome(t, outcome);
  const open = outcome?.kind === 'pending' || outcome?.kind === 'unknown';
  return (
    <Notice described={described} testId="background-outcome">
      <Text size="sm" data-testid="background-outcome-name">
        {t('actions.waiting.outcomeOf', { action: t(`actions.${write.action}.button`), cardId: write.cardId })}
      </Text>
      <Group mt="xs" gap="xs">
        {open && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              navigate({ screen: 'requests' });
            }}
            data-testid="background-outcome-requests"
          >
            {t('common:action.openRequests')}
          </Button>
        )}
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
    </Notice>
  );
}

export function BackgroundOutcomes(): ReactElement | null {
  const { t } = useTranslation('cards');
  const { settled } = useInFlight();
  if (settled.length === 0) return null;
  return (
    <div className="background-outcomes" aria-label={t('actions.waiting.region')} role="region">
      {settled.map((w) => (
        <Settled key={w.id} write={w} />
      ))}
    </div>
  );
}
