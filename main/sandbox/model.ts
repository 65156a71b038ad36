// The sandbox's records. Each shape is a zod schema so that a state file can be checked on load;
// the TypeScript types are inferred from them so the two never drift apart.
import { z } from 'zod';
import { card, operation, operationMerchant } from '../../common/card-api/catalog/fields.ts';

// The catalog's shape, with the merchant always present in what the sandbox generates.
export const statementOperationSchema = operation.extend({ merchant: operationMerchant });
export type StatementOperation = z.infer<typeof statementOperationSchema>;

const identificationSchema = z.object({ idn_date: z.string(), identified_by: z.string() });

// The catalog's Card (the API's shape) plus what the simulated bank keeps behind it. Only the mask is kept:
// PAN and CVV are derived on demand (card-numbers.ts) and never stored.
export const cardSchema = card.extend({
  kind: z.enum(['virtual', 'plastic']),
  iban: z.string(),
  branch_id: z.string().nullable(),
  issued_at: z.number(),
  activated_at: z.number().nullable(),
  // PIN values are never kept, only the fact that one was set (docs/card-api.md, sensitive data).
  pin_set: z.boolean(),
  pin_generated: z.number(),
  pin_counter_resets: z.number(),
  identification: identificationSchema.nullable(),
  last_description: z.string().nullable(),
  operations: z.array(statementOperationSchema),
});
export type Card = z.infer<typeof cardSchema>;

/** What client.create keeps: the document scan is reduced to a flag. */
export const clientDetailsSchema = z.object({
  product_id: z.number(),
  phone: z.number(),
  type: z.number(),
  resident: z.number(),
  first_name: z.string(),
  last_name: z.string(),
  middle_name: z.string().nullable(),
  email: z.string().nullable(),
  country: z.string().nullable(),
  branch_id: z.string().nullable(),
  has_document: z.boolean(),
  identification: identificationSchema.nullable(),
});
export type ClientDetails = z.infer<typeof clientDetailsSchema>;

export const clientSchema = clientDetailsSchema.extend({ client_id: z.string(), created_at: z.number() });
export type Client = z.infer<typeof clientSchema>;

export const limitEntrySchema = z.object({
  transaction_type: z.string(),
  region: z.string().nullable(),
  period: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
});
export type LimitEntry = z.infer<typeof limitEntrySchema>;

export const limitObjectSchema = z.object({ type: z.enum(['card', 'account', 'client']), value: z.string() });
export type LimitObject = z.infer<typeof limitObjectSchema>;

/** Card operations whose only effect is a state check and maybe a status change (docs/card-api.md, dictionaries). */
export const TRANSITION_OPS = [
  'card.activate',
  'card.block',
  'card.unblock',
  'card.close',
  'card.resetPinCounter',
] as const;
export type TransitionOp = (typeof TRANSITION_OPS)[number];

/** The pending work of an accepted async write: only what completion needs, never a PIN or document. */
export const effectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client.create'), client: clientDetailsSchema }),
  z.object({ kind: z.literal('client.update'), client_id: z.string(), product_id: z.number(), phone: z.number() }),
  z.object({
    kind: z.literal('card.issue'),
    client_id: z.string(),
    card_kind: z.enum(['virtual', 'plastic']),
    embossed_name: z.string().nullable(),
    branch_id: z.string().nullable(),
  }),
  z.object({ kind: z.literal('card.issueBulk'), product_id: z.number(), quantity: z.number() }),
  z.object({ kind: z.literal('card.link'), client_id: z.string(), card_id: z.string() }),
  z.object({
    kind: z.literal('card.transition'),
    op: z.enum(TRANSITION_OPS),
    card_id: z.string(),
    description: z.string().nullable(),
  }),
  z.object({ kind: z.literal('card.setPin'), card_id: z.string(), generated: z.boolean() }),
  z.object({ kind: z.literal('card.identify'), card_id: z.string(), identification: identificationSchema }),
  z.object({ kind: z.literal('limits.set'), object: limitObjectSchema, limits: z.array(limitEntrySchema) }),
]);
export type Effect = z.infer<typeof effectSchema>;

export const requestRecordSchema = z.object({
  key: z.string(),
  op: z.string(),
  seq: z.number(),
  accepted_at: z.number(),
  due_at: z.number(),
  status: z.enum(['process', 'success', 'error']),
  /** Dropped once settled. */
  effect: effectSchema.nullable(),
  client_id: z.string().nullable(),
  cards: z.array(z.string()).nullable(),
  error: z.object({ code: z.string(), description: z.string() }).nullable(),
});
export type RequestRecord = z.infer<typeof requestRecordSchema>;

export const giftProductSchema = z.object({
  code: z.number(),
  name: z.string(),
  name_en: z.string(),
  currency: z.string(),
  balance: z.number(),
  image: z.string(),
});
export type GiftProduct = z.infer<typeof giftProductSchema>;

export const giftCardSchema = z.object({
  card_id: z.number(),
  product_code: z.number(),
  cardholder_name: z.string(),
  phone: z.number(),
  status: z.number(),
  currency: z.string(),
  balance: z.number(),
  card_mask: z.string(),
  /** The live one-time code; null once used. A new code replaces the old one. */
  otp: z.string().nullable(),
  issued_at: z.number(),
  activated_at: z.number().nullable(),
});
export type GiftCard = z.infer<typeof giftCardSchema>;

export const outboxMessageSchema = z.object({
  phone: z.string(),
  text: z.string(),
  code: z.string().optional(),
  at: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export interface MerchantData {
  id: number;
  clients: Map<string, Client>;
  cards: Map<string, Card>;
  /**
   * Request registry, keyed by body request_id or Request-Id header (docs/card-api.md, safe retry), in
   * arrival order; settled records leave after the retention window (retention.ts).
   */
  requests: Map<string, RequestRecord>;
  /** Request-Id → when it first got past the duplicate check, in arrival order; kept for the retention window. */
  seen: Map<string, number>;
  /** Keyed by `<type>:<value>`. */
  limits: Map<string, LimitEntry[]>;
  gift: { balance: number; products: GiftProduct[]; cards: Map<number, GiftCard> };
}

export interface Counters {
  client: number;
  card: number;
  gift: number;
  seq: number;
}

export interface SandboxState {
  /** Hex; the key that PAN and CVV are derived from. */
  seed: string;
  counters: Counters;
  merchants: Map<number, MerchantData>;
  outbox: OutboxMessage[];
}
