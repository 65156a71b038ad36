// Plausible, deterministic card history: a top-up and a few purchases, seeded by the card id,
// created when a card is activated. Balances are computed from the same operations so they always agree.
import { createHash } from 'node:crypto';
import type { Card, StatementOperation } from './model.ts';
import { rfc3339 } from './time.ts';

const HOUR = 3_600_000;

/** mulberry32: tiny, good enough, and stable across Node versions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SHOPS = [
  { mcc: '5411', name: 'SMALL GROCERY', min: 800, max: 12_000 },
  { mcc: '5812', name: 'CAFE CENTRAL', min: 1_500, max: 9_000 },
  { mcc: '5541', name: 'QAZAQ OIL AZS', min: 5_000, max: 20_000 },
  { mcc: '5912', name: 'EUROPHARMA', min: 600, max: 7_000 },
  { mcc: '4121', name: 'YANDEX GO', min: 700, max: 4_500 },
  { mcc: '5732', name: 'TECHNODOM', min: 4_000, max: 30_000 },
] as const;
const CITIES = ['Almaty', 'Astana', 'Shymkent', 'Karaganda'] as const;

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Integer cents → number with two decimals. */
const money = (cents: number): number => cents / 100;

export function generateOperations(cardId: string, activatedAt: number): StatementOperation[] {
  const rand = prng(createHash('sha256').update(cardId).digest().readUInt32BE(0));
  const rrn = (): string => String(Math.floor(rand() * 1e12)).padStart(12, '0');
  // Dated before activation so that a statement "up to now" shows all of them (ASSUMED, simulator only).
  const start = activatedAt - 72 * HOUR;
  const topUpCents = (50_000 + Math.floor(rand() * 150_000)) * 100;
  const ops: StatementOperation[] = [
    {
      type: 'replenishment',
      amount: money(topUpCents),
      commission: 0,
      currency: 'KZT',
      mcc: '6012',
      datetime: rfc3339(start),
      rrn: rrn(),
      merchant: { name: 'FREEDOM PAY TOP-UP', city: 'Almaty', country: 'KAZ' },
    },
  ];
  const count = 3 + Math.floor(rand() * 5);
  const times = Array.from({ length: count }, () => start + HOUR + Math.floor(rand() * 70 * HOUR)).sort(
    (a, b) => a - b,
  );
  let spent = 0;
  for (const at of times) {
    const shop = pick(rand, SHOPS);
    const cents = (shop.min + Math.floor(rand() * (shop.max - shop.min))) * 100 + Math.floor(rand() * 100);
    if (spent + cents > topUpCents) break;
    spent += cents;
    ops.push({
      type: 'purchase',
      amount: money(cents),
      commission: 0,
      currency: 'KZT',
      mcc: shop.mcc,
      datetime: rfc3339(at),
      rrn: rrn(),
      merchant: { name: shop.name, city: pick(rand, CITIES), country: 'KAZ' },
    });
  }
  return ops;
}

const CREDIT_TYPES = new Set(['replenishment', 'refund']);

export interface Account {
  iban: string;
  currency: string;
  debit: number;
  credit: number;
  amount: number;
  blocked_amount: number;
}

/** The card's account, summed from its operations (in cents, to avoid float drift). */
export function accountOf(card: Card): Account {
  let credit = 0;
  let debit = 0;
  for (const op of card.operations) {
    const amount = Math.round(op.amount * 100);
    const commission = Math.round(op.commission * 100);
    if (CREDIT_TYPES.has(op.type)) {
      credit += amount;
      debit += commission;
    } else {
      debit += amount + commission;
    }
  }
  return {
    iban: card.iban,
    currency: 'KZT',
    debit: money(debit),
    credit: money(credit),
    amount: money(credit - debit),
    blocked_amount: 0,
  };
}

/** Operations inside [start, end] (either bound optional), oldest first. */
export function operationsBetween(card: Card, start?: string, end?: string): StatementOperation[] {
  const from = start === undefined ? -Infinity : Date.parse(start);
  const to = end === undefined ? Infinity : Date.parse(end);
  return card.operations.filter((op) => {
    const at = Date.parse(op.datetime);
    return at >= from && at <= to;
  });
}
