// Security: the operator PIN and locking now. Without a PIN there is nothing to unlock with, so locking waits
// until one is set.
import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLock, useSetOperatorPin } from '../../../api/session.ts';
import { useSession } from '../../../api/shared-queries.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { PinForm } from './PinForm.tsx';

export function SecurityTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const session = useSession();
  // The frame's Lock button follows the session query, which the PIN's answer goes into.
  const setPin = useSetOperatorPin();
  const lock = useLock();
  if (session.error !== null) return <ErrorNotice error={session.error} testId="security-error" />;
  if (session.data === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  const { pinSet, idleLockMinutes } = session.data;

  return (
    <Stack gap="lg">
      <section aria-labelledby="security-pin-title">
        <Title order={2} id="security-pin-title" className="settings-section-title">
          {t('security.pinTitle')}
        </Title>
        <Text className="settings-note" data-testid="pin-state">
          {pinSet ? t('security.pinIsSet', { count: idleLockMinutes }) : t('security.pinNotSet')}
        </Text>
        {/* A new form when the PIN becomes set: the "current PIN" field appears. */}
        <PinForm key={String(pinSet)} pinSet={pinSet} save={setPin} />
        <WriteOutcome write={setPin} only="results" done={t('security.pinSaved')} testId="pin-saved" />
      </section>
      <section aria-labelledby="security-lock-title">
        <Title order={2} id="security-lock-title" className="settings-section-title">
          {t('security.lockTitle')}
        </Title>
        <Text className="settings-note">{pinSet ? t('security.lockHint') : t('security.lockNeedsPin')}</Text>
        <Button
          variant="default"
          disabled={!pinSet}
          loading={lock.busy}
          onClick={() => void lock.run()}
          data-testid="lock-now"
        >
          {t('security.lockNow')}
        </Button>
        <WriteOutcome write={lock} only="problems" testId="lock-now-error" />
      </section>
    </Stack>
  );
}
