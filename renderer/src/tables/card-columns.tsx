// Columns of a card list (a client's cards; the UI benchmark's 100,000 cards). Status words come from the
// dictionary (docs/card-api.md, dictionaries); an unknown status is shown as it came, never as an error. Cells
// are their text alone where they can be (a class on the cell, no element inside; VirtualTable shows a cut text
// whole on hover): each element less is less work in every scrolled frame. The mask and the status never narrow.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CARD_STATUSES, CLIENT_PRODUCTS, type CardView } from '../../../common/contract/index.ts';
import { labelCache } from './label-cache.ts';

const column = createColumnHelper<CardView>();

export function cardStatusLabel(t: TFunction, status: string): string {
  return (CARD_STATUSES as readonly string[]).includes(status) ? t(`cardStatus.${status}`) : status;
}

export function productLabel(productId: number): string {
  return (CLIENT_PRODUCTS as Record<number, string | undefined>)[productId] ?? String(productId);
}

export function cardColumns(t: TFunction): ColumnDef<CardView, never>[] {
  const statusLabel = labelCache((status) => cardStatusLabel(t, status));
  const kindLabel = labelCache((kind) => (kind === 'plastic' || kind === 'virtual' ? t(`cardKind.${kind}`) : kind));
  return [
    column.accessor('card_mask', {
      header: t('columns.cardNumber'),
      meta: { className: 'mono', keep: true },
      size: 146,
    }),
    column.accessor('status', {
      header: t('columns.status'),
      cell: (c) => {
        const status: string = c.getValue();
        return (
          <span className={`card-status card-status-${status}`} data-status={status}>
            {statusLabel(status)}
          </span>
        );
      },
      meta: { keep: true },
      size: 168,
    }),
    column.accessor('expiry', { header: t('columns.expiry'), size: 78 }),
    column.accessor('kind', {
      header: t('columns.kind'),
      cell: (c) => kindLabel(c.getValue()),
      size: 112,
    }),
    column.accessor('product_id', {
      header: t('columns.product'),
      cell: (c) => productLabel(c.getValue()),
      size: 100,
    }),
    column.accessor('cardholder_name', {
      header: t('columns.holder'),
      size: 166,
    }),
  ] as ColumnDef<CardView, never>[];
}

/** What the card list filter searches: number, status, holder, product. */
export function cardSearchText(card: CardView): string {
  return `${card.card_mask} ${card.status} ${card.cardholder_name} ${card.card_id} ${productLabel(card.product_id)}`;
}
