// Answer bodies of the two APIs (docs/card-api.md, envelopes) and of the sandbox's own routes.
import type { Api } from '../../common/card-api/catalog/index.ts';
import { giftDatetime, rfc3339 } from './time.ts';

/** A business or protocol failure before anything is committed. */
export interface Failure {
  code: string;
  description: string;
  /** Gift status code (docs/card-api.md, dictionaries) when the failure happens on a gift route. */
  gift?: number;
}

/** Gift codes for card-API error codes that can happen on gift routes too. */
const GIFT_CODE_FOR: Record<string, number> = {
  invalid_signature: -11,
  unknown_merchant: -11,
};

export function cardOk(at: number, fields: Record<string, unknown>): Record<string, unknown> {
  return { status: 'ok', ...fields, dt: rfc3339(at) };
}

export function giftOk(at: number, fields: Record<string, unknown>): Record<string, unknown> {
  return { status: 0, datetime: giftDatetime(at), ...fields };
}

export function errorBody(api: Api, at: number, failure: Failure): Record<string, unknown> {
  if (api === 'card') {
    return { status: 'error', error_code: failure.code, error_description: failure.description, dt: rfc3339(at) };
  }
  const status = failure.gift ?? GIFT_CODE_FOR[failure.code] ?? -1;
  return { status, datetime: giftDatetime(at), message: failure.description };
}

/** Errors of the sandbox's own routes and of the HTTP layer (404, 413, 500). */
export function plainError(code: string, description: string, at: number): Record<string, unknown> {
  return { status: 'error', error_code: code, error_description: description, dt: rfc3339(at) };
}
