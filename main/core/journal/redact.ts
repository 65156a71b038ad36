// What of a request body or a result may enter the journal: an allowlist, so new fields stay out by default.
import { luhnValid, maskPan } from '../../../common/card-api/pan.ts';
import type { IntentRecord, OutcomeRecord } from './records.ts';

type Params = IntentRecord['params'];

const SAFE_SCALARS = new Set([
  'request_id',
  'card_id',
  'client_id',
  'product_id',
  'product_code',
  'quantity',
  'branch_id',
  'description',
  'start_date',
  'end_date',
  'card_status',
  'card_mask',
  'card_currency',
  // A gift card's balance when it is sold: the amount its confirmation prints again (docs/operator-ui.md, printing).
  'card_balance',
]);

/** Keeps the last four digits of a phone number. */
export function maskPhone(phone: unknown): string {
  const digits = String(phone).replace(/\D/g, '');
  return digits.length <= 4 ? '****' : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** Free text an operator types (a block note): a card number typed into it must not reach the journal. */
const FREE_TEXT = new Set(['description']);
/** 12 to 19 digits, maybe grouped by single spaces or hyphens, standing alone. */
const DIGIT_RUN = /(?<!\d)\d(?:[ -]?\d){11,18}(?!\d)/g;

/** Masks every card number (a Luhn-valid digit run) in free text to its first 6 and last 4 digits. */
export function maskPansIn(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    return luhnValid(digits) ? maskPan(digits) : run;
  });
}

function pickScalars(source: Record<string, unknown>, into: Params): void {
  for (const [key, value] of Object.entries(source)) {
    if (!SAFE_SCALARS.has(key)) continue;
    if (typeof value === 'string') into[key] = FREE_TEXT.has(key) ? maskPansIn(value) : value;
    else if (typeof value === 'number' || typeof value === 'boolean') into[key] = value;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Redacted request parameters: ids and choices, never names, documents, codes or PIN material. */
export function journalParams(opId: string, body: Record<string, unknown>): Params {
  const params: Params = {};
  pickScalars(body, params);
  if ('phone' in body) params.phone = maskPhone(body.phone);
  if (opId === 'card.setPin') params.pin = body.pin === undefined ? 'generated' : 'entered';
  const client = asRecord(body.client);
  if (client) {
    const summary: Params = {};
    if ('phone' in client) summary.phone = maskPhone(client.phone);
    for (const key of ['type', 'resident', 'country'] as const) {
      const value = client[key];
      if (typeof value === 'string' || typeof value === 'number') summary[key] = value;
    }
    if ('document' in client) summary.document = 'attached';
    params.client = summary;
  }
  const object = asRecord(body.object);
  if (object) params.object = { type: String(object.type), value: String(object.value) };
  if (Array.isArray(body.limits)) params.limits = body.limits.length;
  return params;
}

/** Redacted result of a finished write: the ids the server assigned, masks and statuses. */
export function journalResult(fields: Record<string, unknown>): NonNullable<OutcomeRecord['result']> {
  const result: Params = {};
  pickScalars(fields, result);
  if (typeof fields.request_status === 'string') result.request_status = fields.request_status;
  if (Array.isArray(fields.cards)) {
    result.cards = fields.cards.map((c) => {
      const id = asRecord(c)?.card_id;
      return { card_id: typeof id === 'string' || typeof id === 'number' ? String(id) : '' };
    });
  }
  return result;
}
