// The lock screen, mounted instead of the frame while the session is locked. It shows the app's name and a
// PIN field, nothing else: no profile, no card, no client (only app.info and session.* work while locked).
import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { useUnlock } from './use-unlock.ts';
import './lock.css';

const PIN_FORMAT = /^\d{4,12}$/;

export function LockScreen(): ReactElement {
  const { t } = useTranslation(['lock', 'common']);
  const attempt = useUnlock();
  const { unlock, busy, paused } = attempt;
  // The PIN lives in this field only while typed; it is cleared after every attempt.
  const [pin, setPin] = useState('');
  const [formatError, setFormatError] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  async function submit(): Promise<void> {
    if (busy || paused) return;
    if (!PIN_FORMAT.test(pin)) {
      setFormatError(true);
      field.current?.focus();
      return;
    }
    setFormatError(false);
    const value = pin;
    setPin('');
    const ok = await unlock(value);
    if (!ok) field.current?.focus();
  }

  return (
    <main className="lock-screen" data-testid="lock-screen">
      <Paper withBorder shadow="sm" p="xl" className="lock-card">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <div>
              <Text fw={700} size="lg" data-testid="lock-app-name">
                {t('common:appName')}
              </Text>
              <Title order={1} className="lock-title">
                {t('title')}
              </Title>
            </div>
            <PasswordInput
              ref={field}
              label={t('pin')}
              description={t('hint')}
              value={pin}
              onChange={(event) => {
                setPin(event.currentTarget.value);
                setFormatError(false);
              }}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              required
              withAsterisk={false}
              autoFocus
              error={formatError ? t('pinFormat') : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('showPin') }}
              data-testid="lock-pin"
            />
            <Button type="submit" loading={busy} disabled={paused} fullWidth data-testid="lock-unlock">
              {t('unlock')}
            </Button>
            <WriteOutcome write={attempt} only="problems" testId="lock-error" />
            {paused && (
              <Text size="sm" c="dimmed" role="status" data-testid="lock-paused">
                {t('paused')}
              </Text>
            )}
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
