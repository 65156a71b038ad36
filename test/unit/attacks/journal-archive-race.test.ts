// Attack on archiving while the journal is written: an outcome recorded while the archive file is written (a
// recheck of a final operation) must be neither lost with the rows removed nor kept twice, and an open
// operation is never archived (docs/architecture.md, "Retention and archives").
import { describe, expect, it } from 'vitest';
import { archiveJournal } from '../../../main/core/journal/archive.ts';
import { archiveFiles, searchArchives } from '../../../main/core/journal/archive-search.ts';
import { Journal } from '../../../main/core/journal/index.ts';
import { attack } from '../../support/attack.ts';
import { intent } from '../../support/journal-records.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('archiving while the journal is written', () => {
  it('an outcome recorded while the archive file is written is neither lost nor left behind', () =>
    attack('journal archive: a late outcome recorded during archiving is lost', async () => {
      const dir = tempDir();
      const journal = Journal.open(dir);
      journal.recordIntent(intent('late', 1000));
      journal.recordOutcome({ key: 'late', at: 1100, state: 'not_received', reason: 'never received' });
      journal.recordIntent(intent('open', 1200));
      // A recheck settles it (its late copy did arrive) while the archive is being written and synced.
      const walk = journal.archivable.bind(journal);
      let settled = false;
      journal.archivable = function* (before: number) {
        for (const record of walk(before)) {
          yield record;
          if (record.type === 'operation' && record.entry.key === 'late' && !settled) {
            settled = true;
            journal.recordOutcome({ key: 'late', at: 1500, state: 'done', result: { card_id: 'c9' } });
          }
        }
      };
      await archiveJournal(journal, dir, 10_000, () => 20_000);
      const inJournal = journal.get('late');
      const archived = [];
      for await (const entry of searchArchives(dir, {})) archived.push(entry);
      // Wherever it is now, its outcome is the one recorded last, and it is in one place only.
      const copies = [...(inJournal === undefined ? [] : [inJournal]), ...archived.filter((e) => e.key === 'late')];
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatchObject({ state: 'done', result: { card_id: 'c9' } });
      // An open operation is never archived.
      expect(journal.get('open')?.state).toBe('sending');
      expect(archived.some((e) => e.key === 'open')).toBe(false);
      // The stale file written before the outcome was dropped.
      expect(archiveFiles(dir)).toHaveLength(1);
      journal.close();
    }));

  it('two processes archiving at once keep each record in one archive file, and audit one move', () =>
    attack('journal archive: two processes archiving at once duplicate records or write empty archives', async () => {
      const dir = tempDir();
      const app = Journal.open(dir);
      const cli = Journal.open(dir); // another process's connection to the same journal
      for (let i = 0; i < 5; i++) {
        app.recordIntent(intent(`k-${String(i)}`, 1000 + i));
        app.recordOutcome({ key: `k-${String(i)}`, at: 1100 + i, state: 'done' });
      }
      // Both read the same rows and write their files before either removes a row.
      const reports = await Promise.all([
        archiveJournal(app, dir, 10_000, () => 20_000),
        archiveJournal(cli, dir, 10_000, () => 30_000),
      ]);
      const archived = [];
      for await (const entry of searchArchives(dir, {})) archived.push(entry.key);
      expect(archived.sort()).toEqual(['k-0', 'k-1', 'k-2', 'k-3', 'k-4']);
      expect(archiveFiles(dir)).toHaveLength(1);
      expect(reports.filter((r) => r.file !== null)).toHaveLength(1);
      expect(app.auditTrail().filter((r) => r.action === 'journal.archive')).toHaveLength(1);
      app.close();
      cli.close();
    }));
});
