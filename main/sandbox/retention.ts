// How long the sandbox remembers a Request-Id and a request's result (docs/card-api.md, sandbox, retention).
// Without a window both grew with every call (a poll of Request status alone adds a Request-Id each time).
import type { MerchantData, RequestRecord } from './model.ts';

/** Seven days of the sandbox's clock (SandboxOptions.now). */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export class Retention {
  readonly ms: number;

  constructor(ms: number) {
    this.ms = ms;
  }

  /** Whether something first received at `at` is still remembered at `now`. */
  remembers(at: number, now: number): boolean {
    return now - at < this.ms;
  }

  /** The request registered under `key`, unless it has aged out (and was not yet dropped). */
  request(merchant: MerchantData, key: string, now: number): RequestRecord | undefined {
    const record = merchant.requests.get(key);
    return record !== undefined && this.#live(record, now) ? record : undefined;
  }

  /** Whether this merchant used `requestId` within the window. */
  usedRequestId(merchant: MerchantData, requestId: string, now: number): boolean {
    const at = merchant.seen.get(requestId);
    return at !== undefined && this.remembers(at, now);
  }

  /** Marks `requestId` used now; it goes to the end so both maps stay in arrival order. */
  useRequestId(merchant: MerchantData, requestId: string, now: number): void {
    merchant.seen.delete(requestId);
    merchant.seen.set(requestId, now);
  }

  /**
   * Drops the ids and settled requests that aged out; true when anything went. Both maps are in arrival
   * order, so the scan stops at the first entry still inside the window: the cost is what is dropped. A
   * clock set back can leave an old entry behind a newer one for a while; lookups above never answer it.
   */
  forget(merchant: MerchantData, now: number): boolean {
    let dropped = false;
    for (const [id, at] of merchant.seen) {
      if (this.remembers(at, now)) break;
      merchant.seen.delete(id);
      dropped = true;
    }
    for (const [key, record] of merchant.requests) {
      if (this.#live(record, now)) break;
      merchant.requests.delete(key);
      dropped = true;
    }
    return dropped;
  }

  /** A write still in `process` is kept whatever its age: its result is not known yet. */
  #live(record: RequestRecord, now: number): boolean {
    return record.status === 'process' || this.remembers(record.accepted_at, now);
  }
}
