// A statement's totals per currency: what came in (credits), what went out (debits, fees included) and how
// many operations. Amounts come unsigned with the type saying the direction; a negative amount is a debit.
import type { StatementOperation } from '../../../common/contract/index.ts';

const CREDIT_TYPES = new Set(['replenishment', 'refund', 'reversal']);

export interface Totals {
  currency: string;
  debits: number;
  credits: number;
  count: number;
}

export function statementTotals(operations: readonly StatementOperation[]): Totals[] {
  // In cents, so that sums of two-decimal amounts do not drift.
  const byCurrency = new Map<string, { debits: number; credits: number; count: number }>();
  for (const op of operations) {
    const sum = byCurrency.get(op.currency) ?? { debits: 0, credits: 0, count: 0 };
    const cents = Math.round(op.amount * 100);
    if (CREDIT_TYPES.has(op.type) && cents >= 0) sum.credits += cents;
    else sum.debits += Math.abs(cents);
    sum.debits += Math.abs(Math.round(op.commission * 100));
    sum.count += 1;
    byCurrency.set(op.currency, sum);
  }
  return [...byCurrency].map(([currency, sum]) => ({
    currency,
    debits: sum.debits / 100,
    credits: sum.credits / 100,
    count: sum.count,
  }));
}
