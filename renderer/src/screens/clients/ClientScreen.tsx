// One client: its data as this workstation knows it, its cards, and what an operator does for it — issue a
// virtual or plastic card, change the phone, link a bulk-issued card. The Card API has no "client info" read, so
// the data is the workstation's directory's (docs/operator-ui.md, finding a client or a card); a client it does
// not know is shown as such and offers no actions. While an
// operation for the client is open, the page says when Card Desk asks the bank next, and the action that sent it
// waits (docs/architecture.md, live reconciliation).
import { Anchor, Breadcrumbs, Paper, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectoryClient } from '../../api/directory.ts';
import { useOpenChecks } from '../../api/open-checks.ts';
import { OpenChecksNotice } from '../../components/OpenChecks.tsx';
import { opLabel } from '../../i18n/op-names.ts';
import { useNavigation } from '../../app/router.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ClientCards } from './client/ClientCards.tsx';
import { ClientData } from './client/ClientData.tsx';
import { IssuePlasticCard } from './client/IssuePlasticCard.tsx';
import { IssueVirtualCard } from './client/IssueVirtualCard.tsx';
import { LinkCardForm } from './client/LinkCardForm.tsx';
import { UpdatePhoneForm } from './client/UpdatePhoneForm.tsx';
import './clients.css';
import { PRIMARY } from '../../components/colors.ts';

/** The operation each panel sends: it must not be sent again while one is open for this client. */
const PANEL_OP = {
  'client-issue-virtual': 'card.issue',
  'client-issue-plastic': 'card.issuePlastic',
  'client-phone': 'client.update',
  'client-link': 'card.link',
} as const;
type PanelId = keyof typeof PANEL_OP;

function Panel({
  id,
  title,
  waiting,
  children,
}: {
  id: PanelId;
  title: string;
  /** Why the panel waits (its operation is open), or undefined. */
  waiting: string | undefined;
  children: ReactNode;
}): ReactElement {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {waiting !== undefined && (
        <Text size="sm" mb="xs" data-testid={`${id}-waiting`}>
          {waiting}
        </Text>
      )}
      {children}
    </Paper>
  );
}

export function ClientScreen({ clientId }: { clientId: string }): ReactElement {
  const { t } = useTranslation(['clients', 'requests', 'journal']);
  const { navigate } = useNavigation();
  const openOps = useOpenChecks({ clientId }).data ?? [];
  const known = useDirectoryClient(clientId);
  // With the directory on, a client it does not know was not created or opened here: nothing is offered for it.
  const unknown = known.data?.known === false && known.data.enabled;
  const waiting = (id: PanelId): string | undefined => {
    const op = openOps.find((check) => check.op === PANEL_OP[id])?.op;
    return op === undefined ? undefined : t('requests:checks.actionWaits', { op: opLabel(t, op) });
  };
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
      <OpenChecksNotice checks={openOps} testId="client-open-checks" />
      <ClientData view={known.data} error={known.error} />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="client-cards-title">
        <ClientCards clientId={clientId} />
      </Paper>
      {!unknown && (
        <div className="client-actions">
          <Panel id="client-issue-virtual" title={t('issue.virtualTitle')} waiting={waiting('client-issue-virtual')}>
            <IssueVirtualCard clientId={clientId} waiting={waiting('client-issue-virtual') !== undefined} />
          </Panel>
          <Panel id="client-issue-plastic" title={t('issue.plasticTitle')} waiting={waiting('client-issue-plastic')}>
            <IssuePlasticCard clientId={clientId} waiting={waiting('client-issue-plastic') !== undefined} />
          </Panel>
          <Panel id="client-phone" title={t('phone.title')} waiting={waiting('client-phone')}>
            <UpdatePhoneForm clientId={clientId} waiting={waiting('client-phone') !== undefined} />
          </Panel>
          <Panel id="client-link" title={t('link.title')} waiting={waiting('client-link')}>
            <LinkCardForm clientId={clientId} waiting={waiting('client-link') !== undefined} />
          </Panel>
        </div>
      )}
    </div>
  );
}
