// The API pipeline of docs/card-api.md, sandbox without HTTP: authenticate, Request-Id, JSON, schema, run; plus the
// request registry and lazy, in-order completion of async writes.
import type { IncomingHttpHeaders } from 'node:http';
import { operations, type OpId } from '../../common/card-api/catalog/index.ts';
import { describeProblems, fieldProblems } from '../../common/card-api/validation.ts';
import { authenticate } from './auth.ts';
import { applyEffect } from './effects.ts';
import { cardOk, errorBody, giftOk, type Failure } from './envelopes.ts';
import { giftCardHandlers } from './handlers/gift-cards.ts';
import { paymentCardHandlers } from './handlers/payment-cards.ts';
import type { OpContext, OpOutcome } from './handlers/types.ts';
import type { Effect, MerchantData, RequestRecord, SandboxState } from './model.ts';
import type { Retention } from './retention.ts';

const HANDLERS = { ...paymentCardHandlers, ...giftCardHandlers };
const MAX_REQUEST_ID = 128;

/** Gift status codes for a failing field (docs/card-api.md, dictionaries); -1 for the rest. */
const GIFT_FIELD_CODES: Record<string, number> = {
  cardholder_name: -2,
  phone: -3,
  product_code: -4,
  card_id: -7,
  otp: -8,
};

export interface EngineOptions {
  state: SandboxState;
  secrets: ReadonlyMap<number, Buffer>;
  asyncMs: number;
  /** How long Request-Ids and settled requests are remembered. */
  retention: Retention;
  now: () => number;
  /** Called after anything worth saving changed. */
  onChange: () => void;
}

interface Pending {
  merchant: MerchantData;
  record: RequestRecord;
}

export class Engine {
  readonly state: SandboxState;
  /** Per op id: how many times an effect was committed (tests prove "never twice" with it). */
  readonly committed: Record<string, number> = {};
  readonly #options: EngineOptions;
  /** Accepted async writes not yet completed, in arrival order. */
  #pending: Pending[] = [];

  constructor(options: EngineOptions) {
    this.#options = options;
    this.state = options.state;
    for (const merchant of this.state.merchants.values()) {
      for (const record of merchant.requests.values())
        if (record.status === 'process') this.#pending.push({ merchant, record });
    }
    this.#pending.sort((a, b) => a.record.seq - b.record.seq);
  }

  /** Drops what aged out of the retention window, for every merchant. */
  forgetExpired(): void {
    const now = this.#options.now();
    let dropped = false;
    for (const merchant of this.state.merchants.values())
      if (this.#options.retention.forget(merchant, now)) dropped = true;
    if (dropped) this.#options.onChange();
  }

  /** Completes, in arrival order, every async write whose time has come. */
  settleDue(): void {
    if (this.#pending.length === 0) return; // every request asks: most of the time nothing waits
    const now = this.#options.now();
    const due = this.#pending.filter((p) => p.record.due_at <= now);
    if (due.length === 0) return;
    this.#pending = this.#pending.filter((p) => p.record.due_at > now);
    for (const p of due) this.#settle(p);
    this.#options.onChange();
  }

  #settle({ merchant, record }: Pending): void {
    if (record.effect === null) return;
    const result = applyEffect({ state: this.state, merchant, now: record.due_at }, record.effect);
    record.effect = null;
    if (result.ok) {
      record.status = 'success';
      record.client_id = result.client_id ?? null;
      record.cards = result.cards ?? null;
    } else {
      record.status = 'error';
      record.error = result.failure;
    }
  }

  /** One API call; `raw` is the exact body received, `path` the URL path it was sent to. */
  handle(op: OpId, path: string, headers: IncomingHttpHeaders, raw: Buffer): Record<string, unknown> {
    this.settleDue();
    this.forgetExpired();
    const spec = operations[op];
    const now = this.#options.now();
    const failed = (failure: Failure): Record<string, unknown> => errorBody(spec.api, now, failure);
    const ok = (fields: Record<string, unknown>): Record<string, unknown> =>
      spec.api === 'card' ? cardOk(now, fields) : giftOk(now, fields);

    // (1) Who is calling; nothing changes when this fails.
    const auth = authenticate(headers, path, raw, (id) => this.#options.secrets.get(id));
    if (!auth.ok) return failed(auth.failure);
    const merchant = this.state.merchants.get(auth.merchantId);
    if (merchant === undefined)
      return failed({ code: 'unknown_merchant', description: `unknown merchant ${String(auth.merchantId)}` });

    // (2) Request-Id: required, and never twice for one merchant within the retention window.
    const header = headers['request-id'];
    const requestId = typeof header === 'string' ? header.trim() : '';
    if (requestId === '') return failed({ code: 'validation_error', description: 'Request-Id: required' });
    if (requestId.length > MAX_REQUEST_ID) {
      return failed({
        code: 'validation_error',
        description: `Request-Id: at most ${String(MAX_REQUEST_ID)} characters`,
      });
    }
    const { retention } = this.#options;
    if (retention.usedRequestId(merchant, requestId, now)) {
      return failed({ code: 'duplicate_request_id', description: `Request-Id ${requestId} was already used` });
    }
    retention.useRequestId(merchant, requestId, now);
    this.#options.onChange();

    // (3) The body: JSON, then the catalog's schema (the same one the client uses).
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return failed({ code: 'validation_error', description: 'body: not valid JSON' });
    }
    const parsed = spec.request.safeParse(json);
    if (!parsed.success) {
      const problems = fieldProblems(parsed.error);
      const root = problems[0]?.field.split('.')[0] ?? '';
      return failed({
        code: 'validation_error',
        description: describeProblems(problems),
        gift: GIFT_FIELD_CODES[root] ?? -1,
      });
    }

    let key = requestId;
    if (spec.access === 'write') {
      if (spec.keyedBy === 'body') key = bodyRequestId(parsed.data) ?? requestId;
      if (retention.request(merchant, key, now) !== undefined) {
        return failed({ code: 'duplicate_request_id', description: `request_id ${key} was already used` });
      }
    }

    // (4) The operation itself.
    const ctx: OpContext = {
      state: this.state,
      merchant,
      now,
      request: (k) => retention.request(merchant, k, now),
    };
    const handler = HANDLERS[op] as (ctx: OpContext, body: unknown) => OpOutcome;
    const outcome = handler(ctx, parsed.data);
    switch (outcome.kind) {
      case 'fail':
        return failed(outcome.failure);
      case 'read':
        return ok(outcome.fields);
      case 'accept': {
        const record = this.#commit(merchant, key, op, now, outcome.effect);
        return ok({ request_status: record.status });
      }
      case 'done':
        this.#record(merchant, key, op, now, { status: 'success', effect: null, cards: outcome.cards ?? null });
        return ok(outcome.fields);
    }
  }

  #record(
    merchant: MerchantData,
    key: string,
    op: OpId,
    now: number,
    fields: Pick<RequestRecord, 'status' | 'effect' | 'cards'>,
  ): RequestRecord {
    const record: RequestRecord = {
      key,
      op,
      seq: ++this.state.counters.seq,
      accepted_at: now,
      due_at: now + this.#options.asyncMs,
      client_id: null,
      error: null,
      ...fields,
    };
    merchant.requests.delete(key); // one that aged out but is not dropped yet: the new one goes last
    merchant.requests.set(key, record);
    this.committed[op] = (this.committed[op] ?? 0) + 1;
    this.#options.onChange();
    return record;
  }

  /** The commit point of an async write: recorded, counted, scheduled (or done at once when asyncMs is 0). */
  #commit(merchant: MerchantData, key: string, op: OpId, now: number, effect: Effect): RequestRecord {
    const record = this.#record(merchant, key, op, now, { status: 'process', effect, cards: null });
    if (this.#options.asyncMs <= 0) this.#settle({ merchant, record });
    else this.#pending.push({ merchant, record });
    return record;
  }
}

function bodyRequestId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('request_id' in body)) return undefined;
  return typeof body.request_id === 'string' ? body.request_id : undefined;
}
