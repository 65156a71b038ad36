// Fault matrix: every write operation × every sandbox fault kind (timeout after commit, reset before
// and after commit, 500, 429 with Retry-After, malformed JSON) and latency past the deadline, several
// operations per cell. Each kind runs as one batch: set up fresh objects (no faults), inject, run every
// operation at once, reconcile what is still open, then check: every operation done, executed exactly once
// (the bank's commit counters), nothing left unknown, and each fault provably fired.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { OpId } from '../../common/card-api/catalog/index.ts';
import type { CardApiClient } from '../../main/core/card-api/client.ts';
import { operations } from '../../common/card-api/catalog/index.ts';
import { reconcileJournal } from '../../main/core/journal/reconcile.ts';
import { FAULT_KINDS } from '../../main/sandbox/index.ts';
import { doneResult, firstCardId, startHarness, type Harness } from '../support/client-harness.ts';
import { recordFigures } from './figures.ts';

const PER_CELL = 3;
const DEADLINE_MS = 800;
const KINDS = [...FAULT_KINDS, 'latency_past_deadline'] as const;
type Kind = (typeof KINDS)[number];

let h: Harness;
let client: CardApiClient;
let giftProduct: number;
let serial = 0;
const nextPhone = () => 77002000000 + serial++;

/** A fresh bank per fault kind: its merchant's gift balance covers one kind's gift cards. */
async function openBank(): Promise<void> {
  h = await startHarness({ asyncMs: 5 });
  // Reconciliation polls after a fault share the deadline; a short "not received" grace keeps cells quick.
  client = h.client({ deadlineMs: DEADLINE_MS, notReceivedGraceMs: 1_000, pollCeilingMs: 10_000 });
  const products = doneResult(await client.call('gift.products', {})) as {
    product_list: { code: number; balance: number }[];
  };
  giftProduct = [...products.product_list].sort((a, b) => a.balance - b.balance)[0]?.code ?? 0;
}
afterEach(async () => {
  await h.close();
});

const newClient = async (): Promise<string> =>
  doneResult(
    await client.call('client.create', {
      product_id: 2000,
      client: { phone: nextPhone(), type: 1, resident: 1, first_name: 'Matrix', last_name: 'Client' },
    }),
  ).client_id as string;
const newCard = async (state: 'inactive' | 'active' | 'blocked'): Promise<string> => {
  const card = firstCardId(await client.call('card.issue', { client_id: await newClient() }));
  if (state !== 'inactive') doneResult(await client.call('card.activate', { card_id: card }));
  if (state === 'blocked') doneResult(await client.call('card.block', { card_id: card, description: 'lost: setup' }));
  return card;
};
const newGift = async (): Promise<{ cardId: number; phone: number }> => {
  const phone = nextPhone();
  const issued = doneResult(
    await client.call('gift.issue', { cardholder_name: 'Gift Holder', phone, product_code: giftProduct }),
  );
  return { cardId: issued.card_id as number, phone };
};

/** Each write operation and how to build a fresh, valid body for it (objects in the right state). */
const WRITES: Record<string, () => Promise<Record<string, unknown>>> = {
  'client.create': () =>
    Promise.resolve({
      product_id: 2000,
      client: { phone: nextPhone(), type: 1, resident: 1, first_name: 'Matrix', last_name: 'Target' },
    }),
  'client.update': async () => ({ client_id: await newClient(), product_id: 2000, client: { phone: nextPhone() } }),
  'card.issue': async () => ({ client_id: await newClient() }),
  'card.issuePlastic': async () => ({ client_id: await newClient(), embossed_name: 'MATRIX TARGET' }),
  'card.issueBulk': () => Promise.resolve({ product_id: 3000, quantity: 2 }),
  'card.link': async () => {
    const bulk = doneResult(await client.call('card.issueBulk', { product_id: 2000, quantity: 1 }));
    const cardId = (bulk.cards as { card_id: string }[])[0]?.card_id ?? '';
    return { client_id: await newClient(), card_id: cardId };
  },
  'card.activate': async () => ({ card_id: await newCard('inactive') }),
  'card.block': async () => ({ card_id: await newCard('active'), description: 'stolen: matrix' }),
  'card.unblock': async () => ({ card_id: await newCard('blocked'), description: 'found: matrix' }),
  'card.setPin': async () => ({ card_id: await newCard('active') }),
  'card.resetPinCounter': async () => ({ card_id: await newCard('active') }),
  'card.close': async () => ({ card_id: await newCard('active'), description: 'client_request: matrix' }),
  'card.identify': async () => ({
    card_id: await newCard('active'),
    identification_info: { idn_date: '2026-11-01T10:00:00+05:00', identified_by: 'branch 7' },
  }),
  'limits.set': async () => ({
    object: { type: 'card', value: await newCard('active') },
    limits: [{ transaction_type: 'pay', period: 'day', amount: [{ type: 'max', value: '1000.00', currency: 'KZT' }] }],
  }),
  'gift.issue': () =>
    Promise.resolve({ cardholder_name: 'Gift Target', phone: nextPhone(), product_code: giftProduct }),
  'gift.confirm': async () => {
    const gift = await newGift();
    const code = h.sandbox.outbox(String(gift.phone)).findLast((m) => m.code !== undefined)?.code ?? '';
    return { card_id: gift.cardId, otp: code };
  },
  'gift.resend': async () => ({ card_id: (await newGift()).cardId }),
  'gift.resendCode': async () => ({ card_id: (await newGift()).cardId }),
};

const WRITE_OPS = Object.keys(WRITES) as OpId[];
const tally = { operations: 0, faults: 0, lost: 0, duplicated: 0, unknownLeft: 0 };
const rows: string[] = [];

describe('fault matrix: every write × every fault kind', () => {
  it('covers every write operation of the catalog', async () => {
    await openBank();
    const catalogWrites = (Object.keys(operations) as OpId[]).filter((op) => operations[op].access === 'write');
    expect([...WRITE_OPS].sort()).toEqual([...catalogWrites].sort());
  });

  it.each(KINDS)('%s: every operation done, executed once, none unknown', async (kind: Kind) => {
    // 1. Fresh objects, no faults.
    await openBank();
    const cells = await Promise.all(
      WRITE_OPS.flatMap((op) =>
        Array.from({ length: PER_CELL }, async () => ({
          op,
          body: await (WRITES[op] ?? (() => Promise.resolve({})))(),
        })),
      ),
    );
    const committedBefore = { ...h.sandbox.stats().committed };
    const firedBefore = kind === 'latency_past_deadline' ? 0 : (h.sandbox.stats().faultsInjected[kind] ?? 0);

    // 2. Inject and run every operation at once.
    if (kind === 'latency_past_deadline') h.sandbox.setFaults({ latency_ms: DEADLINE_MS + 300, next: [] });
    else h.sandbox.setFaults({ next: WRITE_OPS.map((op) => ({ op, kind, count: PER_CELL })) });
    const outcomes = await Promise.all(cells.map(({ op, body }) => client.call(op, body as never)));
    h.sandbox.clearFaults();
    const fired =
      kind === 'latency_past_deadline'
        ? outcomes.filter((o) => o.kind !== 'done').length
        : (h.sandbox.stats().faultsInjected[kind] ?? 0) - firedBefore;

    // 3. Reconcile what is still open (unknown, pending), as the app does at start and on demand.
    for (let pass = 0; pass < 5 && h.journal.open().length > 0; pass++) {
      await reconcileJournal(h.journal, () => client);
    }

    // 4. Check every cell against the journal and the bank.
    const committed = h.sandbox.stats().committed;
    let lost = 0;
    let duplicated = 0;
    for (const op of WRITE_OPS) {
      const mine = outcomes.filter((_, i) => cells[i]?.op === op).map((o) => h.journal.get(o.key)?.state);
      const done = mine.filter((s) => s === 'done').length;
      const executions = (committed[op] ?? 0) - (committedBefore[op] ?? 0);
      lost += PER_CELL - done + Math.max(0, done - executions);
      duplicated += Math.max(0, executions - done);
    }
    const unknownLeft = outcomes.filter((o) => {
      const state = h.journal.get(o.key)?.state;
      return state === 'sending' || state === 'pending' || state === 'unknown';
    }).length;
    tally.operations += cells.length;
    tally.faults += fired;
    tally.lost += lost;
    tally.duplicated += duplicated;
    tally.unknownLeft += unknownLeft;
    rows.push(
      `${kind.padEnd(24)} ops ${String(cells.length).padStart(3)}  faults ${String(fired).padStart(3)}  lost ${String(lost)}  duplicated ${String(duplicated)}  unknown left ${String(unknownLeft)}`,
    );
    expect(fired).toBeGreaterThanOrEqual(cells.length);
    expect({ lost, duplicated, unknownLeft }).toEqual({ lost: 0, duplicated: 0, unknownLeft: 0 });
  });

  afterAll(() => {
    recordFigures(
      'fault-matrix',
      {
        operations: tally.operations,
        faultsInjected: tally.faults,
        lost: tally.lost,
        duplicated: tally.duplicated,
        unknownLeft: tally.unknownLeft,
      },
      rows,
    );
  });
});
