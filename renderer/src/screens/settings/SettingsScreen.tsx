// Settings: connection profiles, their secrets, the preferences, the operator's own secret and lock, the
// operators, and what is running. Each operator sees the tabs their rights allow; one tab at a time is mounted,
// so a tab's reads run only while it is open.
import { Tabs } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, type Can } from '../../api/rights.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OperatorsTab } from './operators/OperatorsTab.tsx';
import { AboutTab } from './about/AboutTab.tsx';
import { PreferencesTab } from './preferences/PreferencesTab.tsx';
import { ProfilesTab } from './profiles/ProfilesTab.tsx';
import { SecretTab } from './secret/SecretTab.tsx';
import { SecurityTab } from './security/SecurityTab.tsx';
import './settings.css';

const TABS = ['profiles', 'secret', 'preferences', 'security', 'operators', 'about'] as const;
type Tab = (typeof TABS)[number];

const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

const PANELS: Record<Tab, () => ReactElement> = {
  profiles: ProfilesTab,
  secret: SecretTab,
  preferences: PreferencesTab,
  security: SecurityTab,
  operators: OperatorsTab,
  about: AboutTab,
};

/** The preferences (the language), the operator's own secret and About are everyone's. */
const ALLOWED: Record<Tab, (can: Can) => boolean> = {
  profiles: (can) => can.call('profiles.list'),
  secret: (can) => can.call('vault.setSecret'),
  preferences: () => true,
  security: () => true,
  operators: (can) => can.call('operators.list'),
  about: () => true,
};

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation('settings');
  const can = useCan();
  const tabs = TABS.filter((value) => ALLOWED[value](can));
  const [chosen, setTab] = useState<Tab>('profiles');
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] ?? 'about');
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
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`settings-tab-${value}`}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((value) => {
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
