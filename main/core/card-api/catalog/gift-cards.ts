// Gift-card operations, SPEC §6 (prefix /v5/cards). Synchronous; gift envelope (SPEC §4).
import { z } from 'zod';
import * as f from './fields.ts';
import { defineOperation } from './operation.ts';

const giftCardState = z.looseObject({
  card_status: z.int(),
  card_currency: z.string(),
  card_balance: z.number(),
  card_mask: z.string(),
});
const giftCardRef = z.strictObject({ card_id: f.giftCardId });
const sent = z.looseObject({});

// Gift writes carry no request_id: the Request-Id header is their key for Request status (SPEC §3, ASSUMED).
export const giftCardOperations = {
  'gift.products': defineOperation({
    path: '/product_list',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'read',
    group: 'gift',
    api: 'gift',
    request: z.strictObject({}),
    response: z.looseObject({
      product_list: z.array(
        z.looseObject({
          code: z.int(),
          name: z.string(),
          name_en: z.string(),
          currency: z.string(),
          balance: z.number(),
          image: z.string(),
        }),
      ),
    }),
  }),
  'gift.issue': defineOperation({
    path: '/issue',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'write',
    group: 'gift',
    api: 'gift',
    keyedBy: 'header',
    request: z.strictObject({
      cardholder_name: z.string().trim().min(1, 'must not be empty').max(64),
      phone: f.phoneDigits,
      product_code: z.int({ error: 'must be an integer' }).positive(),
      card_id: f.giftCardId.optional(),
    }),
    response: z.looseObject({ card_id: z.int() }),
  }),
  'gift.confirm': defineOperation({
    path: '/activate_card',
    mark: 'DOC',
    mode: 'sync',
    access: 'write',
    group: 'gift',
    api: 'gift',
    keyedBy: 'header',
    request: z.strictObject({
      otp: z.string().regex(/^\d{4,8}$/, 'the one-time code is 4 to 8 digits'),
      card_id: f.giftCardId,
    }),
    response: giftCardState,
  }),
  'gift.resend': defineOperation({
    path: '/resend',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'write',
    group: 'gift',
    api: 'gift',
    keyedBy: 'header',
    request: giftCardRef,
    response: sent,
  }),
  'gift.resendCode': defineOperation({
    path: '/resend_code',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'write',
    group: 'gift',
    api: 'gift',
    keyedBy: 'header',
    request: giftCardRef,
    response: sent,
  }),
  'gift.status': defineOperation({
    path: '/status',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'read',
    group: 'gift',
    api: 'gift',
    request: giftCardRef,
    response: giftCardState,
  }),
};
