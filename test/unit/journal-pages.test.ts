// Paged reads of the journal: a cursor walks every match exactly once, newest first, with every filter.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../main/core/errors.ts';
import { Journal, type EntryQuery } from '../../main/core/journal/index.ts';
import { intent } from '../support/journal-records.ts';
import { tempDir } from '../support/temp-dir.ts';
import { thrownBy } from '../support/thrown.ts';

const OPS = ['card.block', 'client.create', 'card.issue'];
const STATES = ['done', 'failed', 'unknown', 'pending', 'not_received'] as const;

function filled(n: number): Journal {
  const journal = Journal.open(tempDir(), { durable: false });
  for (let i = 0; i < n; i++) {
    // Several operations share a time, as a busy second would.
    journal.recordIntent(
      intent(`k${String(i)}`, 1000 + Math.floor(i / 3), {
        op: OPS[i % 3],
        profileId: i % 2 === 0 ? 'kz' : 'kg',
        ...(i % 10 === 0 ? { tag: `bulk:j${String(i % 20)}:${String(i)}:card` } : {}),
      }),
    );
    if (i % 7 !== 0)
      journal.recordOutcome({
        key: `k${String(i)}`,
        at: 5000 + i,
        state: STATES[i % 5] ?? 'done',
        ...(i === 4 ? { result: { client_id: 'cl-k4' } } : {}),
      });
  }
  return journal;
}

function walk(journal: Journal, query: EntryQuery, limit: number): string[] {
  const keys: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = journal.page({ ...query, cursor, limit });
    keys.push(...page.items.map((e) => e.key));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    cursor = page.nextCursor;
    if (cursor === null) return keys;
  }
  throw new Error('the cursor never ended');
}

describe('journal pages', () => {
  const journal = filled(500);
  const all = journal.list(); // oldest first

  const cases: [string, EntryQuery, (e: (typeof all)[number]) => boolean][] = [
    ['everything', {}, () => true],
    [
      'open states',
      { states: ['sending', 'pending', 'unknown'] },
      (e) => ['sending', 'pending', 'unknown'].includes(e.state),
    ],
    ['one state', { states: ['failed'] }, (e) => e.state === 'failed'],
    ['an operation', { op: 'client.create' }, (e) => e.op === 'client.create'],
    ['a profile', { profileId: 'kg' }, (e) => e.connection.profileId === 'kg'],
    ['a time range', { from: 1010, to: 1020 }, (e) => e.at >= 1010 && e.at <= 1020],
    ['a tag prefix', { tagPrefix: 'bulk:j10:' }, (e) => e.tag?.startsWith('bulk:j10:') === true],
    ['text in the parameters, any case', { text: 'C-K12' }, (e) => e.key.startsWith('k12')],
    ['text with LIKE wildcards taken literally', { text: '%' }, () => false],
    ['text in the result (an id the bank gave)', { text: 'CL-K4' }, (e) => e.result?.client_id === 'cl-k4'],
    [
      'filters together',
      { op: 'card.issue', profileId: 'kz', states: ['done', 'sending'] },
      (e) => e.op === 'card.issue' && e.connection.profileId === 'kz' && ['done', 'sending'].includes(e.state),
    ],
  ];

  for (const [name, query, match] of cases) {
    it(`walks ${name} exactly once, newest first, and counts it`, () => {
      const expected = all
        .filter(match)
        .reverse()
        .map((e) => e.key);
      expect(expected.length).toBeGreaterThan(name.includes('literally') ? -1 : 0);
      for (const limit of [1, 7, 100, 1000]) expect(walk(journal, query, limit)).toEqual(expected);
      expect(journal.count(query)).toBe(expected.length);
      expect([...journal.iterate(query)].map((e) => e.key)).toEqual(expected);
    });
  }

  it('pages the audit trail the same way', () => {
    const audited = Journal.open(tempDir(), { durable: false });
    for (let i = 0; i < 50; i++)
      audited.recordAudit({
        key: `a${String(i)}`,
        at: 100 + (i >> 2),
        action: i % 2 ? 'reveal' : 'secret.set',
        details: {},
      });
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const page = audited.auditPage({ action: 'reveal', cursor, limit: 4 });
      keys.push(...page.items.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(keys).toEqual(
      audited
        .auditTrail()
        .filter((r) => r.action === 'reveal')
        .reverse()
        .map((r) => r.key),
    );
    audited.close();
  });

  it('refuses a page size out of bounds and a cursor it did not give', () => {
    for (const limit of [0, 1001, 1.5])
      expect(thrownBy(() => journal.page({ limit }), DeskError).code).toBe('invalid_arguments');
    for (const cursor of ['x', '1:2; DROP TABLE operations', '1:-2'])
      expect(thrownBy(() => journal.page({ cursor, limit: 5 }), DeskError).code).toBe('invalid_arguments');
    expect(journal.count()).toBe(500);
  });
});
