// The import of an earlier version's journal.jsonl into the SQLite journal: once, all or nothing, a torn last
// line harmless, the old file kept renamed.
import { existsSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../main/core/errors.ts';
import { importJsonlJournal, Journal, JOURNAL_JSONL, needsJsonlImport } from '../../main/core/journal/index.ts';
import { intent, line } from '../support/journal-records.ts';
import { tempDir } from '../support/temp-dir.ts';
import { thrownBy } from '../support/thrown.ts';

function oldJournal(dir: string, lines: string[]): string {
  const path = join(dir, JOURNAL_JSONL);
  writeFileSync(path, lines.join(''));
  return path;
}

describe('journal.jsonl import', () => {
  it('refuses to open the journal while an old journal.jsonl is not imported', () => {
    const dir = tempDir();
    oldJournal(dir, [line({ type: 'intent', ...intent('k1') })]);
    expect(needsJsonlImport(dir)).toBe(true);
    expect(thrownBy(() => Journal.open(dir), DeskError).code).toBe('journal_not_imported');
  });

  it('imports operations, outcomes and audit records, skipping a torn last line, and keeps the old file', async () => {
    const dir = tempDir();
    oldJournal(dir, [
      line({ type: 'intent', ...intent('k1', 1000, { tag: 'bulk:j:1:card' }) }),
      line({ type: 'intent', ...intent('k2', 2000, { profileId: 'kz' }) }),
      line({ type: 'outcome', key: 'k1', at: 1100, state: 'unknown', reason: 'reset' }),
      'garbage\n',
      line({ type: 'outcome', key: 'lost-intent', at: 1150, state: 'done' }),
      line({ type: 'audit', key: 'a1', at: 1200, action: 'secret.set', profileId: 'kz', details: { x: 1 } }),
      line({ type: 'outcome', key: 'k1', at: 1300, state: 'done', result: { client_id: 'c1' } }),
    ]);
    appendFileSync(join(dir, JOURNAL_JSONL), '{"type":"outcome","key":"k2","at":25'); // torn by a crash
    const progress: number[] = [];
    const report = await importJsonlJournal(dir, (p) => progress.push(p.bytesRead / p.totalBytes));

    expect(report).toMatchObject({ imported: true, operations: 2, audits: 1, skipped: 3 });
    expect(progress.at(-1)).toBe(1);
    expect(needsJsonlImport(dir)).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith(`${JOURNAL_JSONL}.imported-`))).toBe(true);
    const journal = Journal.open(dir);
    expect(journal.get('k1')).toMatchObject({
      state: 'done',
      reason: 'reset',
      result: { client_id: 'c1' },
      tag: 'bulk:j:1:card',
    });
    expect(journal.get('k2')).toMatchObject({ state: 'sending', connection: { profileId: 'kz' } });
    expect(journal.open().map((e) => e.key)).toEqual(['k2']); // reconciliation will find it
    expect(journal.auditTrail()).toEqual([
      { type: 'audit', key: 'a1', at: 1200, action: 'secret.set', profileId: 'kz', details: { x: 1 } },
    ]);
    journal.close();
  });

  it('merges into a journal that already holds operations and never imports a key twice', async () => {
    const dir = tempDir();
    const journal = Journal.open(dir);
    journal.recordIntent(intent('new', 3000));
    journal.close();
    oldJournal(dir, [line({ type: 'intent', ...intent('old') }), line({ type: 'intent', ...intent('new', 5) })]);
    const report = await importJsonlJournal(dir);
    expect(report).toMatchObject({ operations: 1 });
    const again = Journal.open(dir);
    expect(again.list().map((e) => [e.key, e.at])).toEqual([
      ['old', 1000],
      ['new', 3000],
    ]);
    again.close();
  });

  it('does nothing when there is no old journal', async () => {
    const dir = tempDir();
    expect(await importJsonlJournal(dir)).toMatchObject({ imported: false });
    expect(existsSync(join(dir, 'journal.db'))).toBe(false);
  });
});
