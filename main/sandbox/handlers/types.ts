// What an operation handler sees and what it may answer.
import type { Failure } from '../envelopes.ts';
import type { Effect, MerchantData, RequestRecord, SandboxState } from '../model.ts';

export interface OpContext {
  state: SandboxState;
  merchant: MerchantData;
  now: number;
  /** The request registered under `key` within the retention window (retention.ts). */
  request(key: string): RequestRecord | undefined;
}

export type OpOutcome =
  /** Refused before anything is recorded. */
  | { kind: 'fail'; failure: Failure }
  /** A read: these fields go into the success envelope. */
  | { kind: 'read'; fields: Record<string, unknown> }
  /** An async write that passed its checks: the engine commits it and the effect runs later. */
  | { kind: 'accept'; effect: Effect }
  /** A sync write already applied (gift cards); the engine records it. */
  | { kind: 'done'; fields: Record<string, unknown>; cards?: string[] };

export const fail = (code: string, description: string, gift?: number): OpOutcome => ({
  kind: 'fail',
  failure: gift === undefined ? { code, description } : { code, description, gift },
});

export const read = (fields: Record<string, unknown>): OpOutcome => ({ kind: 'read', fields });
export const accept = (effect: Effect): OpOutcome => ({ kind: 'accept', effect });

/** The fields request.status shows for a record (docs/card-api.md, payment-card catalog). */
export function requestStatusFields(record: RequestRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = { request_status: record.status };
  if (record.cards !== null) fields.cards = record.cards.map((card_id) => ({ card_id }));
  if (record.client_id !== null) fields.client_id = record.client_id;
  if (record.error !== null) {
    fields.error_code = record.error.code;
    fields.error_description = record.error.description;
  }
  return fields;
}
