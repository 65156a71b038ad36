// Settings: connection profiles, their secrets, the operator's preferences, the operator PIN and lock, and
// what is running. One tab at a time is mounted, so a tab's reads run only while it is open.
import { Tabs } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AboutTab } from './about/AboutTab.tsx';
import { PreferencesTab } from './preferences/PreferencesTab.tsx';
import { ProfilesTab } from './profiles/ProfilesTab.tsx';
import { SecretTab } from './secret/SecretTab.tsx';
import { SecurityTab } from './security/SecurityTab.tsx';
import './settings.css';

const TABS = ['profiles', 'secret', 'preferences', 'security', 'about'] as const;
type Tab = (typeof TABS)[number];

const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

const PANELS: Record<Tab, () => ReactElement> = {
  profiles: ProfilesTab,
  secret: SecretTab,
  preferences: PreferencesTab,
  security: SecurityTab,
  about: AboutTab,
};

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation('settings');
  const [tab, setTab] = useState<Tab>('profiles');
  return (
    <div data-testid="settings-screen">
      <PageHeader title={t('title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) setTab(value);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('tabsLabel')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`settings-tab-${value}`}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((value) => {
          const Panel = PANELS[value];
          return (
            <Tabs.Panel key={value} value={value} pt="md" data-testid={`settings-panel-${value}`}>
              <Panel />
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </div>
  );
}
