import { describe, expect, it } from 'vitest';
import {
  carriesRequestId,
  fullPath,
  isOpId,
  OP_IDS,
  operations,
  opIdForPath,
} from '../../common/card-api/catalog/index.ts';
import { fieldProblems } from '../../common/card-api/validation.ts';
import { documentedOperations } from '../support/card-api-doc.ts';

const uuid = '3b241101-e2bb-4255-8caf-4136c566a962';
const pdf = Buffer.from('%PDF-1.4 test').toString('base64');

describe('operations catalog', () => {
  it('holds every docs/card-api.md, payment-card catalog, gift catalog operation exactly once, at its documented path', () => {
    const documented = documentedOperations();
    expect(documented.size).toBe(28); // 22 payment-card + 6 gift-card operations
    // A catalog op without its row in docs/card-api.md: docs/adding-an-operation.md, "2. Document it".
    expect([...OP_IDS].sort()).toEqual([...documented.keys()].sort());
    for (const [id, { path }] of documented) {
      expect(isOpId(id)).toBe(true);
      if (isOpId(id)) expect(fullPath(id)).toBe(path);
    }
    expect(new Set(OP_IDS.map(fullPath)).size).toBe(OP_IDS.length);
  });

  it('maps paths back to op ids', () => {
    expect(opIdForPath('/v5/card-api/card/set_pin')).toBe('card.setPin');
    expect(opIdForPath('/v5/cards/activate_card')).toBe('gift.confirm');
    expect(opIdForPath('/v5/card-api/_sandbox/outbox')).toBeUndefined();
  });

  it('marks modes, access and sensitivity as docs/card-api.md does', () => {
    expect(operations['card.secret'].sensitive).toBe(true);
    expect(OP_IDS.filter((id) => operations[id].sensitive)).toEqual(['card.secret']);
    expect(operations['card.close'].irreversible).toBe(true);
    expect(operations['client.create'].mode).toBe('async');
    expect(operations['card.info']).toMatchObject({ mode: 'sync', access: 'read' });
    expect(OP_IDS.filter((id) => operations[id].api === 'gift').every((id) => operations[id].mode === 'sync')).toBe(
      true,
    );
    // set_pin's documented body has no request_id: its Request-Id header is the key (docs/card-api.md, safe retry).
    expect(operations['card.setPin'].keyedBy).toBe('header');
    expect(carriesRequestId('card.setPin')).toBe(false);
    expect(carriesRequestId('card.block')).toBe(true);
    expect(carriesRequestId('request.status')).toBe(false);
  });

  it('requires the docs/card-api.md, payment-card catalog fields for product 1000 only, naming each', () => {
    const base = {
      request_id: uuid,
      client: { phone: 77011234567, type: 1, resident: 1, first_name: 'Ivan', last_name: 'Ivanov' },
    };
    const wallet = operations['client.create'].request.safeParse({ ...base, product_id: 1000 });
    expect(wallet.success).toBe(false);
    if (!wallet.success) {
      expect(
        fieldProblems(wallet.error)
          .map((p) => p.field)
          .sort(),
      ).toEqual(['client.address1', 'client.country', 'client.document', 'client.person_id']);
    }
    expect(operations['client.create'].request.safeParse({ ...base, product_id: 2000 }).success).toBe(true);
    const full = {
      ...base,
      product_id: 1000,
      client: {
        ...base.client,
        country: 'KAZ',
        person_id: '900101300123',
        document: pdf,
        address1: {
          country: 'KAZ',
          postal_code: '050000',
          address_line1: 'Almaty',
          address_line2: 'Abaya',
          address_line3: '10',
        },
      },
    };
    expect(operations['client.create'].request.safeParse(full).success).toBe(true);
  });

  it('refuses non-Latin names, non-PDF documents and unknown fields', () => {
    const parse = (client: Record<string, unknown>) =>
      operations['client.create'].request.safeParse({
        request_id: uuid,
        product_id: 2000,
        client: { phone: 77011234567, type: 1, resident: 1, first_name: 'Ivan', last_name: 'Ivanov', ...client },
      });
    const cyrillic = parse({ first_name: 'Иван' });
    expect(cyrillic.success).toBe(false);
    if (!cyrillic.success)
      expect(fieldProblems(cyrillic.error)[0]).toEqual({ field: 'client.first_name', message: 'Latin letters only' });
    const png = parse({ document: Buffer.from('\x89PNG....').toString('base64') });
    expect(png.success).toBe(false);
    if (!png.success) expect(fieldProblems(png.error)[0]?.message).toBe('must be a PDF file');
    const extra = parse({ nickname: 'x' });
    expect(extra.success).toBe(false);
    if (!extra.success) expect(fieldProblems(extra.error)[0]?.message).toContain('nickname');
  });

  it('limits bulk quantity to 1..1000 and phone to E.164 integers', () => {
    const bulk = operations['card.issueBulk'].request;
    expect(bulk.safeParse({ request_id: uuid, product_id: 2000, quantity: 1000 }).success).toBe(true);
    expect(bulk.safeParse({ request_id: uuid, product_id: 2000, quantity: 1001 }).success).toBe(false);
    expect(bulk.safeParse({ request_id: uuid, product_id: 2000, quantity: 0 }).success).toBe(false);
    const gift = operations['gift.issue'].request;
    expect(gift.safeParse({ cardholder_name: 'A', phone: '77011234567', product_code: 1 }).success).toBe(false);
    expect(gift.safeParse({ cardholder_name: 'A', phone: 77011234567, product_code: 1 }).success).toBe(true);
  });

  it('validates limits amounts as decimal strings', () => {
    const set = operations['limits.set'].request;
    const body = (value: string) => ({
      request_id: uuid,
      object: { type: 'card', value: 'c1' },
      limits: [{ transaction_type: 'pay', period: 'day', amount: [{ type: 'max', value, currency: 'KZT' }] }],
    });
    expect(set.safeParse(body('1500.00')).success).toBe(true);
    expect(set.safeParse(body('15,00')).success).toBe(false);
  });
});

describe('generated request ids', () => {
  it('are added exactly to the bodies that have a request_id field', () => {
    expect(OP_IDS.filter(carriesRequestId).sort()).toEqual(
      [
        'card.activate',
        'card.block',
        'card.close',
        'card.identify',
        'card.issue',
        'card.issueBulk',
        'card.issuePlastic',
        'card.link',
        'card.resetPinCounter',
        'card.unblock',
        'client.create',
        'client.update',
        'limits.list',
        'limits.set',
      ].sort(),
    );
  });
});
