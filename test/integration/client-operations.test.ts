// Every operation of docs/card-api.md, payment-card catalog and gift catalog through the real client against the real sandbox, in both schemes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_IDS } from '../../common/card-api/catalog/index.ts';
import { doneResult, firstCardId, startHarness, walletClient, type Harness } from '../support/client-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe.each(['sha256-body', 'jws-hs512'] as const)('every operation with %s', (scheme) => {
  it('runs the whole payment-card and gift-card life cycle', async () => {
    const client = h.client({ scheme });
    const covered = new Set<string>();
    const call = async (op: Parameters<typeof client.call>[0], body: Record<string, unknown>) => {
      covered.add(op);
      return client.call(op, body);
    };

    const created = doneResult(await call('client.create', walletClient));
    const clientId = created.client_id as string;
    expect(clientId).toMatch(/\S/);
    doneResult(await call('client.update', { client_id: clientId, product_id: 2000, client: { phone: 77017654321 } }));

    const cardId = firstCardId(await call('card.issue', { client_id: clientId }));
    const info = doneResult(await call('card.info', { card_id: cardId })) as {
      card: { status: string; client_id: string; card_mask: string };
    };
    expect(info.card).toMatchObject({ status: 'inactive', client_id: clientId });
    expect(info.card.card_mask).toMatch(/^\d{6}\*{6}\d{4}$/);

    doneResult(await call('card.activate', { card_id: cardId }));
    const balance = doneResult(await call('card.balance', { card_id: cardId })) as { accounts: { amount: number }[] };
    expect(balance.accounts.length).toBeGreaterThan(0);
    const statement = doneResult(await call('card.statement', { card_id: cardId })) as { operations: unknown[] };
    expect(statement.operations.length).toBeGreaterThan(0);
    const extended = doneResult(
      await call('card.statementExtended', {
        card_id: cardId,
        start_date: '2000-01-01T00:00:00Z',
        end_date: '2100-01-01T00:00:00Z',
      }),
    ) as { card: { card_id: string }; client_id: string };
    expect(extended.card.card_id).toBe(cardId);
    expect(extended.client_id).toBe(clientId);

    doneResult(await call('card.block', { card_id: cardId, description: 'lost card' }));
    expect(
      (doneResult(await client.call('card.info', { card_id: cardId })) as { card: { status: string } }).card.status,
    ).toBe('blocked');
    doneResult(await call('card.unblock', { card_id: cardId, description: 'found again' }));
    doneResult(await call('card.setPin', { card_id: cardId }));
    doneResult(await call('card.setPin', { card_id: cardId, pin: Buffer.alloc(12 + 4 + 16, 7).toString('base64') }));
    doneResult(await call('card.resetPinCounter', { card_id: cardId }));
    doneResult(
      await call('card.identify', {
        card_id: cardId,
        identification_info: { idn_date: '2026-11-01T10:00:00+05:00', identified_by: 'branch 1' },
      }),
    );
    doneResult(
      await call('limits.set', {
        object: { type: 'card', value: cardId },
        limits: [
          { transaction_type: 'pay', period: 'day', amount: [{ type: 'max', value: '50000.00', currency: 'KZT' }] },
        ],
      }),
    );
    const limits = doneResult(await call('limits.list', { object: { type: 'card', value: cardId } })) as {
      limits: { transaction_type: string; amount: string }[];
    };
    expect(limits.limits).toContainEqual(expect.objectContaining({ transaction_type: 'pay', amount: '50000.00' }));

    const secret = doneResult(await call('card.secret', { card_id: cardId })) as { pan: string; cvv: string };
    expect(secret.pan.slice(0, 6) + '******' + secret.pan.slice(-4)).toBe(info.card.card_mask);
    expect(secret.cvv).toMatch(/^\d{3}$/);

    const plastic = firstCardId(
      await call('card.issuePlastic', { client_id: clientId, embossed_name: 'AIGERIM NURLANOVA' }),
    );
    const bulk = doneResult(await call('card.issueBulk', { product_id: 2000, quantity: 3 })) as {
      cards: { card_id: string }[];
    };
    expect(bulk.cards).toHaveLength(3);
    const [unassigned] = bulk.cards;
    doneResult(await call('card.link', { client_id: clientId, card_id: unassigned?.card_id }));
    const cards = doneResult(await call('client.cards', { client_id: clientId })) as { cards: { card_id: string }[] };
    expect(cards.cards.map((c) => c.card_id).sort()).toEqual([cardId, plastic, unassigned?.card_id].sort());

    doneResult(await call('card.close', { card_id: cardId, description: 'client request' }));
    const status = await call('request.status', {
      request_id: (await client.call('card.info', { card_id: cardId })).key,
    });
    expect(status).toMatchObject({ kind: 'failed', code: 'request_not_found' }); // reads are not requests to track

    // Gift cards: products → issue → one-time code from the outbox → confirm → status.
    const products = doneResult(await call('gift.products', {})) as {
      product_list: { code: number; balance: number }[];
    };
    const product = products.product_list[0]!;
    const phone = 77770001122;
    const issued = doneResult(
      await call('gift.issue', { cardholder_name: 'IVANOV IVAN', phone, product_code: product.code }),
    ) as { card_id: number };
    doneResult(await call('gift.resend', { card_id: issued.card_id }));
    doneResult(await call('gift.resendCode', { card_id: issued.card_id }));
    const code = h.sandbox
      .outbox(String(phone))
      .filter((m) => m.code !== undefined)
      .at(-1)?.code;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await client.call('gift.confirm', {
      card_id: issued.card_id,
      otp: code === '000000' ? '111111' : '000000',
    });
    expect(wrong).toMatchObject({ kind: 'failed', code: 'gift:-8' });
    const confirmed = doneResult(await call('gift.confirm', { card_id: issued.card_id, otp: code }));
    expect(confirmed).toMatchObject({ card_status: 2, card_balance: product.balance });
    expect(doneResult(await call('gift.status', { card_id: issued.card_id }))).toMatchObject({ card_status: 2 });

    expect([...covered].sort()).toEqual([...OP_IDS].sort());
  });
});

describe('refusals', () => {
  it('answers a wrong secret with invalid_signature and changes nothing', async () => {
    const before = h.sandbox.stats().committed['card.issueBulk'] ?? 0;
    for (const scheme of ['sha256-body', 'jws-hs512'] as const) {
      const outcome = await h
        .client({ scheme, secret: 'not-the-secret' })
        .call('card.issueBulk', { product_id: 2000, quantity: 1 });
      expect(outcome).toMatchObject({ kind: 'failed', code: 'invalid_signature' });
      expect(h.journal.get(outcome.key)?.state).toBe('failed');
    }
    expect(h.sandbox.stats().committed['card.issueBulk'] ?? 0).toBe(before);
  });

  it('answers an unknown merchant with unknown_merchant', async () => {
    const outcome = await h.client({ merchantId: 999_999 }).call('card.info', { card_id: 'c1' });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'unknown_merchant' });
  });

  it('refuses a state-machine violation with invalid_card_state', async () => {
    const client = h.client();
    const clientId = doneResult(await client.call('client.create', walletClient)).client_id as string;
    const cardId = firstCardId(await client.call('card.issue', { client_id: clientId }));
    expect(await client.call('card.block', { card_id: cardId, description: 'x' })).toMatchObject({
      kind: 'failed',
      code: 'invalid_card_state',
    });
    expect(await client.call('card.setPin', { card_id: cardId })).toMatchObject({
      kind: 'failed',
      code: 'invalid_card_state',
    });
    doneResult(await client.call('card.close', { card_id: cardId, description: 'x' }));
    expect(await client.call('card.activate', { card_id: cardId })).toMatchObject({
      kind: 'failed',
      code: 'invalid_card_state',
    });
    expect(await client.call('card.info', { card_id: 'no-such-card' })).toMatchObject({
      kind: 'failed',
      code: 'card_not_found',
    });
  });

  it('rejects invalid bodies before anything is sent or journaled', () => {
    const client = h.client();
    const before = h.journal.list().length;
    const requests = h.sandbox.stats().requests;
    expect(() => client.prepare('card.issueBulk', { product_id: 2000, quantity: 5000 })).toThrow(
      /^quantity: at most 1000$/,
    );
    expect(() =>
      client.prepare('client.create', { ...walletClient, client: { ...walletClient.client, first_name: 'Айгерим' } }),
    ).toThrow(/client\.first_name: Latin letters only/);
    expect(() => client.prepare('card.block', { card_id: 'c', description: 'x', request_id: 'mine' } as never)).toThrow(
      /request_id/,
    );
    expect(h.journal.list().length).toBe(before);
    expect(h.sandbox.stats().requests).toBe(requests);
  });

  it('reports an unreachable server as a transport failure, and the journal as not received', async () => {
    const dead = await startHarness();
    const client = dead.client();
    await dead.sandbox.close();
    const outcome = await client.call('card.activate', { card_id: 'c1' });
    expect(outcome.kind).toBe('transport');
    expect(dead.journal.get(outcome.key)?.state).toBe('not_received');
    dead.journal.close();
  });
});
