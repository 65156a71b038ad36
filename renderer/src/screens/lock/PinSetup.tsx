// Asking for an operator PIN on a workstation that has none (docs/operator-ui.md, frame and navigation): without
// one the session never locks. When a policy requires a PIN, the form is the only screen until it is set;
// otherwise a notice above the screen offers it and "Not now" hides it until the app is opened again.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetOperatorPin } from '../../api/session.ts';
import { PinForm } from '../settings/security/PinForm.tsx';
import './lock.css';

/** The notice was put off in this run of the app (memory only: it asks again at the next start). */
let putOff = false;

export function PinSetupScreen(): ReactElement {
  const { t } = useTranslation(['lock', 'common']);
  const save = useSetOperatorPin();
  return (
    <main className="lock-screen" data-testid="pin-setup-screen">
      <Paper withBorder shadow="sm" p="xl" className="lock-card">
        <Stack gap="md">
          <div>
            <Text fw={700} size="lg">
              {t('common:appName')}
            </Text>
            <Title order={1} className="lock-title">
              {t('setup.title')}
            </Title>
          </div>
          <Text size="sm">{t('setup.required')}</Text>
          <PinForm pinSet={false} save={save} />
        </Stack>
      </Paper>
    </main>
  );
}

export function PinSetupNotice(): ReactElement | null {
  const { t } = useTranslation(['lock']);
  const save = useSetOperatorPin();
  const [hidden, setHidden] = useState(putOff);
  const [open, setOpen] = useState(false);
  if (hidden) return null;
  return (
    // One line above the screen (two at 1024 wide), so that it costs the screen little room.
    <Alert
      color="blue"
      variant="light"
      mb="md"
      p="xs"
      data-testid="pin-setup-notice"
      role="region"
      aria-label={t('setup.title')}
    >
      {open ? (
        <Stack gap="sm">
          <Text size="sm">{t('setup.notice')}</Text>
          <PinForm pinSet={false} save={save} />
        </Stack>
      ) : (
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Text size="sm" className="pin-setup-text">
            {t('setup.notice')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              onClick={() => {
                setOpen(true);
              }}
              data-testid="pin-setup-open"
            >
              {t('setup.setNow')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                putOff = true;
                setHidden(true);
              }}
              data-testid="pin-setup-later"
            >
              {t('setup.later')}
            </Button>
          </Group>
        </Group>
      )}
    </Alert>
  );
}
