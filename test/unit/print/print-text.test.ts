// What a printed sheet may say: never a whole card number, whatever field it hides in; and a statement's totals
// as the bank's directions say (credits in, debits and fees out), per currency.
import { describe, expect, it } from 'vitest';
import type { StatementOperation } from '../../../common/contract/index.ts';
import { safeText } from '../../../renderer/src/print/safe-text.ts';
import { statementTotals } from '../../../renderer/src/print/statement-totals.ts';

describe('safeText', () => {
  it('cuts a card number to its first 6 and last 4 digits, written together or grouped', () => {
    expect(safeText('4400430012345678')).toBe('440043••••••5678');
    expect(safeText('holder 4400 4300 1234 5678 paid')).toBe('holder 440043••••••5678 paid');
    expect(safeText('4400-4300-1234-5678901')).toBe('440043•••••••••8901');
  });

  it('leaves masks, references, RRNs, phones and amounts as they are', () => {
    for (const text of [
      '440043******5678',
      '8aacdb61-80b2-4b0b-972c-98bb5ece6cb0',
      '385449473978',
      '+7 701 234 5678',
    ]) {
      expect(safeText(text)).toBe(text);
    }
  });
});

const op = (type: string, amount: number, currency = 'KZT', commission = 0): StatementOperation => ({
  type,
  amount,
  commission,
  currency,
  mcc: '5411',
  datetime: '2026-12-06T10:00:00+05:00',
  rrn: '000000000001',
});

describe('statementTotals', () => {
  it('sums credits and debits (fees included) per currency, in cents', () => {
    const totals = statementTotals([
      op('replenishment', 100.1),
      op('purchase', 0.2, 'KZT', 0.1),
      op('refund', 0.1),
      op('purchase', -5),
      op('purchase', 3, 'USD'),
    ]);
    expect(totals).toEqual([
      { currency: 'KZT', debits: 5.3, credits: 100.2, count: 4 },
      { currency: 'USD', debits: 3, credits: 0, count: 1 },
    ]);
  });
});
