// One card: what it is, its secret data (masked until revealed), the actions its status allows, its balance,
// statement and limits, and its timeline of actions from the journal.
import { Button, Group, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { cardKeys, useCardInfo, useRefreshOnCardEvents } from '../../api/cards.ts';
import { useNavigation } from '../../app/router.tsx';
import { ErrorNotice } from '../../components/Notice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ActionsPanel } from './actions/ActionsPanel.tsx';
import { lastFour } from './card-actions.ts';
import { CardHistory } from './CardHistory.tsx';
import { SecretPanel } from './secret/SecretPanel.tsx';
import { BalancePanel } from './summary/BalancePanel.tsx';
import { CardSummary } from './summary/CardSummary.tsx';
import { CardTimeline } from './timeline/CardTimeline.tsx';
import './cards.css';

export function CardScreen({ cardId }: { cardId: string }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { navigate } = useNavigation();
  const client = useQueryClient();
  const info = useCardInfo(cardId);
  useRefreshOnCardEvents(cardId);
  const card = info.data;

  const header = (
    <Group gap="xs">
      <Button
        variant="default"
        size="sm"
        onClick={() => {
          navigate({ screen: 'cards' });
        }}
        data-testid="back-to-cards"
      >
        {t('card.allCards')}
      </Button>
      <Button
        variant="default"
        size="sm"
        loading={info.isFetching}
        onClick={() => void client.invalidateQueries({ queryKey: cardKeys.all(cardId) })}
        data-testid="card-refresh"
      >
        {t('common:action.refresh')}
      </Button>
    </Group>
  );

  return (
    <div className="card-screen" data-testid="card-screen">
      <PageHeader title={card ? t('card.title', { mask: card.card_mask }) : t('card.titleLoading')} actions={header} />
      {info.isPending && <Loader aria-label={t('common:state.loading')} />}
      {info.error && <ErrorNotice error={info.error} testId="card-error" />}
      {card && (
        <Stack gap="md">
          <div className="card-top">
            <CardSummary card={card} />
            <SecretPanel cardId={cardId} mask={card.card_mask} closed={card.status === 'closed'} />
          </div>
          <ActionsPanel card={card} />
          <BalancePanel cardId={cardId} />
          <CardHistory cardId={cardId} last4={lastFour(card.card_mask)} />
          <CardTimeline cardId={cardId} />
        </Stack>
      )}
    </div>
  );
}
