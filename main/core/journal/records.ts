// Journal record shapes. A record never holds the secret, a PAN, a CVV, a PIN or a document (docs/card-api.md, sensitive data).
import { z } from 'zod';
import { SCHEMES } from '../../../common/card-api/schemes.ts';
import { ENTRY_STATES, type EntryState } from '../../../common/journal/states.ts';

export { ENTRY_STATES, OPEN_STATES, isOpenState, type EntryState } from '../../../common/journal/states.ts';

export const connectionRecord = z.strictObject({
  baseUrl: z.string(),
  merchantId: z.int(),
  scheme: z.enum(SCHEMES),
  profileId: z.string().optional(),
});
export type ConnectionRecord = z.infer<typeof connectionRecord>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type Json = z.infer<typeof scalar> | Json[] | { [key: string]: Json };
const json: z.ZodType<Json> = z.lazy(() => z.union([scalar, z.array(json), z.record(z.string(), json)]));

export const intentRecord = z.strictObject({
  type: z.literal('intent'),
  key: z.string(),
  op: z.string(),
  at: z.number(),
  connection: connectionRecord,
  /** SHA-256 of the exact bytes sent, to tie the record to the request without keeping the body. */
  bodySha256: z.string(),
  /** Redacted parameters for the operator's journal view. */
  params: z.record(z.string(), json),
  deadlineMs: z.number(),
  /** The work item this write belongs to (e.g. `bulk:<job>:<row>:card`), for resuming it exactly once. */
  tag: z.string().optional(),
});
export type IntentRecord = z.infer<typeof intentRecord>;

export const outcomeRecord = z.strictObject({
  type: z.literal('outcome'),
  key: z.string(),
  at: z.number(),
  state: z.enum(ENTRY_STATES),
  result: z.record(z.string(), json).optional(),
  error: z.strictObject({ code: z.string(), description: z.string() }).optional(),
  reason: z.string().optional(),
});
export type OutcomeRecord = z.infer<typeof outcomeRecord>;

/** An operator action that is not an API write but must be audited: reveals, setting and secret changes. */
export const auditRecord = z.strictObject({
  type: z.literal('audit'),
  key: z.string(),
  at: z.number(),
  action: z.string(),
  profileId: z.string().optional(),
  details: z.record(z.string(), json),
  /** Who acted, and who approved it under dual control (absent on records made before operators). */
  operatorId: z.string().optional(),
  approverId: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecord>;

export const journalRecord = z.discriminatedUnion('type', [intentRecord, outcomeRecord, auditRecord]);
export type JournalRecord = z.infer<typeof journalRecord>;

/** The folded view of one operation: its intent and latest outcome. */
export interface JournalEntry {
  key: string;
  op: string;
  at: number;
  connection: ConnectionRecord;
  params: IntentRecord['params'];
  deadlineMs: number;
  tag?: string;
  state: EntryState;
  updatedAt: number;
  result?: OutcomeRecord['result'];
  error?: OutcomeRecord['error'];
  reason?: string;
  /** Who asked for the operation, and who approved it under dual control. */
  operatorId?: string;
  approverId?: string;
}
