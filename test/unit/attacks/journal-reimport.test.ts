// Attack on the journal's import by a careless hand: an old journal.jsonl put back after its import (a backup
// restored, with a new time) and imported again must not roll an operation back nor repeat its changes
// (docs/architecture.md, "The journal").
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonlJournal, Journal, JOURNAL_JSONL } from '../../../main/core/journal/index.ts';
import { attack } from '../../support/attack.ts';
import { intent, line } from '../../support/journal-records.ts';
import { tempDir } from '../../support/temp-dir.ts';

const OLD = [
  line({ type: 'intent', ...intent('k1', 1000) }),
  line({ type: 'outcome', key: 'k1', at: 1100, state: 'unknown', reason: 'reset' }),
];

function changesOf(dir: string, key: string): string[] {
  const journal = Journal.open(dir);
  try {
    const rows = (journal as unknown as { db: import('node:sqlite').DatabaseSync }).db
      .prepare('SELECT state FROM changes WHERE key = ? ORDER BY seq')
      .all(key) as { state: string }[];
    return rows.map((r) => r.state);
  } finally {
    journal.close();
  }
}

describe('importing an old journal again', () => {
  it('an old journal.jsonl put back later neither rolls an operation back nor repeats its changes', () =>
    attack('journal import: a restored journal.jsonl rolls back a settled operation', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, JOURNAL_JSONL), OLD.join(''));
      await importJsonlJournal(dir);
      const journal = Journal.open(dir);
      journal.recordOutcome({ key: 'k1', at: 2000, state: 'done', result: { card_id: 'c1' } });
      journal.close();
      // The same file comes back (a backup restored, another copy) with a new time, so it looks new.
      const back = join(dir, JOURNAL_JSONL);
      writeFileSync(back, OLD.join(''));
      utimesSync(back, new Date(5_000_000), new Date(5_000_000));
      await importJsonlJournal(dir);
      const again = Journal.open(dir);
      expect(again.get('k1')).toMatchObject({ state: 'done', updatedAt: 2000, result: { card_id: 'c1' } });
      again.close();
      expect(changesOf(dir, 'k1')).toEqual(['sending', 'unknown', 'done']);
    }));
});
