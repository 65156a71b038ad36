// Payment-card operations, docs/card-api.md, payment-card catalog (prefix /v5/card-api). Every ASSUMED path or field is here and only here.
import { z } from 'zod';
import * as f from './fields.ts';
import { clientCreate } from './client-create.ts';
import { defineOperation } from './operation.ts';

export { clientDraft } from './client-create.ts';

const rid = { request_id: f.requestId };
const none = z.object({});

const cardRef = { card_id: f.entityId };
const cardStateChange = z.strictObject({ ...rid, ...cardRef, description: f.note });

const limitSpec = z.strictObject({
  transaction_type: z.string().trim().min(1).max(64),
  region: z.string().trim().min(1).max(64).optional(),
  period: z.enum(['day', 'month']).optional(),
  amount: z.array(z.strictObject({ type: z.literal('max'), value: f.decimalString, currency: f.isoCurrency })).min(1),
});

export const paymentCardOperations = {
  'client.create': defineOperation({
    path: '/client/add',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'clients',
    request: clientCreate,
    response: none,
  }),
  'client.update': defineOperation({
    path: '/client/update',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'clients',
    request: z.strictObject({
      ...rid,
      client_id: f.entityId,
      product_id: f.productId,
      client: z.strictObject({ phone: f.phoneDigits }),
    }),
    response: none,
  }),
  'client.cards': defineOperation({
    path: '/client/cards',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'read',
    group: 'clients',
    request: z.strictObject({ client_id: f.entityId }),
    response: z.object({ cards: z.array(f.card) }),
  }),
  'card.issue': defineOperation({
    path: '/card/issue',
    mark: 'ASSUMED',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: z.strictObject({ ...rid, client_id: f.entityId }),
    response: none,
  }),
  'card.issuePlastic': defineOperation({
    path: '/card/issue_plastic',
    mark: 'ASSUMED',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: z.strictObject({
      ...rid,
      client_id: f.entityId,
      // Embossing takes upper-case Latin, at most 26 characters (ASSUMED, ISO 7813 track 1 name length).
      embossed_name: z
        .string()
        .trim()
        .max(26, 'at most 26 characters')
        .regex(/^[A-Z][A-Z' -]*$/, 'upper-case Latin letters only'),
      branch_id: z.string().trim().min(1).max(32).optional(),
    }),
    response: none,
  }),
  'card.issueBulk': defineOperation({
    path: '/card/bulk_issue',
    mark: 'ASSUMED',
    mode: 'async',
    access: 'write',
    group: 'bulk',
    request: z.strictObject({
      ...rid,
      product_id: f.productId,
      quantity: z.int({ error: 'must be an integer' }).min(1, 'at least 1').max(1000, 'at most 1000'),
    }),
    response: none,
  }),
  'card.link': defineOperation({
    path: '/card/link',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'bulk',
    request: z.strictObject({ ...rid, client_id: f.entityId, ...cardRef }),
    response: none,
  }),
  'card.activate': defineOperation({
    path: '/card/activate',
    mark: 'ASSUMED',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: z.strictObject({ ...rid, ...cardRef }),
    response: none,
  }),
  'card.block': defineOperation({
    path: '/card/block',
    mark: 'ASSUMED',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: cardStateChange,
    response: none,
  }),
  'card.unblock': defineOperation({
    path: '/card/unblock',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: cardStateChange,
    response: none,
  }),
  'card.setPin': defineOperation({
    // The documented body has no request_id: the Request-Id header is its key (docs/card-api.md, safe retry, ASSUMED).
    path: '/card/set_pin',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'cards',
    keyedBy: 'header',
    request: z.strictObject({
      ...cardRef,
      // base64(iv[12] | ciphertext | tag[16]), docs/card-api.md, sensitive data (ASSUMED); absent = processor generates the PIN.
      pin: z.base64({ error: 'must be base64' }).min(40, 'too short for an encrypted PIN').max(256).optional(),
    }),
    response: none,
  }),
  'card.resetPinCounter': defineOperation({
    path: '/card/reset_counter_pin',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: z.strictObject({ ...rid, ...cardRef }),
    response: none,
  }),
  'card.close': defineOperation({
    path: '/card/close',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'cards',
    irreversible: true,
    request: cardStateChange,
    response: none,
  }),
  'card.identify': defineOperation({
    path: '/card/identification',
    mark: 'ASSUMED',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: z.strictObject({ ...rid, ...cardRef, identification_info: f.identificationInfo }),
    response: none,
  }),
  'card.info': defineOperation({
    path: '/card/info',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'read',
    group: 'cards',
    request: z.strictObject(cardRef),
    response: z.object({ card: f.card }),
  }),
  'card.balance': defineOperation({
    path: '/card/balance',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'read',
    group: 'cards',
    request: z.strictObject(cardRef),
    response: z.object({ accounts: z.array(f.account) }),
  }),
  'card.secret': defineOperation({
    path: '/card/secret_data',
    mark: 'ASSUMED',
    mode: 'sync',
    access: 'read',
    group: 'cards.secret',
    sensitive: true,
    request: z.strictObject(cardRef),
    response: z.object({
      pan: z.string().regex(/^\d{12,19}$/),
      cvv: z.string().regex(/^\d{3,4}$/),
      expiry: z.string().regex(/^\d{2}\/\d{2}$/),
      cardholder_name: z.string(),
    }),
  }),
  'card.statement': defineOperation({
    path: '/card/statement',
    mark: 'DOC',
    mode: 'sync',
    access: 'read',
    group: 'cards',
    request: z.strictObject({ ...cardRef, start_date: f.rfc3339.optional(), end_date: f.rfc3339.optional() }),
    response: z.object({ operations: z.array(f.operation) }),
  }),
  'card.statementExtended': defineOperation({
    path: '/card/statement_extended',
    mark: 'DOC',
    mode: 'sync',
    access: 'read',
    group: 'cards',
    request: z.strictObject({ ...cardRef, start_date: f.rfc3339, end_date: f.rfc3339 }),
    response: z.object({
      client_id: z.string().nullable(),
      card: z.object({ card_id: z.string(), card_mask: z.string() }),
      balances: z.object({ accounts: z.array(f.account) }),
      authorizations: z.array(f.authorization),
      operations: z.array(f.operation),
    }),
  }),
  'request.status': defineOperation({
    path: '/request/status',
    mark: 'DOC',
    mode: 'sync',
    access: 'read',
    group: 'requests',
    // The key may be a body request_id or, for header-keyed writes, a Request-Id value: any id string.
    request: z.strictObject({ request_id: z.string().trim().min(1).max(64) }),
    response: z.object({
      request_status: z.enum(f.REQUEST_STATUSES),
      cards: z.array(z.object({ card_id: z.string() })).optional(),
      client_id: z.string().optional(),
      transaction_id: z.string().optional(),
      error_code: z.string().optional(), // ASSUMED
      error_description: z.string().optional(), // ASSUMED
    }),
  }),
  'limits.set': defineOperation({
    path: '/limits/set',
    mark: 'DOC',
    mode: 'async',
    access: 'write',
    group: 'cards',
    request: z.strictObject({ ...rid, object: f.limitObject, limits: z.array(limitSpec).min(1) }),
    response: none,
  }),
  'limits.list': defineOperation({
    path: '/limits/list',
    mark: 'DOC',
    mode: 'sync',
    access: 'read',
    group: 'cards',
    request: z.strictObject({ ...rid, object: f.limitObject }),
    response: z.object({ limits: z.array(f.limit) }),
  }),
};
