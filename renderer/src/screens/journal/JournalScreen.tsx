// Journal: every journaled operation (search, details, CSV) and the audit trail of operator actions, in tabs,
// each for an operator whose rights include it. Only the open tab is mounted, so the audit trail is read when the
// operator asks for it.
import { Stack, Tabs } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/rights.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AuditTab } from './AuditTab.tsx';
import { OperationsTab } from './OperationsTab.tsx';
import '../requests/requests.css';

export function JournalScreen(): ReactElement {
  const { t } = useTranslation('journal');
  const can = useCan();
  const operations = can.call('journal.search');
  const audit = can.call('journal.audit');
  return (
    <Stack gap="sm" data-testid="journal-screen">
      <PageHeader title={t('title')} />
      <Tabs defaultValue={operations ? 'operations' : 'audit'} keepMounted={false}>
        <Tabs.List>
          {operations && (
            <Tabs.Tab value="operations" data-testid="tab-operations">
              {t('tabs.operations')}
            </Tabs.Tab>
          )}
          {audit && (
            <Tabs.Tab value="audit" data-testid="tab-audit">
              {t('tabs.audit')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        {operations && (
          <Tabs.Panel value="operations" pt="sm">
            <OperationsTab />
          </Tabs.Panel>
        )}
        {audit && (
          <Tabs.Panel value="audit" pt="sm">
            <AuditTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
