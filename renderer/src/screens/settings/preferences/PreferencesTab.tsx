// The operator's preferences: language, idle lock, kiosk; and what the policy allows this workstation to do.
import { Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../api/rights.ts';
import { useSettings } from '../../../api/shared-queries.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { PolicyMark } from '../PolicyMark.tsx';
import { groupKey } from '../profiles/profile-form.ts';
import { IdleLockField } from './IdleLockField.tsx';
import { KioskField } from './KioskField.tsx';
import { LanguageField } from './LanguageField.tsx';

export function PreferencesTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const settings = useSettings();
  // The language is every operator's; the idle lock and kiosk mode are an administrator's.
  const manages = useCan().call('settings.update');
  const view = settings.data;
  if (settings.error !== null) return <ErrorNotice error={settings.error} testId="preferences-error" />;
  if (view === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  const allowed = view.values.allowedOperations;
  return (
    <Stack gap="lg">
      <Title order={2} className="settings-section-title">
        {t('preferences.title')}
      </Title>
      <LanguageField view={view} />
      {manages && <IdleLockField view={view} />}
      {manages && <KioskField view={view} />}
      {allowed !== undefined && (
        <Stack gap={4} data-testid="allowed-operations">
          <Text fw={500} size="sm">
            {t('preferences.allowedOperations')}
          </Text>
          <Text size="sm">{allowed.map((group) => t(groupKey(group))).join(', ')}</Text>
          <PolicyMark view={view} setting="allowedOperations" />
        </Stack>
      )}
    </Stack>
  );
}
