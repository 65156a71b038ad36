// A card's and a client's operations: the journal's filters by card and by client find every operation about them
// (parameters, a limit's object, the id a card issue or a client creation got back), through their indexes, and
// the archives' matcher says the same.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from '../../main/core/journal/index.ts';
import { matches } from '../../main/core/journal/archive-search.ts';
import { createSchema } from '../../main/core/journal/schema.ts';
import { CARD_OF_SQL, CLIENT_OF_SQL } from '../../main/core/journal/subjects.ts';
import { intent } from '../support/journal-records.ts';
import { tempDir } from '../support/temp-dir.ts';

function record(
  journal: Journal,
  key: string,
  at: number,
  op: string,
  params: JournalEntry['params'],
  result?: object,
) {
  journal.recordIntent({ ...intent(key, at, { op }), params });
  if (result !== undefined) journal.recordOutcome({ key, at: at + 1, state: 'done', result: { ...result } });
}

describe('operations by card and by client', () => {
  const journal = Journal.open(tempDir(), { durable: false });
  record(journal, 'create', 1, 'client.create', { product_id: 2000 }, { client_id: 'cl_1' });
  record(
    journal,
    'issue',
    2,
    'card.issue',
    { client_id: 'cl_1' },
    { client_id: 'cl_1', cards: [{ card_id: 'card_1' }] },
  );
  record(
    journal,
    'bulk',
    3,
    'card.issueBulk',
    { product_id: 2000, quantity: 2 },
    {
      cards: [{ card_id: 'card_2' }, { card_id: 'card_3' }],
    },
  );
  record(journal, 'block', 4, 'card.block', { card_id: 'card_1', description: 'lost: ' });
  record(journal, 'limit', 5, 'limits.set', { object: { type: 'card', value: 'card_1' } });
  record(journal, 'client-limit', 6, 'limits.set', { object: { type: 'client', value: 'cl_1' } });
  record(journal, 'phone', 7, 'client.update', { client_id: 'cl_1', product_id: 2000 });
  record(journal, 'other', 8, 'card.block', { card_id: 'card_10' });
  record(journal, 'gift', 9, 'gift.resend', { card_id: 1 });

  const keys = (q: { cardId?: string; clientId?: string }) =>
    journal.page({ ...q, limit: 100 }).items.map((e) => e.key);

  it('finds every operation on a card, newest first, and no other card’s', () => {
    expect(keys({ cardId: 'card_1' })).toEqual(['limit', 'block', 'issue']);
    expect(keys({ cardId: 'card_2' })).toEqual([]); // a bulk issue is no one card's
    expect(keys({ cardId: '1' })).toEqual([]); // a gift card's number is not a payment card's id
    expect(journal.count({ cardId: 'card_1' })).toBe(3);
  });

  it('finds every operation on a client, its creation included', () => {
    expect(keys({ clientId: 'cl_1' })).toEqual(['phone', 'client-limit', 'issue', 'create']);
    expect(keys({ clientId: 'cl_1', cardId: 'card_1' })).toEqual(['issue']);
  });

  it('matches archived operations the same way', () => {
    for (const q of [{ cardId: 'card_1' }, { clientId: 'cl_1' }, { cardId: '1' }]) {
      const archived = journal
        .list()
        .filter((e) => matches(e, q))
        .reverse()
        .map((e) => e.key);
      expect(archived).toEqual(keys(q));
    }
  });

  it('reads a card or a client through its index', () => {
    const db = new DatabaseSync(':memory:');
    createSchema(db);
    for (const [expr, index] of [
      [CARD_OF_SQL, 'operations_card'],
      [CLIENT_OF_SQL, 'operations_client'],
    ] as const) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM operations WHERE ${expr} = ? ORDER BY at DESC, seq DESC LIMIT 5`)
        .all('x') as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toContain(`USING INDEX ${index}`);
    }
    db.close();
  });
});
