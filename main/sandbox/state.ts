// A fresh sandbox world and a fresh merchant inside it.
import { randomBytes } from 'node:crypto';
import type { GiftProduct, MerchantData, SandboxState } from './model.ts';

export const GIFT_START_BALANCE = 100_000;
/** Gift card ids count up from 700001 (ASSUMED, looks like the documented examples). */
export const FIRST_GIFT_CARD_ID = 700_001;

function seededProducts(): GiftProduct[] {
  return [5_000, 10_000, 25_000].map((balance, i) => ({
    code: i + 1,
    name: `Подарочная карта ${String(balance)} ₸`,
    name_en: `Gift card ${String(balance)} KZT`,
    currency: 'KZT',
    balance,
    image: `https://example.com/sandbox/gift-cards/${String(i + 1)}.png`,
  }));
}

export function newMerchant(id: number): MerchantData {
  return {
    id,
    clients: new Map(),
    cards: new Map(),
    requests: new Map(),
    seen: new Map(),
    limits: new Map(),
    gift: { balance: GIFT_START_BALANCE, products: seededProducts(), cards: new Map() },
  };
}

export function newState(): SandboxState {
  return {
    seed: randomBytes(32).toString('hex'),
    counters: { client: 0, card: 0, gift: FIRST_GIFT_CARD_ID - 1, seq: 0 },
    merchants: new Map(),
    outbox: [],
  };
}

/** Registers the configured merchants; data of merchants already in a loaded state is kept. */
export function ensureMerchants(state: SandboxState, ids: number[]): void {
  for (const id of ids) if (!state.merchants.has(id)) state.merchants.set(id, newMerchant(id));
}
