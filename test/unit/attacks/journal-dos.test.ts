// Attacks on main's availability through the journal's queries: a page or an export that never ends (rows that
// share one time, a cursor replayed), and a text filter long enough to make every row's match slow. A walk must
// end with each row once, and the contract bounds what a filter may hold (docs/architecture.md, "Paged lists").
import { describe, expect, it } from 'vitest';
import { specOf } from '../../../common/contract/index.ts';
import { Journal } from '../../../main/core/journal/index.ts';
import { MAX_PAGE } from '../../../main/core/journal/queries.ts';
import { attack } from '../../support/attack.ts';
import { intent } from '../../support/journal-records.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('pages that never end', () => {
  it('a walk over rows of one same time ends, each row once, and a replayed cursor moves no further back', () =>
    attack('journal pages: a cursor that loops over rows of the same time', () => {
      const journal = Journal.open(tempDir(), { durable: false });
      const total = MAX_PAGE * 2 + 7;
      for (let i = 0; i < total; i++) journal.recordIntent(intent(`k-${String(i)}`, 5000));
      const keys = [...journal.iterate()].map((e) => e.key);
      expect(keys).toHaveLength(total);
      expect(new Set(keys).size).toBe(total);
      const first = journal.page({ limit: 10 });
      const again = journal.page({ limit: 10, cursor: first.nextCursor });
      const replayed = journal.page({ limit: 10, cursor: first.nextCursor });
      expect(replayed).toEqual(again);
      expect(again.items.some((e) => first.items.some((f) => f.key === e.key))).toBe(false);
      journal.close();
    }));
});

describe('filters that make every row slow', () => {
  it('the contract refuses a text, an operation or a cursor past its bound, and a page past 500 rows', () =>
    attack('journal filters: an unbounded text or page makes main hang', () => {
      for (const method of ['journal.search', 'requests.list'] as const) {
        const args = specOf(method)?.args;
        expect(args?.safeParse({ text: '%'.repeat(200) }).success).toBe(true);
        expect(args?.safeParse({ text: '%'.repeat(201) }).success).toBe(false);
        expect(args?.safeParse({ op: 'x'.repeat(65) }).success).toBe(false);
        expect(args?.safeParse({ cursor: '1'.repeat(513) }).success).toBe(false);
        expect(args?.safeParse({ limit: 501 }).success).toBe(false);
      }
      expect(specOf('journal.count')?.args.safeParse({ text: 'x'.repeat(201) }).success).toBe(false);
    }));
});
