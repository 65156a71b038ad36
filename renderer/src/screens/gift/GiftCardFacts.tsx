// A gift card's state as the API reports it (confirm and status): status word, balance, currency, mask.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { GiftCardState } from '../../../../common/contract/index.ts';
import { formatMoney } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { giftStatusWord, type GiftStatusWord } from './gift-words.ts';

/** Tones of gift-card.css (colour pairs that keep AA contrast); the word is always there too. */
const STATUS_TONE: Record<GiftStatusWord, string> = {
  unknown: 'neutral',
  issued: 'info',
  activated: 'good',
  canceled: 'neutral',
  blocked: 'bad',
  expired: 'warn',
};

export function GiftStatusBadge({ status }: { status: number }): ReactElement {
  const { t } = useTranslation('gift');
  const word = giftStatusWord(status);
  // A value outside the dictionary is shown as it came, never as an error (docs/card-api.md, dictionaries).
  return (
    <span
      className={`gift-pill gift-pill-${word ? STATUS_TONE[word] : 'neutral'}`}
      data-testid="gift-status"
      data-status={status}
    >
      {word ? t(`cardStatus.${word}`) : String(status)}
    </span>
  );
}

export function GiftCardFacts({
  cardId,
  state,
  testId,
}: {
  cardId: number;
  state: GiftCardState;
  testId?: string;
}): ReactElement {
  const { t } = useTranslation('gift');
  const language = useLanguage();
  return (
    <dl className="gift-facts" data-testid={testId}>
      <dt>{t('facts.cardId')}</dt>
      <dd className="mono">{cardId}</dd>
      <dt>{t('facts.status')}</dt>
      <dd>
        <GiftStatusBadge status={state.card_status} />
      </dd>
      <dt>{t('facts.balance')}</dt>
      <dd className="gift-balance" data-testid="gift-balance">
        {formatMoney(state.card_balance, state.card_currency, language)}
      </dd>
      <dt>{t('facts.currency')}</dt>
      <dd>{state.card_currency}</dd>
      <dt>{t('facts.mask')}</dt>
      <dd className="mono">{state.card_mask}</dd>
    </dl>
  );
}
