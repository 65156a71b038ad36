// Gift-card operations, docs/card-api.md, gift catalog (prefix /v5/cards). Synchronous; gift envelope (docs/card-api.md, envelopes).
import { z } from 'zod';
import * as f from './fields.ts';
import { defineOperation } from './operation.ts';

const giftCardState = z.object({
  card_status: z.int(),
  card_currency: z.string(),
  card_balance: z.number(),
  card_mask: z.string(),
});
const giftCardRef = z.strictObject({ card_id: f.giftCardId });
const sent = z.object({});

const product = z.object({
  code: z.int(),
  name: z.string(),
  name_en: z.string(),
  currency: z.string(),
  balance: z.number(),
  image: z.string(),
});

/**
 * Every gift operation is synchronous. Gift writes carry no request_id: the Request-Id header is their key
 * for Request status (docs/card-api.md, safe retry, ASSUMED).
 */
function giftOperation<Req extends z.ZodType, Res extends z.ZodType>(spec: {
  path: string;
  mark: 'DOC' | 'ASSUMED';
  access: 'read' | 'write';
  request: Req;
  response: Res;
  resultFromStatus?: (fields: Record<string, unknown>) => Record<string, unknown>;
}) {
  return defineOperation({ ...spec, api: 'gift', mode: 'sync', group: 'gift', keyedBy: 'header' });
}

export const giftCardOperations = {
  'gift.products': giftOperation({
    path: '/product_list',
    mark: 'ASSUMED', // path ASSUMED, shape DOC
    access: 'read',
    request: z.strictObject({}),
    response: z.object({ product_list: z.array(product) }),
  }),
  'gift.issue': giftOperation({
    path: '/issue',
    mark: 'ASSUMED', // path ASSUMED, shape DOC
    access: 'write',
    request: z.strictObject({
      cardholder_name: z.string().trim().min(1, 'must not be empty').max(64),
      phone: f.phoneDigits,
      product_code: z.int({ error: 'must be an integer' }).positive(),
      card_id: f.giftCardId.optional(),
    }),
    response: z.object({ card_id: z.int() }),
    // Request status names the card as a string in cards[]; the answer gives it as a number.
    resultFromStatus: (fields) => {
      const [card] = z
        .array(z.object({ card_id: z.string() }))
        .catch([])
        .parse(fields.cards);
      return card === undefined ? fields : { card_id: Number(card.card_id) };
    },
  }),
  'gift.confirm': giftOperation({
    path: '/activate_card',
    mark: 'DOC',
    access: 'write',
    request: z.strictObject({
      otp: z.string().regex(/^\d{4,8}$/, 'the one-time code is 4 to 8 digits'),
      card_id: f.giftCardId,
    }),
    response: giftCardState,
  }),
  'gift.resend': giftOperation({
    path: '/resend',
    mark: 'ASSUMED',
    access: 'write',
    request: giftCardRef,
    response: sent,
  }),
  'gift.resendCode': giftOperation({
    path: '/resend_code',
    mark: 'ASSUMED',
    access: 'write',
    request: giftCardRef,
    response: sent,
  }),
  'gift.status': giftOperation({
    path: '/status',
    mark: 'ASSUMED',
    access: 'read',
    request: giftCardRef,
    response: giftCardState,
  }),
};
