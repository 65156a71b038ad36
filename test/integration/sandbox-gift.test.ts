// Gift cards in the sandbox (docs/card-api.md, gift catalog, dictionaries): products, issue, one-time codes, confirm, status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, startFixture, type Fixture } from './sandbox-helpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sandbox.close();
});

const latestCode = (phone: number): string | undefined =>
  f.sandbox
    .outbox(String(phone))
    .filter((m) => m.code !== undefined)
    .at(-1)?.code;
const issue = async (phone: number, product_code = 1) =>
  f.api.call('gift.issue', { cardholder_name: 'IVANOV IVAN', phone, product_code });

describe('gift cards', () => {
  it('lists seeded products', async () => {
    const list = (await f.api.call('gift.products', {})).body.product_list as Record<string, unknown>[];
    expect(list.map((p) => p.code)).toEqual([1, 2, 3]);
    for (const p of list) {
      expect(p.currency).toBe('KZT');
      expect(typeof p.balance).toBe('number');
      expect(typeof p.name).toBe('string');
      expect(typeof p.name_en).toBe('string');
      expect(p.image).toMatch(/^https:/);
    }
  });

  it('issues, sends a code, confirms with it, and reports the state', async () => {
    const phone = 77770001001;
    const issued = await issue(phone, 2);
    expect(issued.body.status).toBe(0);
    const cardId = issued.body.card_id as number;
    expect(cardId).toBeGreaterThanOrEqual(700_001);
    const [sms] = f.sandbox.outbox(String(phone));
    expect(sms).toMatchObject({ phone: String(phone), at: '2026-03-15T10:00:00Z' });
    expect(sms?.code).toMatch(/^\d{6}$/);
    expect(sms?.text).toContain(sms?.code ?? 'missing');

    // The same outbox over HTTP, newest last.
    const http = await get(f.sandbox.url, `/_sandbox/outbox?phone=${String(phone)}`);
    expect(JSON.parse(http.text)).toEqual([sms]);

    const before = (await f.api.call('gift.status', { card_id: cardId })).body;
    expect(before).toMatchObject({ status: 0, card_status: 1, card_currency: 'KZT', card_balance: 10_000 });
    const confirmed = await f.api.call('gift.confirm', { card_id: cardId, otp: sms?.code });
    expect(confirmed.body).toMatchObject({ status: 0, card_status: 2, card_currency: 'KZT', card_balance: 10_000 });
    expect(confirmed.body.card_mask).toMatch(/^\d{6}\*{6}\d{4}$/);
    expect((await f.api.call('gift.status', { card_id: cardId })).body).toMatchObject({
      card_status: 2,
      card_mask: confirmed.body.card_mask,
    });
    expect((await f.api.call('gift.confirm', { card_id: cardId, otp: sms?.code })).body.status).toBe(-10);
    expect((await f.api.call('gift.resendCode', { card_id: cardId })).body.status).toBe(-10);
    // Gift writes are in the request registry under their Request-Id.
    expect((await f.api.status(issued.requestId)).body).toMatchObject({
      request_status: 'success',
      cards: [{ card_id: String(cardId) }],
    });
    expect((await f.api.status(confirmed.requestId)).body).toMatchObject({ request_status: 'success' });
  });

  it('refuses a wrong code, and a new code makes the old one invalid', async () => {
    const phone = 77770001002;
    const cardId = (await issue(phone)).body.card_id as number;
    const first = latestCode(phone) ?? '';
    const wrong = first === '000000' ? '111111' : '000000';
    const refused = (await f.api.call('gift.confirm', { card_id: cardId, otp: wrong })).body;
    expect(refused.status).toBe(-8);
    expect(refused.message).toMatch(/code/);
    expect((await f.api.call('gift.resendCode', { card_id: cardId })).body.status).toBe(0);
    const second = latestCode(phone) ?? '';
    expect(f.sandbox.outbox(String(phone)).filter((m) => m.code !== undefined)).toHaveLength(2);
    if (second !== first)
      expect((await f.api.call('gift.confirm', { card_id: cardId, otp: first })).body.status).toBe(-8);
    expect((await f.api.call('gift.confirm', { card_id: cardId, otp: second })).body).toMatchObject({
      status: 0,
      card_status: 2,
    });
  });

  it('resends the card data as a message with the masked card', async () => {
    const phone = 77770001003;
    const cardId = (await issue(phone)).body.card_id as number;
    const mask = (await f.api.call('gift.status', { card_id: cardId })).body.card_mask as string;
    expect((await f.api.call('gift.resend', { card_id: cardId })).body.status).toBe(0);
    const last = f.sandbox.outbox(String(phone)).at(-1);
    expect(last?.text).toContain(mask);
    expect(last?.code).toBeUndefined();
  });

  it('lets the merchant choose an unused card id', async () => {
    const chosen = await f.api.call('gift.issue', {
      cardholder_name: 'A B',
      phone: 77770001006,
      product_code: 1,
      card_id: 555,
    });
    expect(chosen.body).toMatchObject({ status: 0, card_id: 555 });
    expect(
      (await f.api.call('gift.issue', { cardholder_name: 'A B', phone: 77770001006, product_code: 1, card_id: 555 }))
        .body.status,
    ).toBe(-7);
  });

  it('answers unknown cards and products, and an empty merchant balance', async () => {
    expect((await f.api.call('gift.status', { card_id: 123 })).body.status).toBe(-7);
    expect((await f.api.call('gift.confirm', { card_id: 123, otp: '123456' })).body.status).toBe(-7);
    expect((await f.api.call('gift.resend', { card_id: 123 })).body.status).toBe(-7);
    expect((await issue(77770001004, 99)).body.status).toBe(-4);
    // The merchant starts with 100000: the 25000 product fits until it does not.
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await issue(77770001005, 3)).body.status as number);
    expect(codes).toContain(-6);
    expect(codes.indexOf(-6)).toBeGreaterThan(0);
    expect(codes.slice(codes.indexOf(-6))).toEqual(codes.slice(codes.indexOf(-6)).map(() => -6));
  });

  it('refuses a bad phone filter on the outbox route', async () => {
    const answer = await get(f.sandbox.url, '/_sandbox/outbox?phone=abc');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: 'error', error_code: 'validation_error' });
  });
});
