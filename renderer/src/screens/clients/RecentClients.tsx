// Clients created from this desk, newest first, from the operation journal (ids and masked phones only).
import { Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecentClients } from '../../api/recent.ts';
import { useNavigation } from '../../app/router.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { productLabel } from '../../tables/card-columns.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';

export function RecentClients(): ReactElement {
  const { t } = useTranslation(['clients', 'common']);
  const language = useLanguage();
  const { navigate } = useNavigation();
  const recent = useRecentClients();

  if (recent.error) return <ErrorNotice error={recent.error} testId="recent-clients-error" />;
  if (recent.data === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  if (recent.data.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="recent-clients-empty">
        {t('recent.empty')}
      </Text>
    );
  }
  return (
    <div className="client-table-scroll">
      <Table striped highlightOnHover data-testid="recent-clients" aria-label={t('recent.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('recent.clientId')}</Table.Th>
            <Table.Th scope="col">{t('recent.created')}</Table.Th>
            <Table.Th scope="col">{t('recent.phone')}</Table.Th>
            <Table.Th scope="col">{t('common:columns.product')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('recent.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recent.data.map((client) => (
            <Table.Tr key={client.clientId} data-testid="recent-client">
              <Table.Td className="mono">{client.clientId}</Table.Td>
              <Table.Td>{formatDateTime(client.at, language)}</Table.Td>
              <Table.Td className="mono">{client.phone ?? '—'}</Table.Td>
              <Table.Td>{client.productId === undefined ? '—' : productLabel(client.productId)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('recent.openClient', { clientId: client.clientId })}
                  onClick={() => {
                    navigate({ screen: 'client', clientId: client.clientId });
                  }}
                >
                  {t('common:action.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
