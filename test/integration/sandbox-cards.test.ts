// Payment cards in the sandbox (docs/card-api.md, payment-card catalog, dictionaries, sensitive data): state machine, async completion, statements, secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_CLIENT, cardIn, startFixture, type Fixture } from './sandbox-helpers.ts';

const luhn = (pan: string): boolean =>
  Array.from(pan, Number)
    .reverse()
    .reduce((sum, digit, i) => {
      let d = digit;
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      return sum + d;
    }, 0) %
    10 ===
  0;

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sandbox.close();
});

describe('card state machine (docs/card-api.md, dictionaries)', () => {
  const info = async (cardId: string) =>
    ((await f.api.call('card.info', { card_id: cardId })).body.card as { status: string }).status;

  it('walks the allowed transitions', async () => {
    const { cardId } = await cardIn(f.api, 'inactive');
    expect(await info(cardId)).toBe('inactive');
    await f.api.done('card.activate', { card_id: cardId });
    expect(await info(cardId)).toBe('active');
    await f.api.done('card.block', { card_id: cardId, description: 'lost' });
    expect(await info(cardId)).toBe('blocked');
    await f.api.done('card.setPin', { card_id: cardId });
    await f.api.done('card.resetPinCounter', { card_id: cardId });
    await f.api.done('card.unblock', { card_id: cardId, description: 'found' });
    expect(await info(cardId)).toBe('active');
    await f.api.done('card.close', { card_id: cardId, description: 'done' });
    expect(await info(cardId)).toBe('closed');
  });

  it.each([
    ['inactive', 'card.block', { description: 'x' }],
    ['inactive', 'card.unblock', { description: 'x' }],
    ['inactive', 'card.setPin', {}],
    ['inactive', 'card.resetPinCounter', {}],
    ['active', 'card.activate', {}],
    ['active', 'card.unblock', { description: 'x' }],
    ['blocked', 'card.block', { description: 'x' }],
    ['blocked', 'card.activate', {}],
    ['closed', 'card.close', { description: 'x' }],
    ['closed', 'card.activate', {}],
    ['closed', 'card.unblock', { description: 'x' }],
    ['closed', 'card.setPin', {}],
    ['closed', 'card.identify', { identification_info: { idn_date: '2026-01-01T00:00:00Z', identified_by: 'x' } }],
  ] as const)('refuses %s → %s with invalid_card_state, recording nothing', async (status, op, extra) => {
    const { cardId } = await cardIn(f.api, status);
    const before = f.sandbox.stats().committed[op] ?? 0;
    const answer = await f.api.call(op, { card_id: cardId, ...extra });
    expect(answer.body).toMatchObject({ status: 'error', error_code: 'invalid_card_state' });
    expect((await f.api.status(answer.requestId)).body).toMatchObject({ error_code: 'request_not_found' });
    expect(f.sandbox.stats().committed[op] ?? 0).toBe(before);
    expect(await info(cardId)).toBe(status);
  });

  it('answers missing objects at once', async () => {
    expect((await f.api.call('card.activate', { card_id: 'nope' })).body.error_code).toBe('card_not_found');
    expect((await f.api.call('card.issue', { client_id: 'nope' })).body.error_code).toBe('client_not_found');
    expect((await f.api.call('client.cards', { client_id: 'nope' })).body.error_code).toBe('client_not_found');
    expect((await f.api.call('request.status', { request_id: 'nope' })).body.error_code).toBe('request_not_found');
  });
});

describe('async completion', () => {
  let slow: Fixture;
  beforeAll(async () => {
    slow = await startFixture({ asyncMs: 500 });
  });
  afterAll(async () => {
    await slow.sandbox.close();
  });

  it('answers process, then success with the new ids through request.status', async () => {
    const created = await slow.api.call('client.create', NEW_CLIENT);
    expect(created.body).toMatchObject({ status: 'ok', request_status: 'process' });
    expect(created.body.client_id).toBeUndefined();
    expect((await slow.api.status(created.requestId)).body).toEqual(
      expect.objectContaining({ status: 'ok', request_status: 'process' }),
    );
    slow.clock.advance(499);
    expect((await slow.api.status(created.requestId)).body.request_status).toBe('process');
    slow.clock.advance(1);
    const done = (await slow.api.status(created.requestId)).body;
    expect(done).toMatchObject({ status: 'ok', request_status: 'success' });
    expect(done.client_id).toMatch(/^cl_\d+$/);

    const issued = await slow.api.call('card.issue', { client_id: done.client_id });
    expect(issued.body.request_status).toBe('process');
    slow.clock.advance(500);
    const cards = (await slow.api.status(issued.requestId)).body.cards as { card_id: string }[];
    expect(cards).toHaveLength(1);
    const info = await slow.api.call('card.info', { card_id: cards[0]?.card_id });
    expect(info.body.card).toMatchObject({
      status: 'inactive',
      client_id: done.client_id,
      kind: 'virtual',
      cardholder_name: 'AIGERIM NURLANOVA',
    });
  });

  it('completes in arrival order and re-checks the state machine at completion', async () => {
    const issued = await slow.api.call('card.issueBulk', { product_id: 3000, quantity: 1 });
    slow.clock.advance(500);
    const cardId = ((await slow.api.status(issued.requestId)).body.cards as { card_id: string }[])[0]?.card_id;
    // Both pass the acceptance check (the card is inactive); the second finds it active at completion.
    const first = await slow.api.call('card.activate', { card_id: cardId });
    const second = await slow.api.call('card.activate', { card_id: cardId });
    expect(first.body.request_status).toBe('process');
    expect(second.body.request_status).toBe('process');
    slow.clock.advance(500);
    expect((await slow.api.status(first.requestId)).body.request_status).toBe('success');
    expect((await slow.api.status(second.requestId)).body).toMatchObject({
      request_status: 'error',
      error_code: 'invalid_card_state',
    });
    expect(slow.sandbox.stats().committed['card.activate']).toBe(2);
  });

  it('keys a header-keyed write (setPin) by its Request-Id', async () => {
    const issued = await slow.api.call('card.issueBulk', { product_id: 3000, quantity: 1 });
    slow.clock.advance(500);
    const cardId = ((await slow.api.status(issued.requestId)).body.cards as { card_id: string }[])[0]?.card_id;
    await slow.api.call('card.activate', { card_id: cardId });
    slow.clock.advance(500);
    const pin = await slow.api.call('card.setPin', { card_id: cardId, pin: Buffer.alloc(32, 3).toString('base64') });
    expect((await slow.api.status(pin.requestId)).body.request_status).toBe('process');
    slow.clock.advance(500);
    expect((await slow.api.status(pin.requestId)).body.request_status).toBe('success');
  });
});

describe('clients and cards', () => {
  it('issues bulk cards without a client and links one', async () => {
    const bulk = (await f.api.done('card.issueBulk', { product_id: 3000, quantity: 3 })).cards as { card_id: string }[];
    expect(bulk).toHaveLength(3);
    expect(new Set(bulk.map((c) => c.card_id)).size).toBe(3);
    const cardId = bulk[0]?.card_id ?? '';
    expect((await f.api.call('card.info', { card_id: cardId })).body.card).toMatchObject({
      client_id: null,
      product_id: 3000,
    });
    const clientId = (await f.api.done('client.create', NEW_CLIENT)).client_id as string;
    expect(await f.api.done('card.link', { client_id: clientId, card_id: cardId })).toMatchObject({
      request_status: 'success',
    });
    expect((await f.api.call('card.link', { client_id: clientId, card_id: cardId })).body.error_code).toBe(
      'invalid_card_state',
    );
    const cards = (await f.api.call('client.cards', { client_id: clientId })).body.cards as {
      card_id: string;
      cardholder_name: string;
    }[];
    expect(cards.map((c) => c.card_id)).toEqual([cardId]);
    expect(cards[0]?.cardholder_name).toBe('AIGERIM NURLANOVA');
  });

  it('issues a plastic card with the embossed name, and updates a phone', async () => {
    const clientId = (await f.api.done('client.create', NEW_CLIENT)).client_id as string;
    const cards = (await f.api.done('card.issuePlastic', { client_id: clientId, embossed_name: 'A NURLANOVA' }))
      .cards as { card_id: string }[];
    const card = (await f.api.call('card.info', { card_id: cards[0]?.card_id })).body.card;
    expect(card).toMatchObject({ kind: 'plastic', cardholder_name: 'A NURLANOVA', product_id: 2000 });
    expect((card as { expiry: string }).expiry).toBe('03/29');
    expect(
      await f.api.done('client.update', { client_id: clientId, product_id: 2000, client: { phone: 77019998877 } }),
    ).toMatchObject({
      request_status: 'success',
    });
  });

  it('sends a digit-free SMS for a processor-generated PIN, and none for an entered PIN', async () => {
    const phone = 77015550001;
    const clientId = (await f.api.done('client.create', { ...NEW_CLIENT, client: { ...NEW_CLIENT.client, phone } }))
      .client_id as string;
    const cardId = ((await f.api.done('card.issue', { client_id: clientId })).cards as { card_id: string }[])[0]
      ?.card_id;
    await f.api.done('card.activate', { card_id: cardId });
    await f.api.done('card.setPin', { card_id: cardId, pin: Buffer.alloc(32, 9).toString('base64') });
    expect(f.sandbox.outbox(String(phone))).toEqual([]);
    await f.api.done('card.setPin', { card_id: cardId });
    const sms = f.sandbox.outbox(String(phone));
    expect(sms).toHaveLength(1);
    expect(sms[0]?.text).toMatch(/PIN set/);
    expect(sms[0]?.text).not.toMatch(/\d/);
    expect(sms[0]?.code).toBeUndefined();
  });

  it('stores identification and limits per object', async () => {
    const { cardId, clientId } = await cardIn(f.api, 'active');
    await f.api.done('card.identify', {
      card_id: cardId,
      identification_info: { idn_date: '2026-03-01T09:00:00+05:00', identified_by: 'branch 7' },
    });
    const limits = [
      { transaction_type: 'pay', period: 'day', amount: [{ type: 'max', value: '50000', currency: 'KZT' }] },
      { transaction_type: 'withdrawal_atm', amount: [{ type: 'max', value: '1000.5', currency: 'KZT' }] },
    ];
    await f.api.done('limits.set', { object: { type: 'card', value: cardId }, limits });
    await f.api.done('limits.set', {
      object: { type: 'card', value: cardId },
      limits: [{ ...limits[0], amount: [{ type: 'max', value: '70000.00', currency: 'KZT' }] }],
    });
    const listed = (await f.api.call('limits.list', { object: { type: 'card', value: cardId } })).body.limits;
    expect(listed).toEqual([
      {
        transaction_type: 'pay',
        period: 'day',
        amount: '70000.00',
        currency: 'KZT',
        used: '0.00',
        available: '70000.00',
      },
      { transaction_type: 'withdrawal_atm', amount: '1000.50', currency: 'KZT', used: '0.00', available: '1000.50' },
    ]);
    expect((await f.api.call('limits.list', { object: { type: 'client', value: clientId } })).body.limits).toEqual([]);
    expect((await f.api.call('limits.list', { object: { type: 'client', value: 'nope' } })).body.error_code).toBe(
      'client_not_found',
    );
    expect((await f.api.call('limits.set', { object: { type: 'card', value: 'nope' }, limits })).body.error_code).toBe(
      'card_not_found',
    );
  });
});

describe('money and secrets', () => {
  it('has no operations before activation and a consistent statement and balance after', async () => {
    const { cardId } = await cardIn(f.api, 'inactive');
    expect((await f.api.call('card.statement', { card_id: cardId })).body.operations).toEqual([]);
    await f.api.done('card.activate', { card_id: cardId });
    const ops = (await f.api.call('card.statement', { card_id: cardId })).body.operations as {
      type: string;
      amount: number;
      commission: number;
      currency: string;
      mcc: string;
      rrn: string;
      datetime: string;
      merchant: { name: string; city: string; country: string };
    }[];
    expect(ops.length).toBeGreaterThanOrEqual(2);
    expect(ops[0]?.type).toBe('replenishment');
    for (const op of ops) {
      expect(op.currency).toBe('KZT');
      expect(op.mcc).toMatch(/^\d{4}$/);
      expect(op.rrn).toMatch(/^\d{12}$/);
      expect(Date.parse(op.datetime)).toBeLessThanOrEqual(f.clock.now);
      expect(op.merchant.name).not.toBe('');
    }
    const credit = ops.filter((o) => o.type === 'replenishment').reduce((s, o) => s + Math.round(o.amount * 100), 0);
    const debit = ops
      .filter((o) => o.type !== 'replenishment')
      .reduce((s, o) => s + Math.round((o.amount + o.commission) * 100), 0);
    const [account] = (await f.api.call('card.balance', { card_id: cardId })).body.accounts as Record<
      string,
      unknown
    >[];
    expect(account).toMatchObject({
      currency: 'KZT',
      credit: credit / 100,
      debit: debit / 100,
      amount: (credit - debit) / 100,
      blocked_amount: 0,
    });
    expect(account?.iban).toMatch(/^KZ\d{2}551\d{13}$/);
    expect(credit - debit).toBeGreaterThan(0);

    // Date filters are inclusive and cut the same list.
    const last = ops.at(-1)?.datetime ?? '';
    const tail = (await f.api.call('card.statement', { card_id: cardId, start_date: last })).body
      .operations as unknown[];
    expect(tail).toEqual([ops.at(-1)]);
    const head = (await f.api.call('card.statement', { card_id: cardId, end_date: ops[0]?.datetime })).body
      .operations as unknown[];
    expect(head).toEqual([ops[0]]);
    const ext = (
      await f.api.call('card.statementExtended', {
        card_id: cardId,
        start_date: '2000-01-01T00:00:00Z',
        end_date: '2100-01-01T00:00:00+05:00',
      })
    ).body;
    expect(ext).toMatchObject({ status: 'ok', authorizations: [], operations: ops, balances: { accounts: [account] } });
  });

  it('derives a Luhn-valid PAN that matches the stored mask, and the same PAN every time', async () => {
    const { cardId } = await cardIn(f.api, 'active');
    const mask = ((await f.api.call('card.info', { card_id: cardId })).body.card as { card_mask: string }).card_mask;
    const secret = (await f.api.call('card.secret', { card_id: cardId })).body;
    const pan = String(secret.pan);
    expect(pan).toMatch(/^\d{16}$/);
    expect(luhn(pan)).toBe(true);
    expect(`${pan.slice(0, 6)}******${pan.slice(-4)}`).toBe(mask);
    expect(secret.cvv).toMatch(/^\d{3}$/);
    expect(secret).toMatchObject({ expiry: '03/29', cardholder_name: 'AIGERIM NURLANOVA' });
    expect((await f.api.call('card.secret', { card_id: cardId })).body.pan).toBe(pan);
  });
});
