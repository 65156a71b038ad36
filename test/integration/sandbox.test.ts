// The sandbox's protocol checks (docs/card-api.md, signing, safe retry, envelopes, sandbox): signatures, Request-Id, validation, bodies, routes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullPath } from '../../common/card-api/catalog/index.ts';
import { Api, get, MERCHANT, NEW_CLIENT, post, signHeaders, startFixture, type Fixture } from './sandbox-helpers.ts';

let f: Fixture;
const committed = (op: string): number => f.sandbox.stats().committed[op] ?? 0;

beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sandbox.close();
});

describe('signing schemes', () => {
  it.each(['sha256-body', 'jws-hs512'] as const)('accepts %s for card and gift routes', async (scheme) => {
    const api = new Api(f.sandbox.url, MERCHANT, scheme);
    const before = committed('card.issueBulk');
    const accepted = await api.call('card.issueBulk', { product_id: 2000, quantity: 2 });
    expect(accepted.status).toBe(200);
    expect(accepted.headers['content-type']).toBe('application/json');
    expect(accepted.body).toMatchObject({ status: 'ok', request_status: 'success' });
    expect(accepted.body.dt).toBe('2026-03-15T10:00:00Z');
    expect(committed('card.issueBulk')).toBe(before + 1);
    const products = await api.call('gift.products', {});
    expect(products.body).toMatchObject({ status: 0, datetime: '2026-03-15 10:00:00' });
    expect((products.body.product_list as unknown[]).length).toBeGreaterThan(0);
  });

  it.each(['sha256-body', 'jws-hs512'] as const)(
    'refuses a wrong %s signature, changes nothing, remembers no Request-Id',
    async (scheme) => {
      const before = committed('card.issueBulk');
      const requestId = randomUUID();
      const wrong = await f.api.call(
        'card.issueBulk',
        { product_id: 2000, quantity: 1 },
        { scheme, secret: 'not-the-secret', requestId },
      );
      expect(wrong.body).toMatchObject({ status: 'error', error_code: 'invalid_signature' });
      expect(typeof wrong.body.error_description).toBe('string');
      expect(committed('card.issueBulk')).toBe(before);
      expect((await f.api.status(requestId)).body).toMatchObject({ error_code: 'request_not_found' });
      // The same Request-Id still works: a refused call is not a seen call.
      const right = await f.api.call('card.issueBulk', { product_id: 2000, quantity: 1 }, { scheme, requestId });
      expect(right.body).toMatchObject({ status: 'ok' });
    },
  );

  it('refuses a body changed after signing (the signature covers the exact bytes)', async () => {
    const path = fullPath('card.issueBulk');
    const signed = Buffer.from(JSON.stringify({ request_id: randomUUID(), product_id: 2000, quantity: 1 }));
    const sent = Buffer.from(signed.toString().replace('"quantity":1', '"quantity": 1'));
    const answer = await post(f.sandbox.url, path, sent, {
      ...signHeaders('sha256-body', path, MERCHANT.id, signed, MERCHANT.secret),
      'Request-Id': randomUUID(),
    });
    expect(answer.body).toMatchObject({ error_code: 'invalid_signature' });
  });

  it('refuses missing signatures', async () => {
    const answer = await f.api.call('card.info', { card_id: 'x' }, { unsigned: true });
    expect(answer.body).toMatchObject({ status: 'error', error_code: 'invalid_signature' });
  });

  it.each(['sha256-body', 'jws-hs512'] as const)(
    'answers an unknown merchant with unknown_merchant (%s)',
    async (scheme) => {
      const answer = await f.api.call('card.info', { card_id: 'x' }, { scheme, merchantId: 999_999 });
      expect(answer.body).toMatchObject({ status: 'error', error_code: 'unknown_merchant' });
    },
  );

  it('refuses a JWS signed for another path, and changes nothing', async () => {
    const before = committed('card.issueBulk');
    const answer = await f.jws.call(
      'card.issueBulk',
      { product_id: 2000, quantity: 1 },
      { jwsPath: fullPath('card.issue') },
    );
    expect(answer.body).toMatchObject({ error_code: 'invalid_signature' });
    expect(String(answer.body.error_description)).toMatch(/uri/);
    expect(committed('card.issueBulk')).toBe(before);
  });

  it('answers signature problems on gift routes with -11', async () => {
    const answer = await f.api.call('gift.products', {}, { secret: 'wrong' });
    expect(answer.body).toMatchObject({ status: -11 });
    expect(answer.body.datetime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(typeof answer.body.message).toBe('string');
  });
});

describe('Request-Id', () => {
  it('is required, named in the error', async () => {
    const answer = await f.api.call('card.info', { card_id: 'x' }, { requestId: null });
    expect(answer.body).toMatchObject({ error_code: 'validation_error' });
    expect(answer.body.error_description).toMatch(/^Request-Id: /);
  });

  it('is refused when repeated, and the repeat changes nothing', async () => {
    const requestId = randomUUID();
    const first = await f.api.call('card.issueBulk', { product_id: 2000, quantity: 1 }, { requestId });
    expect(first.body).toMatchObject({ status: 'ok' });
    const before = committed('card.issueBulk');
    const again = await f.api.call('card.issueBulk', { product_id: 2000, quantity: 1 }, { requestId });
    expect(again.body).toMatchObject({ status: 'error', error_code: 'duplicate_request_id' });
    // A different header with the same body request_id is the same request too.
    const sameKey = await f.api.call('card.issueBulk', { request_id: requestId, product_id: 2000, quantity: 1 });
    expect(sameKey.body).toMatchObject({ error_code: 'duplicate_request_id' });
    expect(committed('card.issueBulk')).toBe(before);
    expect(((await f.api.status(requestId)).body.cards as unknown[]).length).toBe(1);
  });

  it('is remembered for reads and refused calls too (each HTTP request has its own)', async () => {
    const requestId = randomUUID();
    expect((await f.api.call('gift.products', {}, { requestId })).body.status).toBe(0);
    const again = (await f.api.call('gift.products', {}, { requestId })).body;
    expect(again.status).toBe(-1);
    expect(again.message).toMatch(/Request-Id/);
    const other = randomUUID();
    expect((await f.api.call('card.info', { card_id: 'nope' }, { requestId: other })).body.error_code).toBe(
      'card_not_found',
    );
    expect((await f.api.call('card.info', { card_id: 'nope' }, { requestId: other })).body.error_code).toBe(
      'duplicate_request_id',
    );
  });

  it('of a read does not collide with the write it asks about', async () => {
    const write = await f.api.call('card.issueBulk', { product_id: 2000, quantity: 1 });
    const status = await f.api.call('request.status', { request_id: write.requestId });
    expect(status.body).toMatchObject({ status: 'ok', request_status: 'success' });
  });
});

describe('validation', () => {
  it('names the field', async () => {
    const quantity = await f.api.call('card.issueBulk', { product_id: 2000, quantity: 0 });
    expect(quantity.body).toMatchObject({
      status: 'error',
      error_code: 'validation_error',
      error_description: 'quantity: at least 1',
    });
    const phone = await f.api.call('client.create', {
      ...NEW_CLIENT,
      client: { ...NEW_CLIENT.client, phone: undefined },
    });
    expect(phone.body.error_description).toMatch(/^client\.phone: required/);
    const unknown = await f.api.call('card.info', { card_id: 'c', extra: 1 });
    expect(unknown.body.error_description).toMatch(/extra/);
  });

  it('maps gift fields to their status codes', async () => {
    const base = { cardholder_name: 'A B', phone: 77001112233, product_code: 1 };
    expect((await f.api.call('gift.issue', { ...base, cardholder_name: '' })).body.status).toBe(-2);
    expect((await f.api.call('gift.issue', { ...base, phone: 12 })).body.status).toBe(-3);
    expect((await f.api.call('gift.confirm', { card_id: 700001, otp: 'abc' })).body.status).toBe(-8);
    expect((await f.api.call('gift.status', { card_id: -5 })).body.status).toBe(-7);
    expect((await f.api.call('gift.status', { card_id: 1, what: 2 })).body.status).toBe(-1);
  });

  it('answers malformed JSON with a JSON validation error on both APIs', async () => {
    const card = await f.api.call('card.info', {}, { raw: '{"card_id":' });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      status: 'error',
      error_code: 'validation_error',
      error_description: 'body: not valid JSON',
    });
    const gift = await f.api.call('gift.status', {}, { raw: 'not json' });
    expect(gift.body).toMatchObject({ status: -1, message: 'body: not valid JSON' });
  });
});

describe('HTTP', () => {
  it('answers an oversized body with 413 JSON and keeps serving', async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024 + 10, 0x20);
    const path = fullPath('card.info');
    const answer = await post(f.sandbox.url, path, huge, {
      ...signHeaders('sha256-body', path, MERCHANT.id, huge, MERCHANT.secret),
      'Request-Id': randomUUID(),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.body).toMatchObject({ status: 'error', error_code: 'payload_too_large' });
    expect((await get(f.sandbox.url, '/_sandbox/health')).body).toEqual({ ok: true });
    expect((await f.api.call('gift.products', {})).body.status).toBe(0);
  });

  it('accepts a body just under the limit (the limit is not the JSON parser)', async () => {
    const raw = `{"card_id":"x"}${' '.repeat(4 * 1024 * 1024 - 20)}`;
    const answer = await f.api.call('card.info', {}, { raw });
    expect(answer.body).toMatchObject({ error_code: 'card_not_found' });
  });

  it('answers unknown routes and methods with JSON errors', async () => {
    const missing = await get(f.sandbox.url, '/v5/card-api/card/fly');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/json');
    expect(missing.body).toMatchObject({ status: 'error', error_code: 'not_found' });
    const wrongMethod = await get(f.sandbox.url, fullPath('card.info'));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body).toMatchObject({ status: 'error' });
  });

  it('survives junk: binary bodies, odd JSON values, odd targets', async () => {
    for (const raw of ['null', '[]', '"text"', '123', '{"__proto__":{"x":1}}', Buffer.from([0xff, 0xfe, 0x00, 0x7b])]) {
      const answer = await f.api.call('request.status', {}, { raw });
      expect(answer.status).toBe(200);
      expect(answer.body.error_code).toBe('validation_error');
    }
    const proto = await f.api.call('request.status', { request_id: '__proto__' });
    expect(proto.body).toMatchObject({ error_code: 'request_not_found' });
    expect((await get(f.sandbox.url, '/_sandbox/health')).body).toEqual({ ok: true });
  });

  it('counts API requests', async () => {
    const before = f.sandbox.stats().requests;
    await f.api.call('gift.products', {});
    await get(f.sandbox.url, '/_sandbox/health');
    expect(f.sandbox.stats().requests).toBe(before + 1);
  });
});
