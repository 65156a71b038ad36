// The Clients section: create a client (docs/card-api.md, payment-card catalog), or open one by id or from the clients created here.
import { Paper, Stack, Tabs, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import './clients.css';
import { NewClientPanel } from './NewClientPanel.tsx';
import { draftOf } from '../../app/drafts.ts';
import { NEW_CLIENT_DRAFT } from './client-form/ClientForm.tsx';
import { OpenClientForm } from './OpenClientForm.tsx';
import { RecentClients } from './RecentClients.tsx';

export function ClientsScreen(): ReactElement {
  const { t } = useTranslation('clients');
  return (
    <div className="clients-screen">
      <PageHeader title={t('title')} />
      {/* A half-filled new client brings the operator back to its tab (docs/operator-ui.md, forms and drafts). */}
      <Tabs defaultValue={draftOf(NEW_CLIENT_DRAFT) === undefined ? 'find' : 'new'}>
        <Tabs.List mb="md">
          <Tabs.Tab value="find" data-testid="clients-tab-find">
            {t('tabs.find')}
          </Tabs.Tab>
          <Tabs.Tab value="new" data-testid="clients-tab-new">
            {t('tabs.new')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="find">
          <Stack gap="lg" className="clients-find">
            <Paper withBorder p="md" component="section" aria-labelledby="clients-open-title">
              <Title order={2} size="h4" id="clients-open-title" mb="sm">
                {t('open.title')}
              </Title>
              <OpenClientForm />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="clients-recent-title">
              <Title order={2} size="h4" id="clients-recent-title" mb="sm">
                {t('recent.title')}
              </Title>
              <RecentClients />
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="new" className="clients-new">
          <NewClientPanel />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
