// The operations catalog: op id → path, schemas, sync/async, read/write, sensitivity (docs/card-api.md, payment-card catalog, gift catalog).
import { ZodObject, type z } from 'zod';
import { giftCardOperations } from './gift-cards.ts';
import type { Api } from './operation.ts';
import { paymentCardOperations } from './payment-cards.ts';

export type { Api, OperationGroup, OperationSpec } from './operation.ts';

export const operations = { ...paymentCardOperations, ...giftCardOperations };

export type OpId = keyof typeof operations;
export type Operation<Id extends OpId = OpId> = (typeof operations)[Id];
export type RequestOf<Id extends OpId> = z.input<Operation<Id>['request']>;
export type ResultOf<Id extends OpId> = z.output<Operation<Id>['response']>;

/** URL prefixes per API (docs/card-api.md, payment-card catalog, gift catalog). */
export const API_PREFIX: Record<Api, string> = { card: '/v5/card-api', gift: '/v5/cards' };

export const OP_IDS = Object.keys(operations) as OpId[];

export function isOpId(id: string): id is OpId {
  return Object.hasOwn(operations, id);
}

export function fullPath(id: OpId): string {
  const op = operations[id];
  return API_PREFIX[op.api] + op.path;
}

// request.status takes the id it asks about; every other body with a request_id gets a generated one.
const generatedRequestId = new Set<OpId>(
  OP_IDS.filter((id) => {
    const request: unknown = operations[id].request;
    return id !== 'request.status' && request instanceof ZodObject && 'request_id' in request.shape;
  }),
);

/** Whether the caller's body needs a generated request_id (docs/card-api.md, safe retry). */
export function carriesRequestId(id: OpId): boolean {
  return generatedRequestId.has(id);
}

const byPath = new Map<string, OpId>(OP_IDS.map((id) => [fullPath(id), id]));
export function opIdForPath(path: string): OpId | undefined {
  return byPath.get(path);
}
