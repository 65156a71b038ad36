// Gift-card operations (docs/card-api.md, gift catalog): synchronous; one-time codes go to the outbox.
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { operations } from '../../../common/card-api/catalog/index.ts';
import { derivePan, maskPan } from '../card-numbers.ts';
import type { GiftCard } from '../model.ts';
import { sendSms } from '../outbox.ts';
import { fail, read, type OpContext, type OpOutcome } from './types.ts';

type Ops = typeof operations;
type Handler<K extends keyof Ops> = (ctx: OpContext, body: z.output<Ops[K]['request']>) => OpOutcome;

/** Gift card_status values (docs/card-api.md, dictionaries). */
const ISSUED = 1;
const ACTIVATED = 2;

const giftFail = (gift: number, description: string): OpOutcome => fail(`gift:${String(gift)}`, description, gift);

function stateFields(card: GiftCard): Record<string, unknown> {
  return {
    card_status: card.status,
    card_currency: card.currency,
    card_balance: card.balance,
    card_mask: card.card_mask,
  };
}

function findGiftCard(ctx: OpContext, id: number): GiftCard | undefined {
  return ctx.merchant.gift.cards.get(id);
}

const unknownCard = (id: number): OpOutcome => giftFail(-7, `gift card ${String(id)} not found`);

/** A fresh 6-digit code; it replaces any earlier one, which stops working. */
function sendCode(ctx: OpContext, card: GiftCard): void {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  card.otp = code;
  sendSms(ctx.state, card.phone, `Your gift card activation code: ${code}`, ctx.now, code);
}

function nextGiftCardId(ctx: OpContext): number {
  let id = ++ctx.state.counters.gift;
  while (ctx.merchant.gift.cards.has(id)) id = ++ctx.state.counters.gift;
  return id;
}

export const giftCardHandlers: { [K in Extract<keyof Ops, `gift.${string}`>]: Handler<K> } = {
  'gift.products': (ctx) => read({ product_list: ctx.merchant.gift.products.map((p) => ({ ...p })) }),
  'gift.issue': (ctx, body) => {
    const gift = ctx.merchant.gift;
    const product = gift.products.find((p) => p.code === body.product_code);
    if (product === undefined) return giftFail(-4, `product ${String(body.product_code)} not found`);
    // A merchant may choose the card id (docs/card-api.md, gift catalog); it must not be taken yet (ASSUMED).
    if (body.card_id !== undefined && gift.cards.has(body.card_id))
      return giftFail(-7, `gift card ${String(body.card_id)} already exists`);
    if (gift.balance < product.balance) return giftFail(-6, "not enough funds on the merchant's balance");
    const card_id = body.card_id ?? nextGiftCardId(ctx);
    gift.balance -= product.balance;
    const card: GiftCard = {
      card_id,
      product_code: product.code,
      cardholder_name: body.cardholder_name,
      phone: body.phone,
      status: ISSUED,
      currency: product.currency,
      balance: product.balance,
      card_mask: maskPan(derivePan(ctx.state.seed, `gift:${String(card_id)}`)),
      otp: null,
      issued_at: ctx.now,
      activated_at: null,
    };
    gift.cards.set(card_id, card);
    sendCode(ctx, card);
    return { kind: 'done', fields: { card_id }, cards: [String(card_id)] };
  },
  'gift.confirm': (ctx, body) => {
    const card = findGiftCard(ctx, body.card_id);
    if (card === undefined) return unknownCard(body.card_id);
    if (card.status === ACTIVATED) return giftFail(-10, `gift card ${String(card.card_id)} is already activated`);
    if (card.status !== ISSUED)
      return giftFail(-11, `gift card ${String(card.card_id)} cannot be activated in status ${String(card.status)}`);
    if (card.otp === null || card.otp !== body.otp) return giftFail(-8, 'wrong one-time code');
    card.status = ACTIVATED;
    card.otp = null;
    card.activated_at = ctx.now;
    return { kind: 'done', fields: stateFields(card), cards: [String(card.card_id)] };
  },
  'gift.resend': (ctx, body) => {
    const card = findGiftCard(ctx, body.card_id);
    if (card === undefined) return unknownCard(body.card_id);
    sendSms(
      ctx.state,
      card.phone,
      `Your gift card ${card.card_mask}, balance ${String(card.balance)} ${card.currency}`,
      ctx.now,
    );
    return { kind: 'done', fields: {}, cards: [String(card.card_id)] };
  },
  'gift.resendCode': (ctx, body) => {
    const card = findGiftCard(ctx, body.card_id);
    if (card === undefined) return unknownCard(body.card_id);
    if (card.status === ACTIVATED) return giftFail(-10, `gift card ${String(card.card_id)} is already activated`);
    if (card.status !== ISSUED) return giftFail(-11, `gift card ${String(card.card_id)} is not waiting for activation`);
    sendCode(ctx, card);
    return { kind: 'done', fields: {}, cards: [String(card.card_id)] };
  },
  'gift.status': (ctx, body) => {
    const card = findGiftCard(ctx, body.card_id);
    return card === undefined ? unknownCard(body.card_id) : read(stateFields(card));
  },
};
