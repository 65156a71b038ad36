// What the card is: number (masked), status, expiry, product, kind, holder and the client it belongs to.
import { Button, Paper, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardView } from '../../../../../common/contract/index.ts';
import { useNavigation } from '../../../app/router.tsx';
import { cardStatusLabel, productLabel } from '../../../tables/card-columns.tsx';

function kindLabel(t: (key: string) => string, kind: string): string {
  return kind === 'plastic' || kind === 'virtual' ? t(`common:cardKind.${kind}`) : kind;
}

export function CardSummary({ card }: { card: CardView }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  // Shared helpers look their words up in the common namespace.
  const { t: tc } = useTranslation('common');
  const { navigate } = useNavigation();
  const clientId = card.client_id;
  return (
    <Paper withBorder p="md" className="card-panel" data-testid="card-summary">
      <Title order={2} className="card-panel-title">
        {t('summary.title')}
      </Title>
      <dl className="card-facts">
        <dt>{t('summary.number')}</dt>
        <dd className="mono" data-testid="card-mask">
          {card.card_mask}
        </dd>
        <dt>{t('summary.status')}</dt>
        <dd>
          <span
            className={`card-status card-status-${card.status}`}
            data-testid="card-status"
            data-status={card.status}
          >
            {cardStatusLabel(tc, card.status)}
          </span>
        </dd>
        <dt>{t('summary.expiry')}</dt>
        <dd>{card.expiry}</dd>
        <dt>{t('summary.product')}</dt>
        <dd>{productLabel(card.product_id)}</dd>
        <dt>{t('summary.kind')}</dt>
        <dd>{kindLabel(t, card.kind)}</dd>
        <dt>{t('summary.holder')}</dt>
        <dd>{card.cardholder_name}</dd>
        <dt>{t('summary.cardId')}</dt>
        <dd className="mono">{card.card_id}</dd>
        <dt>{t('summary.client')}</dt>
        <dd>
          {clientId === null ? (
            t('summary.noClient')
          ) : (
            <Button
              variant="subtle"
              size="compact-sm"
              className="card-client-link"
              data-testid="open-client"
              aria-label={t('summary.openClient', { clientId })}
              onClick={() => {
                navigate({ screen: 'client', clientId });
              }}
            >
              {clientId}
            </Button>
          )}
        </dd>
      </dl>
    </Paper>
  );
}
