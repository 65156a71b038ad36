// Every sandbox fault kind against writes of every kind (async body-keyed, async header-keyed, sync gift):
// each write ends done, executed exactly once, none lost (docs/card-api.md, safe retry, sandbox).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardApiClient } from '../../main/core/card-api/client.ts';
import type { OpId } from '../../common/card-api/catalog/index.ts';
import { reconcileJournal } from '../../main/core/journal/reconcile.ts';
import { FAULT_KINDS } from '../../main/sandbox/index.ts';
import { doneResult, firstCardId, startHarness, walletClient, type Harness } from '../support/client-harness.ts';

let h: Harness;
let client: CardApiClient;
let activeCard: string;
let giftCard: number;

beforeAll(async () => {
  h = await startHarness();
  client = h.client({ deadlineMs: 400 });
  const clientId = doneResult(await client.call('client.create', walletClient)).client_id as string;
  activeCard = firstCardId(await client.call('card.issue', { client_id: clientId }));
  doneResult(await client.call('card.activate', { card_id: activeCard }));
  const products = doneResult(await client.call('gift.products', {})) as { product_list: { code: number }[] };
  giftCard = (
    doneResult(
      await client.call('gift.issue', {
        cardholder_name: 'A B',
        phone: 77001112233,
        product_code: products.product_list[0]!.code,
      }),
    ) as { card_id: number }
  ).card_id;
});
afterAll(async () => {
  await h.close();
});

// Writes that may be repeated any number of times on the same objects.
const writes: [OpId, () => Record<string, unknown>][] = [
  ['client.create', () => walletClient],
  ['card.issueBulk', () => ({ product_id: 3000, quantity: 2 })],
  [
    'limits.set',
    () => ({
      object: { type: 'card', value: activeCard },
      limits: [{ transaction_type: 'withdrawal_atm', amount: [{ type: 'max', value: '100.00', currency: 'KZT' }] }],
    }),
  ],
  ['card.setPin', () => ({ card_id: activeCard })],
  ['gift.resendCode', () => ({ card_id: giftCard })],
];

const committed = (op: string) => h.sandbox.stats().committed[op] ?? 0;

describe('fault matrix', () => {
  const tally = { runs: 0, done: 0, duplicated: 0 };

  describe.each(FAULT_KINDS)('%s', (kind) => {
    it.each(writes.map(([op, body]) => ({ op, body })))('$op ends done, executed once', async ({ op, body }) => {
      const before = committed(op);
      const firedBefore = h.sandbox.stats().faultsInjected[kind] ?? 0;
      h.sandbox.setFaults({ next: [{ op, kind, count: 1 }] });
      const outcome = await client.call(op, body());
      h.sandbox.clearFaults();
      expect(h.sandbox.stats().faultsInjected[kind]).toBe(firedBefore + 1);
      tally.runs++;
      expect(outcome.kind).toBe('done');
      if (outcome.kind === 'done') tally.done++;
      expect(h.journal.get(outcome.key)?.state).toBe('done');
      const executions = committed(op) - before;
      if (executions > 1) tally.duplicated++;
      expect(executions).toBe(1);
    });
  });

  it('ends with 0 lost and 0 executed twice', () => {
    expect(tally.runs).toBe(FAULT_KINDS.length * writes.length);
    expect(tally).toEqual({ runs: tally.runs, done: tally.runs, duplicated: 0 });
  });
});

describe('a gift card issued whose answer was lost', () => {
  it.each(['timeout_after_commit', 'reset_after_commit'] as const)(
    'after %s, the outcome names the card the bank issued, as the answer would have',
    async (kind) => {
      const products = doneResult(await client.call('gift.products', {})) as { product_list: { code: number }[] };
      h.sandbox.setFaults({ next: [{ op: 'gift.issue', kind, count: 1 }] });
      const outcome = await client.call('gift.issue', {
        cardholder_name: 'Lost Answer',
        phone: 77001112234,
        product_code: products.product_list[0]!.code,
      });
      h.sandbox.clearFaults();
      const issued = doneResult(outcome) as { card_id: unknown };
      expect(typeof issued.card_id).toBe('number');
      // The bank knows that card: it was issued once, under that id.
      const status = doneResult(await client.call('gift.status', { card_id: issued.card_id as number }));
      expect(status).toHaveProperty('card_status');
    },
  );
});

describe('latency past the deadline', () => {
  it('leaves the write unknown, then reconciliation adopts the server truth; executed once', async () => {
    const before = committed('card.issueBulk');
    h.sandbox.setFaults({ latency_ms: 700, next: [] });
    const outcome = await client.call('card.issueBulk', { product_id: 2000, quantity: 1 });
    expect(outcome.kind).toBe('unknown');
    expect(h.journal.get(outcome.key)?.state).toBe('unknown');
    h.sandbox.clearFaults();
    await new Promise((r) => setTimeout(r, 800)); // let the delayed copies arrive
    const report = await reconcileJournal(h.journal, () => client);
    expect(report.settled).toContainEqual({ key: outcome.key, op: 'card.issueBulk', state: 'done' });
    expect(h.journal.get(outcome.key)?.result?.cards).toHaveLength(1);
    expect(committed('card.issueBulk') - before).toBe(1);
  });
});

describe('crash between record and send', () => {
  it('is reconciled as never received once the deadline has passed, and nothing happened', async () => {
    const before = committed('card.issueBulk');
    // What a process leaves behind when it dies right after journaling: an intent and nothing else.
    const prepared = client.prepare('card.issueBulk', { product_id: 2000, quantity: 1 });
    h.journal.recordIntent({
      key: prepared.key,
      op: prepared.opId,
      at: Date.now() - 60_000,
      connection: client.connection,
      bodySha256: 'x',
      params: {},
      deadlineMs: 400,
    });
    const report = await reconcileJournal(h.journal, () => client);
    expect(report.settled).toContainEqual({ key: prepared.key, op: 'card.issueBulk', state: 'not_received' });
    expect(committed('card.issueBulk')).toBe(before);
  });

  it('stays open while a copy could still be on its way', async () => {
    const prepared = client.prepare('card.issueBulk', { product_id: 2000, quantity: 1 });
    h.journal.recordIntent({
      key: prepared.key,
      op: prepared.opId,
      at: Date.now(),
      connection: client.connection,
      bodySha256: 'x',
      params: {},
      deadlineMs: 400,
    });
    const report = await reconcileJournal(h.journal, () => client);
    expect(report.stillOpen).toContainEqual({ key: prepared.key, op: 'card.issueBulk', state: 'sending' });
  });
});

describe('async completion', () => {
  it('polls a slow request to success, and leaves it pending past the ceiling', async () => {
    const slow = await startHarness({ asyncMs: 600 });
    const patient = slow.client({ pollCeilingMs: 5_000 });
    const done = await patient.call('card.issueBulk', { product_id: 2000, quantity: 1 });
    expect(done.kind).toBe('done');
    const hasty = slow.client({ pollCeilingMs: 150 });
    const pending = await hasty.call('card.issueBulk', { product_id: 2000, quantity: 1 });
    expect(pending.kind).toBe('pending');
    expect(slow.journal.get(pending.key)?.state).toBe('pending');
    await new Promise((r) => setTimeout(r, 700));
    const report = await reconcileJournal(slow.journal, () => hasty);
    expect(report.settled).toContainEqual({ key: pending.key, op: 'card.issueBulk', state: 'done' });
    await slow.close();
  });
});
