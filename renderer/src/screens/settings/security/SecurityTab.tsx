// Security: the signed-in operator's own PIN or passphrase, and locking now (only the same operator may sign in
// again; docs/operator-ui.md, signing in).
import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLock } from '../../../api/session.ts';
import { useSession } from '../../../api/shared-queries.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { OwnSecretForm } from './OwnSecretForm.tsx';

export function SecurityTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const session = useSession();
  const lock = useLock();
  if (session.error !== null) return <ErrorNotice error={session.error} testId="security-error" />;
  if (session.data === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  const { idleLockMinutes, operator } = session.data;

  return (
    <Stack gap="lg">
      <section aria-labelledby="security-secret-title">
        <Title order={2} id="security-secret-title" className="settings-section-title">
          {t('security.secretTitle')}
        </Title>
        <Text className="settings-note" data-testid="secret-state">
          {t('security.secretNote', { name: operator?.name ?? '', minutes: idleLockMinutes })}
        </Text>
        <OwnSecretForm />
      </section>
      <section aria-labelledby="security-lock-title">
        <Title order={2} id="security-lock-title" className="settings-section-title">
          {t('security.lockTitle')}
        </Title>
        <Text className="settings-note">{t('security.lockHint')}</Text>
        <Button variant="default" loading={lock.busy} onClick={() => void lock.run()} data-testid="lock-now">
          {t('security.lockNow')}
        </Button>
        <WriteOutcome write={lock} only="problems" testId="lock-now-error" />
      </section>
    </Stack>
  );
}
