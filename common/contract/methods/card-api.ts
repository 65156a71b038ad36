// Card API operations on the active profile: clients, cards, limits, gift cards. Writes are journalled in
// main before they are sent (docs/architecture.md, "one write").
import { z } from 'zod';
import * as f from '../../card-api/catalog/fields.ts';
import type { OpId, ResultOf } from '../../card-api/catalog/index.ts';
import { clientDraft } from '../../card-api/catalog/payment-cards.ts';
import { method } from '../method.ts';
import { approvalSchema, type Right } from '../rights.ts';
import type { CardSecretData, OperationOutcome } from '../views.ts';
import { none } from './shared.ts';

/** Structured reasons for block / unblock / close; sent as `<reason>: <note>` in `description`. */
export const BLOCK_REASONS = ['lost', 'stolen', 'suspected_fraud', 'client_request', 'other'] as const;
export const UNBLOCK_REASONS = ['found', 'fraud_cleared', 'client_request', 'other'] as const;
export const CLOSE_REASONS = ['client_request', 'fraud', 'expired', 'damaged', 'other'] as const;
/** Why an operator reveals a card's number and CVV; recorded in the audit trail. `other` needs a note. */
export const REVEAL_REASONS = ['client_verification', 'card_reissue', 'fraud_investigation', 'other'] as const;

const cardId = f.entityId;
const clientId = f.entityId;
const giftCardId = f.giftCardId;
/** Card PIN as the operator types it: encrypted in main with the profile's PIN key (docs/card-api.md). */
const pinDigits = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');
const note = z.string().trim().max(200, 'at most 200 characters');
/** A second operator's approval, where the policy asks for one (rights.ts, dual control). */
const approval = approvalSchema.optional();
const limitObject = z.strictObject({ type: z.enum(['card', 'account', 'client']), value: f.entityId });
const limitSpec = z.strictObject({
  transactionType: z.string().trim().min(1).max(64),
  period: z.enum(['day', 'month']).optional(),
  max: f.decimalString,
  currency: f.isoCurrency,
});
const dateRange = { from: f.rfc3339.optional(), to: f.rfc3339.optional() };
const onCard = z.strictObject({ cardId });
const onGiftCard = z.strictObject({ cardId: giftCardId });
const revealReasons = REVEAL_REASONS.join(', ');
const revealArgs = z
  .strictObject({
    cardId,
    reason: z.enum(REVEAL_REASONS, {
      error: (issue) =>
        issue.input === undefined
          ? `required: why the card data is revealed (one of ${revealReasons})`
          : `one of ${revealReasons}`,
    }),
    note: note.optional(),
    approval,
  })
  .refine((args) => args.reason !== 'other' || (args.note ?? '') !== '', {
    path: ['note'],
    message: 'required when the reason is "other": say why the card data is revealed',
  });

const read = (op: OpId, right: Right) => ({ scope: 'cardApi.read', target: 'active', op, right }) as const;
const write = (op: OpId, right: Right) => ({ scope: 'cardApi.write', target: 'active', op, right }) as const;

/** What a Card API read answers: the outcome carrying the catalog's result of `Op`. */
type Answer<Op extends OpId> = OperationOutcome<ResultOf<Op>>;

export const cardApiMethods = {
  'clients.create': method(
    z.strictObject({ draft: clientDraft }),
    write('client.create', 'clients'),
  ).returns<OperationOutcome>(),
  'clients.updatePhone': method(
    z.strictObject({ clientId, productId: f.productId, phone: f.phoneDigits }),
    write('client.update', 'clients'),
  ).returns<OperationOutcome>(),
  'clients.cards': method(z.strictObject({ clientId }), read('client.cards', 'clients')).returns<
    Answer<'client.cards'>
  >(),

  'cards.issue': method(z.strictObject({ clientId }), write('card.issue', 'cards.issue')).returns<OperationOutcome>(),
  'cards.issuePlastic': method(
    z.strictObject({
      clientId,
      embossedName: z
        .string()
        .trim()
        .max(26)
        .regex(/^[A-Z][A-Z' -]*$/, 'upper-case Latin letters only'),
      branchId: z.string().trim().min(1).max(32).optional(),
    }),
    write('card.issuePlastic', 'cards.issue'),
  ).returns<OperationOutcome>(),
  'cards.link': method(
    z.strictObject({ clientId, cardId }),
    write('card.link', 'cards.issue'),
  ).returns<OperationOutcome>(),
  'cards.info': method(onCard, read('card.info', 'cards.operate')).returns<Answer<'card.info'>>(),
  'cards.balance': method(onCard, read('card.balance', 'cards.operate')).returns<Answer<'card.balance'>>(),
  'cards.activate': method(onCard, write('card.activate', 'cards.operate')).returns<OperationOutcome>(),
  'cards.block': method(
    z.strictObject({ cardId, reason: z.enum(BLOCK_REASONS), note }),
    write('card.block', 'cards.operate'),
  ).returns<OperationOutcome>(),
  'cards.unblock': method(
    z.strictObject({ cardId, reason: z.enum(UNBLOCK_REASONS), note, approval }),
    write('card.unblock', 'cards.unblock'),
  ).returns<OperationOutcome>(),
  /** Without `pin` the processor generates one. */
  'cards.setPin': method(
    z.strictObject({ cardId, pin: pinDigits.optional() }),
    write('card.setPin', 'cards.operate'),
  ).returns<OperationOutcome>(),
  'cards.resetPinCounter': method(
    onCard,
    write('card.resetPinCounter', 'cards.pinCounter'),
  ).returns<OperationOutcome>(),
  /**
   * Irreversible: the renderer must have had the operator type a confirmation. Main refuses to close a card with
   * money on it (`balance_not_acknowledged`) unless the operator saw the balance and `balanceAcknowledged` it.
   */
  'cards.close': method(
    z.strictObject({
      cardId,
      reason: z.enum(CLOSE_REASONS),
      note,
      confirm: z.literal(true),
      balanceAcknowledged: z.boolean().optional(),
      approval,
    }),
    write('card.close', 'cards.close'),
  ).returns<OperationOutcome>(),
  'cards.identify': method(
    z.strictObject({ cardId, idnDate: f.rfc3339, identifiedBy: z.string().trim().min(1).max(128) }),
    write('card.identify', 'cards.operate'),
  ).returns<OperationOutcome>(),
  'cards.statement': method(z.strictObject({ cardId, ...dateRange }), read('card.statement', 'cards.operate')).returns<
    Answer<'card.statement'>
  >(),
  'cards.statementExtended': method(
    z.strictObject({ cardId, from: f.rfc3339, to: f.rfc3339 }),
    read('card.statementExtended', 'cards.operate'),
  ).returns<Answer<'card.statementExtended'>>(),
  /** Audited with its reason before the call; main turns content protection on until concealSecret or lock. */
  'cards.revealSecret': method(revealArgs, {
    scope: 'card.reveal',
    target: 'active',
    op: 'card.secret',
    right: 'cards.reveal',
  }).returns<OperationOutcome<CardSecretData>>(),
  /**
   * Copies revealed card data through main, which keeps it out of clipboard history and clears it after 30 s
   * if it is still there. `handled` is false where main has no clipboard (the browser preview).
   */
  'clipboard.copySecret': method(
    z.strictObject({ text: z.string().regex(/^[0-9 /]{3,23}$/, 'card number, CVV or expiry') }),
    { scope: 'session', right: 'cards.reveal' },
  ).returns<{ handled: boolean }>(),
  /** Hides revealed card data again (content protection off, copied data cleared); nothing is sent. */
  'cards.concealSecret': method(none, { scope: 'session', right: 'open', whileLocked: true }).returns<undefined>(),

  'limits.list': method(z.strictObject({ object: limitObject }), read('limits.list', 'limits')).returns<
    Answer<'limits.list'>
  >(),
  'limits.set': method(
    z.strictObject({ object: limitObject, limits: z.array(limitSpec).min(1), approval }),
    write('limits.set', 'limits'),
  ).returns<OperationOutcome>(),

  'gift.products': method(none, read('gift.products', 'gift')).returns<Answer<'gift.products'>>(),
  'gift.issue': method(
    z.strictObject({
      cardholderName: z.string().trim().min(1).max(64),
      phone: f.phoneDigits,
      productCode: z.int().positive(),
      cardId: giftCardId.optional(),
    }),
    write('gift.issue', 'gift'),
  ).returns<Answer<'gift.issue'>>(),
  'gift.confirm': method(
    z.strictObject({ cardId: giftCardId, otp: z.string().regex(/^\d{4,8}$/, 'the one-time code is 4 to 8 digits') }),
    write('gift.confirm', 'gift'),
  ).returns<Answer<'gift.confirm'>>(),
  'gift.resend': method(onGiftCard, write('gift.resend', 'gift')).returns<OperationOutcome>(),
  'gift.resendCode': method(onGiftCard, write('gift.resendCode', 'gift')).returns<OperationOutcome>(),
  'gift.status': method(onGiftCard, read('gift.status', 'gift')).returns<Answer<'gift.status'>>(),
} as const;
