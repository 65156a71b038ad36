// The client's cards in the shared virtual table: filter, arrows to move, Enter or click to open a card.
import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardView } from '../../../../../common/contract/index.ts';
import { useClientCards, useRefreshClientOnSettled } from '../../../api/clients.ts';
import { useNavigation } from '../../../app/router.tsx';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { VirtualTable } from '../../../components/VirtualTable.tsx';
import { cardColumns, cardSearchText } from '../../../tables/card-columns.tsx';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 36;
const MAX_HEIGHT = 360;

export function ClientCards({ clientId }: { clientId: string }): ReactElement {
  const { t } = useTranslation(['clients', 'common']);
  const { t: tCommon } = useTranslation('common');
  const { navigate } = useNavigation();
  const cards = useClientCards(clientId);
  useRefreshClientOnSettled(clientId);
  const [filter, setFilter] = useState('');
  const columns = useMemo(() => cardColumns(tCommon), [tCommon]);
  const rows: readonly CardView[] = cards.data ?? [];
  const height = Math.min(MAX_HEIGHT, HEADER_HEIGHT + Math.max(rows.length, 2) * ROW_HEIGHT + 2);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2} size="h4" id="client-cards-title">
            {t('cards.title')}
          </Title>
          {cards.data !== undefined && (
            <Text size="sm" c="dimmed" data-testid="client-cards-count">
              {t('cards.count', { count: cards.data.length })}
            </Text>
          )}
        </Group>
        <Button
          size="xs"
          variant="default"
          loading={cards.isFetching}
          onClick={() => void cards.refetch()}
          data-testid="client-cards-refresh"
        >
          {t('common:action.refresh')}
        </Button>
      </Group>
      {cards.error !== null ? (
        <ErrorNotice error={cards.error} testId="client-cards-error" />
      ) : cards.data === undefined ? (
        <Group gap="xs" aria-busy="true">
          <Loader size="sm" aria-label={t('cards.loading')} />
          <Text size="sm">{t('cards.loading')}</Text>
        </Group>
      ) : (
        <>
          {cards.data.length > 0 && (
            <TextInput
              className="client-field-short"
              label={t('common:table.filter')}
              description={t('cards.filterHint')}
              value={filter}
              onChange={(event) => {
                setFilter(event.currentTarget.value);
              }}
              autoComplete="off"
              data-testid="client-cards-filter"
            />
          )}
          <VirtualTable
            label={t('cards.label', { clientId })}
            columns={columns}
            rows={rows}
            searchText={cardSearchText}
            filter={filter}
            onOpen={(card) => {
              navigate({ screen: 'card', cardId: card.card_id });
            }}
            height={height}
            rowHeight={ROW_HEIGHT}
            empty={t('cards.empty')}
            noMatches={t('common:state.noMatches')}
            testId="client-cards"
          />
        </>
      )}
    </Stack>
  );
}
