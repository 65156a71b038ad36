// About: what is running (name, version, platform, how the window talks to main) and against which environment.
import { Loader, Stack, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveProfile, useAppInfo } from '../../../api/shared-queries.ts';
import { EnvironmentBadge } from '../../../components/EnvironmentBadge.tsx';
import { ErrorNotice } from '../../../components/Notice.tsx';

/** Node's platform names as people know them; anything else as it came. */
const PLATFORM_NAMES: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

export function AboutTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const info = useAppInfo();
  const { active } = useActiveProfile();
  if (info.error !== null) return <ErrorNotice error={info.error} testId="about-error" />;
  if (info.data === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  const app = info.data;
  return (
    <Stack gap="md">
      <Title order={2} className="settings-section-title">
        {t('about.title')}
      </Title>
      <dl className="settings-facts" data-testid="about">
        <dt>{t('about.name')}</dt>
        <dd data-testid="about-name">{app.name}</dd>
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">
          <span className="mono">{app.version}</span>
          {app.development ? ` (${t('about.development')})` : ''}
        </dd>
        <dt>{t('about.platform')}</dt>
        <dd>{PLATFORM_NAMES[app.platform] ?? app.platform}</dd>
        <dt>{t('about.transport')}</dt>
        <dd data-testid="about-transport">{t(`about.transports.${app.transport}`)}</dd>
        <dt>{t('about.electron')}</dt>
        <dd data-testid="about-electron">{app.electron ?? t('about.browserPreview')}</dd>
        <dt>{t('about.environment')}</dt>
        <dd data-testid="about-environment">
          {active === undefined ? (
            t('common:frame.noProfile')
          ) : (
            <>
              <EnvironmentBadge environment={active.environment} />{' '}
              <span data-testid="about-profile-name">{active.name}</span>
            </>
          )}
        </dd>
      </dl>
    </Stack>
  );
}
