// The statement filters (renderer/src/screens/cards/statement/statement-view.ts): by type, and by a text found
// in the merchant, place, type word, or amount written with either decimal mark.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatementOperation } from '../../../common/contract/index.ts';
import {
  ALL_TYPES,
  filterStatement,
  statementIndex,
} from '../../../renderer/src/screens/cards/statement/statement-view.ts';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'ru',
    resources: { ru: { common: { operationType: { purchase: 'Покупка', refund: 'Возврат' } } } },
  });
  t = i18n.t;
});

const op = (type: string, amount: number, merchant: string, city: string): StatementOperation => ({
  type,
  amount,
  commission: 0,
  currency: 'KZT',
  mcc: '5411',
  datetime: '2026-12-01T10:00:00+05:00',
  rrn: `rrn-${merchant}`,
  merchant: { name: merchant, city, country: 'KAZ' },
});

const rows = [op('purchase', 1234.56, 'SMALL GROCERY', 'Almaty'), op('refund', 99, 'CAFE CENTRAL', 'Bishkek')];
const names = (type: string, text: string) =>
  filterStatement(rows, statementIndex(t, rows), type, text).map((r) => r.merchant?.name);

describe('statement filters', () => {
  it('keeps every row without a filter, and the same array', () => {
    expect(filterStatement(rows, statementIndex(t, rows), ALL_TYPES, '  ')).toBe(rows);
  });

  it('narrows by type, by text, and by both', () => {
    expect(names('refund', '')).toEqual(['CAFE CENTRAL']);
    expect(names(ALL_TYPES, 'grocery')).toEqual(['SMALL GROCERY']);
    expect(names(ALL_TYPES, 'bishkek')).toEqual(['CAFE CENTRAL']);
    expect(names('refund', 'grocery')).toEqual([]);
  });

  it('finds the type by its word and the amount with either decimal mark', () => {
    expect(names(ALL_TYPES, 'возврат')).toEqual(['CAFE CENTRAL']);
    expect(names(ALL_TYPES, '1234,56')).toEqual(['SMALL GROCERY']);
    expect(names(ALL_TYPES, '1234.56')).toEqual(['SMALL GROCERY']);
  });
});
