// A bank that adds card data to every answer: a proxy in front of the real sandbox puts `pan`, `cvv` and
// `track2` into every object of every answer (the top level, cards, accounts, operations, limits, products).
// Whatever the client hands on (the renderer gets exactly that) must carry none of them; card data comes only
// from card.secret, through the audited reveal.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpId } from '../../../common/card-api/catalog/index.ts';
import { CardApiClient } from '../../../main/core/card-api/client.ts';
import { InMemorySecret } from '../../../main/core/vault/in-memory-secret.ts';
import { attack } from '../../support/attack.ts';
import {
  doneResult,
  firstCardId,
  MERCHANT,
  startHarness,
  walletClient,
  type Harness,
} from '../../support/client-harness.ts';

const PAN = '4111111111111111';
const CVV = '987';
// The CVV is looked for as a JSON string: three digits alone turn up inside random ids, rrns and amounts.
const CANARIES = [PAN, JSON.stringify(CVV), `${PAN}=2912101`];

function salted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(salted);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, salted(v)]);
  return { ...Object.fromEntries(entries), pan: PAN, cvv: CVV, track2: `${PAN}=2912101` };
}

let h: Harness;
let proxy: Server;
let client: CardApiClient;

beforeAll(async () => {
  h = await startHarness();
  const target = new URL(h.sandbox.url);
  proxy = createServer((req, res) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = JSON.stringify(salted(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          res.writeHead(answer.statusCode ?? 502, { 'Content-Type': 'application/json' });
          res.end(body);
        });
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  client = new CardApiClient({
    connection: {
      baseUrl: `http://127.0.0.1:${String((proxy.address() as AddressInfo).port)}`,
      merchantId: MERCHANT.id,
      scheme: 'sha256-body',
    },
    secrets: new InMemorySecret(MERCHANT.secret),
    journal: h.journal,
    deadlineMs: 2_000,
    pollCeilingMs: 5_000,
  });
});
afterAll(async () => {
  proxy.close();
  await h.close();
});

describe('unknown fields in bank answers', () => {
  it('never pass on from any read or write', () =>
    attack('card data added by the bank to every answer reaching the renderer', async () => {
      const passedOn: unknown[] = [];
      const call = async (op: OpId, body: Record<string, unknown>) => {
        const outcome = await client.call(op, body);
        passedOn.push(outcome);
        return outcome;
      };
      const clientId = doneResult(await call('client.create', walletClient)).client_id as string;
      const cardId = firstCardId(await call('card.issue', { client_id: clientId }));
      await call('card.activate', { card_id: cardId });
      await call('client.cards', { client_id: clientId });
      await call('card.info', { card_id: cardId });
      await call('card.balance', { card_id: cardId });
      await call('card.statement', { card_id: cardId });
      await call('card.statementExtended', {
        card_id: cardId,
        start_date: '2026-01-01T00:00:00Z',
        end_date: '2026-12-31T00:00:00Z',
      });
      await call('limits.list', { object: { type: 'card', value: cardId } });
      const products = doneResult(await call('gift.products', {})) as { product_list: { code: number }[] };
      const gift = doneResult(
        await call('gift.issue', {
          cardholder_name: 'A B',
          phone: 77001112233,
          product_code: products.product_list[0]!.code,
        }),
      ) as { card_id: number };
      await call('gift.status', { card_id: gift.card_id });
      for (const outcome of passedOn) expect(outcome).toMatchObject({ kind: 'done' });
      const text = JSON.stringify(passedOn);
      for (const canary of CANARIES) expect(text).not.toContain(canary);
      expect(text).not.toMatch(/"(pan|cvv|track2)"/);
    }));
});
