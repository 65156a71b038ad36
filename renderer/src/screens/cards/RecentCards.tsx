// Recently issued cards (from this workstation's journal), each opening its card page.
import { Button, Loader, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecentCards } from '../../api/recent.ts';
import { useNavigation } from '../../app/router.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';

export function RecentCards(): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const language = useLanguage();
  const { navigate } = useNavigation();
  const recent = useRecentCards();
  return (
    <Paper withBorder p="md" className="card-panel" data-testid="recent-cards">
      <Title order={2} className="card-panel-title">
        {t('list.recentTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('list.recentHint')}
      </Text>
      {recent.isPending && <Loader size="sm" aria-label={t('common:state.loading')} />}
      {recent.error && <ErrorNotice error={recent.error} testId="recent-error" />}
      {recent.data?.length === 0 && <Text data-testid="recent-empty">{t('list.recentEmpty')}</Text>}
      {recent.data !== undefined && recent.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('list.recentTitle')} className="card-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.cardId')}</Table.Th>
                <Table.Th scope="col">{t('common:columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('list.client')}</Table.Th>
                <Table.Th scope="col">{t('list.issuedAt')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('list.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.data.map((card) => (
                <Table.Tr key={card.cardId} data-testid="recent-card">
                  <Table.Td className="mono">{card.cardId}</Table.Td>
                  <Table.Td>{t(`common:cardKind.${card.kind}`)}</Table.Td>
                  <Table.Td className="mono">{card.clientId ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(card.at, language)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={t('list.openCard', { cardId: card.cardId })}
                      data-testid="recent-open"
                      onClick={() => {
                        navigate({ screen: 'card', cardId: card.cardId });
                      }}
                    >
                      {t('common:action.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
