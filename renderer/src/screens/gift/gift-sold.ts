// What a gift card sold prints: the activation's answer right after the sale, or its journal record when printed
// again (docs/operator-ui.md, printing). The journal keeps the mask and the balance when sold, never the code.
import type { TFunction } from 'i18next';
import { formatMoney } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ConfirmationFacts } from '../../print/ConfirmationPrint.tsx';

export interface GiftSale {
  mask: string;
  /** The request id of the activation. */
  reference: string;
  /** The balance when sold (absent from records journalled before it was kept: no amount is printed). */
  balance?: unknown;
  currency?: unknown;
}

export function giftSoldFacts(t: TFunction, language: Language, sale: GiftSale): ConfirmationFacts {
  const { balance, currency } = sale;
  const amount =
    (typeof balance === 'number' || typeof balance === 'string') && typeof currency === 'string'
      ? [{ label: t('common:print.amount'), value: formatMoney(balance, currency, language) }]
      : [];
  return { kind: 'giftSold', mask: sale.mask, reference: sale.reference, extra: amount };
}
