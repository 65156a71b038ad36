// Parses the two response envelopes of docs/card-api.md, envelopes into one shape.
import { REQUEST_STATUSES, type RequestStatus } from '../../../common/card-api/catalog/fields.ts';
import type { Api } from '../../../common/card-api/catalog/index.ts';

export type { RequestStatus };

export type Envelope =
  | { kind: 'ok'; requestStatus: RequestStatus | undefined; fields: Record<string, unknown> }
  | { kind: 'business'; code: string; description: string; fields: Record<string, unknown> }
  | { kind: 'malformed'; reason: string };

/** Gift status codes (docs/card-api.md, dictionaries), reported as `gift:<n>` business codes. */
export const GIFT_ERRORS: Record<number, string> = {
  [-1]: 'general error',
  [-2]: 'name missing or wrong',
  [-3]: 'phone missing or invalid',
  [-4]: 'product not found',
  [-5]: 'bank-side issue error',
  [-6]: "not enough funds on the merchant's balance",
  [-7]: 'card id invalid or unknown',
  [-8]: 'wrong one-time code',
  [-9]: 'bank-side activation failed',
  [-10]: 'card already activated',
  [-11]: 'access to product or card denied',
};

function stripEnvelope(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!keys.includes(key)) fields[key] = value;
  return fields;
}

export function parseEnvelope(api: Api, text: string): Envelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'the answer is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'malformed', reason: 'the answer is not a JSON object' };
  }
  const record = body as Record<string, unknown>;
  return api === 'card' ? parseCardEnvelope(record) : parseGiftEnvelope(record);
}

function parseCardEnvelope(body: Record<string, unknown>): Envelope {
  const fields = stripEnvelope(body, ['status', 'dt', 'error_code', 'error_description']);
  if (body.status === 'error') {
    // error_code / error_description are ASSUMED; without them the raw body is the description.
    const code = typeof body.error_code === 'string' ? body.error_code : 'unknown_error';
    const description =
      typeof body.error_description === 'string' ? body.error_description : JSON.stringify(body).slice(0, 500);
    return { kind: 'business', code, description, fields };
  }
  if (body.status !== 'ok') return { kind: 'malformed', reason: 'the answer has no status "ok" or "error"' };
  const rs = body.request_status;
  if (rs !== undefined && (typeof rs !== 'string' || !(REQUEST_STATUSES as readonly string[]).includes(rs))) {
    return { kind: 'malformed', reason: `unknown request_status ${JSON.stringify(rs)}` };
  }
  return { kind: 'ok', requestStatus: rs as RequestStatus | undefined, fields };
}

function parseGiftEnvelope(body: Record<string, unknown>): Envelope {
  const status = body.status;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    return { kind: 'malformed', reason: 'the gift answer has no integer status' };
  }
  const fields = stripEnvelope(body, ['status', 'datetime']);
  if (status === 0) return { kind: 'ok', requestStatus: undefined, fields };
  const description =
    typeof body.message === 'string' ? body.message : (GIFT_ERRORS[status] ?? `gift status ${String(status)}`);
  return { kind: 'business', code: `gift:${String(status)}`, description, fields };
}
