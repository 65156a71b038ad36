// A gift card's sale printed again from the lookup: the done activation of that card in the journal gives the
// mask, the balance when sold, the reference and the time (docs/operator-ui.md, printing). Nothing shows for a
// card this workstation did not sell.
import { Group } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useJournalSearch } from '../../api/journal.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ConfirmationPrint } from '../../print/ConfirmationPrint.tsx';
import { giftSoldFacts } from './gift-sold.ts';

/** Activations whose parameters hold `"card_id":<id>` (so also longer ids starting with it): the card's own is
 * picked from them by its id. The journal keeps parameters as compact JSON. */
const CANDIDATES = 20;

export function GiftSaleReprint({ cardId }: { cardId: number }): ReactElement | null {
  const { t } = useTranslation(['gift', 'common']);
  const language = useLanguage();
  const sales = useJournalSearch({
    op: 'gift.confirm',
    states: ['done'],
    text: `"card_id":${String(cardId)}`,
    limit: CANDIDATES,
  });
  const sale = sales.rows.find((entry) => entry.params.card_id === cardId);
  const mask = sale?.result?.card_mask;
  if (sale === undefined || typeof mask !== 'string') return null;
  return (
    <Group gap="xs">
      <ConfirmationPrint
        facts={giftSoldFacts(t, language, {
          mask,
          reference: sale.requestId,
          balance: sale.result?.card_balance,
          currency: sale.result?.card_currency,
        })}
        at={sale.updatedAt}
        label={t('lookup.printSale')}
        testId="gift-lookup-print"
      />
    </Group>
  );
}
