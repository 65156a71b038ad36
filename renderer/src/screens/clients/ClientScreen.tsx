// One client: its cards, and what an operator does for it — issue a virtual or plastic card, change the phone,
// link a bulk-issued card. The Card API has no "client info" read, so the page is the id and its cards.
import { Anchor, Breadcrumbs, Paper, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/router.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ClientCards } from './client/ClientCards.tsx';
import { IssuePlasticCard } from './client/IssuePlasticCard.tsx';
import { IssueVirtualCard } from './client/IssueVirtualCard.tsx';
import { LinkCardForm } from './client/LinkCardForm.tsx';
import { UpdatePhoneForm } from './client/UpdatePhoneForm.tsx';
import './clients.css';
import { PRIMARY } from '../../components/colors.ts';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }): ReactElement {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function ClientScreen({ clientId }: { clientId: string }): ReactElement {
  const { t } = useTranslation('clients');
  const { navigate } = useNavigation();
  return (
    <div className="clients-screen">
      <nav aria-label={t('client.breadcrumbs')} className="client-breadcrumbs">
        <Breadcrumbs>
          <Anchor
            component="button"
            type="button"
            size="sm"
            c={PRIMARY}
            onClick={() => {
              navigate({ screen: 'clients' });
            }}
            data-testid="client-back"
          >
            {t('title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {clientId}
          </Text>
        </Breadcrumbs>
      </nav>
      <PageHeader title={t('client.title', { clientId })} />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="client-cards-title">
        <ClientCards clientId={clientId} />
      </Paper>
      <div className="client-actions">
        <Panel id="client-issue-virtual" title={t('issue.virtualTitle')}>
          <IssueVirtualCard clientId={clientId} />
        </Panel>
        <Panel id="client-issue-plastic" title={t('issue.plasticTitle')}>
          <IssuePlasticCard clientId={clientId} />
        </Panel>
        <Panel id="client-phone" title={t('phone.title')}>
          <UpdatePhoneForm clientId={clientId} />
        </Panel>
        <Panel id="client-link" title={t('link.title')}>
          <LinkCardForm clientId={clientId} />
        </Panel>
      </div>
    </div>
  );
}
