// Clients created from this desk, newest first, from the operation journal (ids and masked phones only).
import { Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';
import { resultString } from '../../api/outcome.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useNavigation } from '../../app/router.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { productLabel } from '../../tables/card-columns.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';

interface RecentClient {
  clientId: string;
  at: number;
  phone: string | undefined;
  productId: number | undefined;
}

function recentClient(entry: JournalEntryView): RecentClient | undefined {
  const clientId = entry.result === undefined ? undefined : resultString(entry.result, 'client_id');
  if (clientId === undefined) return undefined;
  const client = entry.params.client as Record<string, unknown> | undefined;
  const phone = client?.phone;
  const productId = entry.params.product_id;
  return {
    clientId,
    at: entry.at,
    phone: typeof phone === 'string' ? phone : undefined,
    productId: typeof productId === 'number' ? productId : undefined,
  };
}

/** Under the journal key, so a finished client.create (requests.changed) refreshes the list. */
const recentKey = [...queryKeys.journal, 'recent-clients'] as const;

export function RecentClients(): ReactElement {
  const { t } = useTranslation(['clients', 'common']);
  const language = useLanguage();
  const { navigate } = useNavigation();
  const recent = useQuery({
    queryKey: recentKey,
    queryFn: async () => {
      const { entries } = await cardDesk().journal.search({ op: 'client.create', states: ['done'], limit: 50 });
      return entries.map(recentClient).filter((c) => c !== undefined);
    },
  });

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
