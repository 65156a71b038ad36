// The card's requests whose dialog was closed while they were in flight: they go on, and the frame shows their
// outcome when they settle (docs/operator-ui.md, dialogs and long requests).
import { Alert } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useInFlight } from '../../../api/in-flight.ts';
import { useNow } from '../../../components/use-now.ts';

export function DetachedWrites({ cardId }: { cardId: string }): ReactElement | null {
  const { t } = useTranslation('cards');
  const writes = useInFlight().running.filter((w) => w.cardId === cardId && w.detached);
  const now = useNow(writes.length > 0);
  if (writes.length === 0) return null;
  return (
    <Alert color="blue" variant="light" role="status" data-testid="action-in-flight">
      {writes.map((w) => (
        <p key={w.id} className="notice-message">
          {t('actions.waiting.detached', {
            action: t(`actions.${w.action}.button`),
            seconds: Math.max(0, Math.floor((now - w.startedAt) / 1000)),
          })}
        </p>
      ))}
    </Alert>
  );
}
