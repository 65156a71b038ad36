// Attack: another user of the machine reads the journal's files: journal.db and its -wal and -shm, the archives,
// and the journal.jsonl of an earlier version kept after its import (which that version may have left
// world-readable). Each must be the owner's alone, whatever the umask (docs/architecture.md, data folder).
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveJournal } from '../../../main/core/journal/archive.ts';
import { importJsonlJournal, Journal, JOURNAL_JSONL } from '../../../main/core/journal/index.ts';
import { attack } from '../../support/attack.ts';
import { intent, line } from '../../support/journal-records.ts';
import { tempDir } from '../../support/temp-dir.ts';

let umask: number;
beforeAll(() => {
  umask = process.umask(0o002); // a desktop user's usual umask: new files group- and world-readable
});
afterAll(() => {
  process.umask(umask);
});

function everythingUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name));
}

describe('the journal’s files', () => {
  it('no journal file, archive or kept journal.jsonl is readable by another user', () =>
    attack('journal files: another local user reads the journal, its log, an archive or the old jsonl', async () => {
      const dir = tempDir();
      const old = join(dir, JOURNAL_JSONL);
      writeFileSync(old, line({ type: 'intent', ...intent('k-old', 1000) }));
      chmodSync(old, 0o644); // as an earlier version may have left it
      await importJsonlJournal(dir);
      const journal = Journal.open(dir);
      journal.recordIntent(intent('k1', 2000));
      journal.recordOutcome({ key: 'k1', at: 2100, state: 'done' });
      journal.recordOutcome({ key: 'k-old', at: 2200, state: 'failed', error: { code: 'x', description: 'y' } });
      await archiveJournal(journal, dir, 10_000, () => 20_000);
      journal.recordIntent(intent('k2', 30_000)); // the log has something in it while the journal is open
      const paths = everythingUnder(dir);
      expect(paths.some((p) => p.endsWith('.jsonl.gz'))).toBe(true);
      expect(paths.some((p) => p.includes(`${JOURNAL_JSONL}.imported-`))).toBe(true);
      expect(paths.some((p) => p.endsWith('journal.db-wal'))).toBe(true);
      for (const path of paths) {
        const mode = statSync(path).mode & 0o777;
        expect(mode & 0o077, `${path} ${mode.toString(8)}`).toBe(0);
      }
      journal.close();
    }));
});
