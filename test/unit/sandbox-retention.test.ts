// The sandbox's retention window (docs/card-api.md, sandbox, retention), driven through the engine with a
// hand-moved clock: Request-Ids and settled requests age out, and many calls leave a bounded memory.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fullPath, type OpId } from '../../common/card-api/catalog/index.ts';
import { sha256BodySign } from '../../main/core/card-api/signing.ts';
import { parseSandboxArgs } from '../../main/sandbox/args.ts';
import { Engine } from '../../main/sandbox/engine.ts';
import { deserialize, serialize } from '../../main/sandbox/persistence.ts';
import { DEFAULT_RETENTION_MS, Retention } from '../../main/sandbox/retention.ts';
import { ensureMerchants, newState } from '../../main/sandbox/state.ts';

const SECRET = Buffer.from('retention-secret');
const T0 = Date.parse('2026-03-15T10:00:00Z');

function world(retentionMs: number, asyncMs = 0) {
  const clock = { now: T0 };
  const state = newState();
  ensureMerchants(state, [1]);
  let changes = 0;
  const engine = new Engine({
    state,
    secrets: new Map([[1, SECRET]]),
    asyncMs,
    retention: new Retention(retentionMs),
    now: () => clock.now,
    onChange: () => {
      changes += 1;
    },
  });
  const merchant = state.merchants.get(1);
  if (merchant === undefined) throw new Error('no merchant');
  /** One signed call; a body `request_id` equals the Request-Id, as the project's client sends it. */
  const call = (op: OpId, body: Record<string, unknown>, requestId = randomUUID()) => {
    const raw = Buffer.from(JSON.stringify(body));
    const headers = { 'auth-id': '1', sign: sha256BodySign(raw, SECRET), 'request-id': requestId };
    return { requestId, answer: engine.handle(op, fullPath(op), headers, raw) };
  };
  const write = (op: OpId, body: Record<string, unknown>, requestId = randomUUID()) =>
    call(op, { request_id: requestId, ...body }, requestId);
  const status = (key: string) => call('request.status', { request_id: key }).answer;
  return { clock, state, engine, merchant, call, write, status, changes: () => changes };
}

const BULK = { product_id: 2000, quantity: 1 };

describe('retention window', () => {
  it('defaults to seven days', () => {
    expect(DEFAULT_RETENTION_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('remembers a write for the window, then forgets it like a request it never had', () => {
    const w = world(60_000);
    const { requestId, answer } = w.write('card.issueBulk', BULK);
    expect(answer).toMatchObject({ status: 'ok', request_status: 'success' });

    w.clock.now += 59_999;
    expect(w.status(requestId)).toMatchObject({ status: 'ok', request_status: 'success' });
    expect(w.write('card.issueBulk', BULK, requestId).answer).toMatchObject({ error_code: 'duplicate_request_id' });

    w.clock.now += 1;
    expect(w.status(requestId)).toMatchObject({ status: 'error', error_code: 'request_not_found' });
    expect(w.merchant.requests.has(requestId)).toBe(false);
    expect(w.merchant.seen.has(requestId)).toBe(false);
    // Outside the window the id is free again: a copy arriving this late is a new request.
    expect(w.write('card.issueBulk', BULK, requestId).answer).toMatchObject({ status: 'ok' });
    expect(w.engine.committed['card.issueBulk']).toBe(2);
  });

  it('counts the window from when the id first arrived, not from its last duplicate', () => {
    const w = world(10_000);
    const { requestId } = w.write('card.issueBulk', BULK);
    w.clock.now += 9_000;
    expect(w.write('card.issueBulk', BULK, requestId).answer).toMatchObject({ error_code: 'duplicate_request_id' });
    w.clock.now += 1_000;
    expect(w.status(requestId)).toMatchObject({ error_code: 'request_not_found' });
  });

  it('keeps a write still in process whatever its age, and its result for a window after arrival', () => {
    const w = world(1_000, 5_000);
    const { requestId, answer } = w.write('card.issueBulk', BULK);
    expect(answer).toMatchObject({ request_status: 'process' });
    w.clock.now += 4_999;
    w.engine.forgetExpired();
    expect(w.merchant.requests.get(requestId)?.status).toBe('process');
    w.clock.now += 1;
    // Settles first (step 0 of every call), then ages out: it arrived more than a window ago.
    expect(w.status(requestId)).toMatchObject({ error_code: 'request_not_found' });
    expect(w.engine.committed['card.issueBulk']).toBe(1);
  });

  it('never answers an aged-out id, even when a clock set back left it behind a newer one', () => {
    const w = world(1_000);
    w.clock.now += 5_000;
    const later = w.write('card.issueBulk', BULK).requestId;
    w.clock.now -= 5_000; // the clock went back
    const earlier = w.write('card.issueBulk', BULK).requestId;
    w.clock.now += 1_500;
    expect(w.status(earlier)).toMatchObject({ error_code: 'request_not_found' });
    expect(w.write('card.issueBulk', BULK, earlier).answer).toMatchObject({ status: 'ok' });
    expect(w.status(later)).toMatchObject({ request_status: 'success' });
  });

  it('reports a change when it drops something, so the state file is saved', () => {
    const w = world(1_000);
    w.write('card.issueBulk', BULK);
    const before = w.changes();
    w.engine.forgetExpired();
    expect(w.changes()).toBe(before);
    w.clock.now += 1_000;
    w.engine.forgetExpired();
    expect(w.changes()).toBe(before + 1);
    expect(w.merchant.seen.size).toBe(0);
  });

  it('stays bounded over 100,000 calls: only the window is remembered', () => {
    const w = world(1_000);
    w.write('card.issueBulk', BULK);
    const object = { type: 'card', value: 'card_1' };
    let peakIds = 0;
    let peakRequests = 0;
    // A write, its status poll and a read: three calls, three Request-Ids, one record; 30 ms of the clock.
    for (let i = 0; i < 33_334; i++) {
      w.clock.now += 30;
      const value = String(i % 1000);
      const { requestId } = w.write('limits.set', {
        object,
        limits: [{ transaction_type: 'pay', amount: [{ type: 'max', value, currency: 'KZT' }] }],
      });
      expect(w.status(requestId)).toMatchObject({ request_status: 'success' });
      expect(w.write('limits.list', { object }).answer).toMatchObject({ status: 'ok' });
      peakIds = Math.max(peakIds, w.merchant.seen.size);
      peakRequests = Math.max(peakRequests, w.merchant.requests.size);
    }
    expect(peakIds).toBeLessThanOrEqual(3 * 34);
    expect(peakRequests).toBeLessThanOrEqual(34);
    // What is saved is bounded too: the window, not the history.
    const file = serialize(w.state);
    expect(file.length).toBeLessThan(30_000);
    expect(deserialize(file, w.clock.now).merchants.get(1)?.seen.size).toBe(w.merchant.seen.size);
  });
});

describe('--retention-ms', () => {
  it('sets the window', () => {
    expect(parseSandboxArgs(['--retention-ms', '60000'])).toMatchObject({
      kind: 'run',
      options: { retentionMs: 60_000 },
    });
  });

  it.each([['0'], ['-1'], ['1.5'], [String(366 * 24 * 60 * 60 * 1000)]])('refuses %s', (value) => {
    const parsed = parseSandboxArgs(['--retention-ms', value]);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toMatch(/--retention-ms/);
  });
});
