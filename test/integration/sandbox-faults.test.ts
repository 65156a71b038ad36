// Fault injection (docs/card-api.md, sandbox): each kind does what it says about commit, and the sandbox keeps serving.
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/index.ts';
import { Api, get, MERCHANT, parseObject, type Answer } from './sandbox-helpers.ts';
import type { RunningSandbox } from '../../main/sandbox/index.ts';

let sandbox: RunningSandbox;
let api: Api;
const committed = (op: string): number => sandbox.stats().committed[op] ?? 0;
const bulk = { product_id: 2000, quantity: 1 };

async function setFaults(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request(`${sandbox.url}/_sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.statusCode, body: parseObject(await response.body.text()) };
}

/** The call's promise, settled either way. */
const settle = (p: Promise<Answer>) =>
  p.then(
    (answer) => ({ answer, error: undefined }),
    (error: unknown) => ({ answer: undefined, error }),
  );

beforeAll(async () => {
  sandbox = await startSandbox({ merchants: [MERCHANT], asyncMs: 0 });
  api = new Api(sandbox.url, MERCHANT);
});
afterEach(async () => {
  await get(sandbox.url, '/_sandbox/faults', 'DELETE');
});
afterAll(async () => {
  await sandbox.close();
});

describe('fault kinds', () => {
  it('timeout_after_commit applies the change and never answers', async () => {
    expect((await setFaults({ next: [{ op: 'card.issueBulk', kind: 'timeout_after_commit' }] })).status).toBe(200);
    const before = committed('card.issueBulk');
    const requestId = randomUUID();
    const started = Date.now();
    const result = await settle(api.call('card.issueBulk', bulk, { requestId, signal: AbortSignal.timeout(300) }));
    expect(result.answer).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(committed('card.issueBulk')).toBe(before + 1);
    const status = (await api.status(requestId)).body;
    expect(status.request_status).toBe('success');
    expect(status.cards).toHaveLength(1);
    expect((await api.call('card.issueBulk', bulk, { requestId })).body.error_code).toBe('duplicate_request_id');
  });

  it('reset_before_commit drops the connection and records nothing, not even the Request-Id', async () => {
    sandbox.setFaults({ next: [{ op: 'card.issueBulk', kind: 'reset_before_commit' }] });
    const before = committed('card.issueBulk');
    const requestId = randomUUID();
    const result = await settle(api.call('card.issueBulk', bulk, { requestId }));
    expect(result.error).toBeDefined();
    expect(committed('card.issueBulk')).toBe(before);
    expect((await api.status(requestId)).body.error_code).toBe('request_not_found');
    expect((await api.call('card.issueBulk', bulk, { requestId })).body).toMatchObject({
      status: 'ok',
      request_status: 'success',
    });
  });

  it('reset_after_commit applies the change, then drops the connection', async () => {
    sandbox.setFaults({ next: [{ op: 'card.issueBulk', kind: 'reset_after_commit' }] });
    const before = committed('card.issueBulk');
    const requestId = randomUUID();
    const result = await settle(api.call('card.issueBulk', bulk, { requestId }));
    expect(result.error).toBeDefined();
    expect(committed('card.issueBulk')).toBe(before + 1);
    expect((await api.status(requestId)).body.request_status).toBe('success');
  });

  it('http_500 answers 500 before commit', async () => {
    sandbox.setFaults({ next: [{ op: 'card.issueBulk', kind: 'http_500' }] });
    const before = committed('card.issueBulk');
    const requestId = randomUUID();
    const answer = await api.call('card.issueBulk', bulk, { requestId });
    expect(answer.status).toBe(500);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(committed('card.issueBulk')).toBe(before);
    expect((await api.status(requestId)).body.error_code).toBe('request_not_found');
    expect((await api.call('card.issueBulk', bulk, { requestId })).body.status).toBe('ok');
  });

  it('http_429 answers 429 with Retry-After: 1 before commit', async () => {
    sandbox.setFaults({ next: [{ op: 'gift.issue', kind: 'http_429' }] });
    const phone = 77770002001;
    const requestId = randomUUID();
    const answer = await api.call('gift.issue', { cardholder_name: 'A B', phone, product_code: 1 }, { requestId });
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(sandbox.outbox(String(phone))).toEqual([]);
    expect(committed('gift.issue')).toBe(0);
    expect(
      (await api.call('gift.issue', { cardholder_name: 'A B', phone, product_code: 1 }, { requestId })).body.status,
    ).toBe(0);
  });

  it('malformed_json applies the change and answers 200 with a broken body', async () => {
    sandbox.setFaults({ next: [{ op: 'gift.issue', kind: 'malformed_json' }] });
    const phone = 77770002002;
    const before = committed('gift.issue');
    const answer = await api.call('gift.issue', { cardholder_name: 'A B', phone, product_code: 1 });
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text) as unknown).toThrow();
    expect(committed('gift.issue')).toBe(before + 1);
    expect(sandbox.outbox(String(phone))).toHaveLength(1);
    const status = (await api.status(answer.requestId)).body;
    expect(status.request_status).toBe('success');
    // The id the broken answer would have carried comes from request.status, and the card exists.
    const cardId = Number((status.cards as { card_id: string }[])[0]?.card_id);
    expect((await api.call('gift.status', { card_id: cardId })).body).toMatchObject({ status: 0, card_status: 1 });
  });
});

describe('fault rules', () => {
  it('match an op or *, are used in order with their count, and skip /_sandbox routes', async () => {
    await setFaults({
      next: [
        { op: 'card.info', kind: 'http_429', count: 2 },
        { op: '*', kind: 'http_500' },
      ],
    });
    expect((await get(sandbox.url, '/_sandbox/health')).status).toBe(200);
    expect((await api.call('gift.products', {})).status).toBe(500);
    expect((await api.call('gift.products', {})).status).toBe(200);
    expect((await api.call('card.info', { card_id: 'x' })).status).toBe(429);
    expect((await api.call('card.info', { card_id: 'x' })).status).toBe(429);
    expect((await api.call('card.info', { card_id: 'x' })).body.error_code).toBe('card_not_found');
  });

  it('DELETE clears them', async () => {
    await setFaults({ next: [{ op: '*', kind: 'http_500', count: 5 }] });
    expect((await get(sandbox.url, '/_sandbox/faults', 'DELETE')).body).toEqual({ ok: true });
    expect((await api.call('gift.products', {})).status).toBe(200);
  });

  it('delays API requests by latency_ms, not the /_sandbox routes', async () => {
    await setFaults({ latency_ms: 250, next: [] });
    let started = Date.now();
    await get(sandbox.url, '/_sandbox/health');
    expect(Date.now() - started).toBeLessThan(200);
    started = Date.now();
    expect((await api.call('gift.products', {})).body.status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown kind', { next: [{ op: '*', kind: 'explode' }] }],
    ['an unknown op', { next: [{ op: 'card.fly', kind: 'http_500' }] }],
    ['a zero count', { next: [{ op: '*', kind: 'http_500', count: 0 }] }],
    ['a negative latency', { latency_ms: -1 }],
    ['an unknown field', { later: [] }],
  ])('refuses %s with a 400 JSON error', async (_name, body) => {
    const response = await request(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/json');
    expect(parseObject(await response.body.text())).toMatchObject({ status: 'error', error_code: 'validation_error' });
    expect((await api.call('gift.products', {})).status).toBe(200);
  });
});

describe('close', () => {
  it('ends connections held by timeout_after_commit and has saved the change', async () => {
    const own = await startSandbox({
      merchants: [MERCHANT],
      asyncMs: 0,
      faults: [{ op: '*', kind: 'timeout_after_commit' }],
    });
    const ownApi = new Api(own.url, MERCHANT);
    const pending = settle(ownApi.call('card.issueBulk', bulk));
    await new Promise((r) => setTimeout(r, 100));
    expect(own.stats().committed['card.issueBulk']).toBe(1);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await pending).error).toBeDefined();
  });
});
