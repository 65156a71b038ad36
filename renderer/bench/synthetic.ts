// Synthetic data for the UI benchmark: 100,000 cards and 100,000 statement operations shaped like the Card API's
// (SPEC §5.3), deterministic (a seeded generator), so runs compare.
import type { CardView, StatementOperation } from '../../common/contract/index.ts';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const FIRST = ['IVAN', 'ALMA', 'AIDAR', 'DINARA', 'BEKZOD', 'NURLAN', 'GULNARA', 'TIMUR', 'MADINA', 'RUSLAN'];
const LAST = ['IVANOV', 'SADYKOVA', 'ABDULLAEV', 'NURLANOV', 'KARIMOVA', 'TOKTOGULOV', 'SMIRNOVA', 'YUSUPOV'];
const STATUSES = ['active', 'active', 'active', 'inactive', 'blocked', 'closed', 'expired'];
const PRODUCTS = [1000, 2000, 3000];
const MERCHANTS = ['Coffee House', 'Magnum', 'Small', 'Yandex Go', 'Kaspi Shop', 'Globus', 'Technodom', 'Chocofood'];
const CITIES: [string, string][] = [
  ['Almaty', 'KAZ'],
  ['Astana', 'KAZ'],
  ['Bishkek', 'KGZ'],
  ['Osh', 'KGZ'],
  ['Tashkent', 'UZB'],
  ['Samarkand', 'UZB'],
];
const TYPES = ['purchase', 'purchase', 'purchase', 'refund', 'withdrawal', 'transfer'];
const MCC = ['5411', '5812', '5814', '4121', '5732', '6011'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function syntheticCards(count: number): CardView[] {
  const random = seeded(1);
  const cards: CardView[] = new Array<CardView>(count);
  for (let i = 0; i < count; i++) {
    cards[i] = {
      card_id: `card_${String(i + 1)}`,
      card_mask: `440563******${pad(Math.floor(random() * 10_000), 4)}`,
      status: pick(random, STATUSES),
      expiry: `${pad(1 + Math.floor(random() * 12), 2)}/${String(27 + Math.floor(random() * 5))}`,
      product_id: pick(random, PRODUCTS),
      client_id: `cl_${String(1 + Math.floor(i / 3))}`,
      kind: random() < 0.8 ? 'virtual' : 'plastic',
      cardholder_name: `${pick(random, FIRST)} ${pick(random, LAST)}`,
    };
  }
  return cards;
}

export function syntheticOperations(count: number): StatementOperation[] {
  const random = seeded(2);
  const start = Date.UTC(2026, 0, 1);
  const operations: StatementOperation[] = new Array<StatementOperation>(count);
  for (let i = 0; i < count; i++) {
    const [city, country] = pick(random, CITIES);
    operations[i] = {
      type: pick(random, TYPES),
      amount: Math.round(random() * 5_000_000) / 100,
      commission: Math.round(random() * 5_000) / 100,
      currency: pick(random, ['KZT', 'KGS', 'UZS', 'USD']),
      mcc: pick(random, MCC),
      datetime: new Date(start + i * 60_000).toISOString(),
      rrn: pad(Math.floor(random() * 1e12), 12),
      merchant: { name: pick(random, MERCHANTS), city, country },
    };
  }
  return operations;
}
