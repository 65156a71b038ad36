// Journal: every journaled operation (search, details, CSV) and the audit trail of operator actions, in tabs.
// Only the open tab is mounted, so the audit trail is read when the operator asks for it.
import { Stack, Tabs } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AuditTab } from './AuditTab.tsx';
import { OperationsTab } from './OperationsTab.tsx';
import '../requests/requests.css';

export function JournalScreen(): ReactElement {
  const { t } = useTranslation('journal');
  return (
    <Stack gap="sm" data-testid="journal-screen">
      <PageHeader title={t('title')} />
      <Tabs defaultValue="operations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="operations" data-testid="tab-operations">
            {t('tabs.operations')}
          </Tabs.Tab>
          <Tabs.Tab value="audit" data-testid="tab-audit">
            {t('tabs.audit')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="operations" pt="sm">
          <OperationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="sm">
          <AuditTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
