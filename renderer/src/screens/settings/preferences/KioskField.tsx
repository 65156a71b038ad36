// Kiosk mode (full screen, no way out without the administrator's PIN): shown as a switch the operator may
// turn on; a policy can fix it either way.
import { Stack, Switch } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../../common/contract/index.ts';
import { useUpdateSettings } from '../../../api/session.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { isLocked, PolicyMark } from '../PolicyMark.tsx';

export function KioskField({ view }: { view: SettingsView }): ReactElement {
  const { t } = useTranslation('settings');
  const update = useUpdateSettings();
  return (
    <Stack gap={4}>
      <Switch
        label={t('preferences.kiosk')}
        description={t('preferences.kioskHint')}
        checked={view.values.kiosk}
        disabled={isLocked(view, 'kiosk') || update.busy}
        onChange={(event) => {
          void update.run({ kiosk: event.currentTarget.checked });
        }}
        data-testid="kiosk-switch"
      />
      <PolicyMark view={view} setting="kiosk" />
      <WriteOutcome
        write={update}
        done={view.values.kiosk ? t('preferences.kioskOn') : t('preferences.kioskOff')}
        testId="kiosk-result"
      />
    </Stack>
  );
}
