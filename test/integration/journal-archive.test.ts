// Archiving: old final operations and audit records move to a compressed file that can be searched; open
// operations and newer records stay; the archiving is audited; the CLI refuses bad dates.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveJournal } from '../../main/core/journal/archive.ts';
import { readArchives, searchArchives } from '../../main/core/journal/archive-search.ts';
import { Journal, JOURNAL_JSONL } from '../../main/core/journal/index.ts';
import { intent, line } from '../support/journal-records.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const JAN = Date.UTC(2025, 0, 10);
const JUN = Date.UTC(2025, 5, 10);
const CUT = Date.UTC(2025, 2, 1);

function history(dir: string): Journal {
  const journal = Journal.open(dir);
  journal.recordIntent(intent('old-done', JAN, { op: 'card.issue', profileId: 'kz' }));
  journal.recordOutcome({ key: 'old-done', at: JAN + 5, state: 'unknown', reason: 'timeout' });
  journal.recordOutcome({ key: 'old-done', at: JAN + 9, state: 'done', result: { card_id: 'c-77' } });
  journal.recordIntent(intent('old-open', JAN + 1));
  journal.recordOutcome({ key: 'old-open', at: JAN + 2, state: 'unknown', reason: 'timeout' });
  journal.recordIntent(intent('old-failed', JAN + 3));
  journal.recordOutcome({ key: 'old-failed', at: JAN + 4, state: 'failed', error: { code: 'x', description: 'y' } });
  journal.recordIntent(intent('new-done', JUN));
  journal.recordOutcome({ key: 'new-done', at: JUN + 1, state: 'done', result: {} });
  journal.recordAudit({ key: 'audit-old', at: JAN, action: 'card.reveal', details: { cardId: 'c-77' } });
  journal.recordAudit({ key: 'audit-new', at: JUN, action: 'secret.set', details: {} });
  return journal;
}

describe('journal archive', () => {
  it('moves old final operations and audit records to an owner-only compressed file, and audits the move', async () => {
    const dir = tempDir();
    const journal = history(dir);
    const report = await archiveJournal(journal, dir, CUT, () => JUN + 100);

    expect(report).toMatchObject({ operations: 2, audits: 1, before: CUT });
    expect(statSync(report.file ?? '').mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'archive')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    // Open operations stay, whatever their age; newer ones stay.
    expect(journal.list().map((e) => e.key)).toEqual(['old-open', 'new-done']);
    expect(journal.open().map((e) => e.key)).toEqual(['old-open']);
    // Audit records are never deleted, only archived; the archiving is itself audited.
    expect(journal.auditTrail().map((r) => r.action)).toEqual(['secret.set', 'journal.archive']);
    expect(journal.auditTrail().at(-1)?.details).toMatchObject({ operations: 2, audits: 1, file: report.file });

    const archived: string[] = [];
    for await (const record of readArchives(dir))
      archived.push(record.type === 'operation' ? record.entry.key : record.record.key);
    expect(archived).toEqual(['old-done', 'old-failed', 'audit-old']);
    const found = [];
    for await (const entry of searchArchives(dir, { text: 'c-old-done' })) found.push(entry);
    expect(found).toMatchObject([{ key: 'old-done', state: 'done', result: { card_id: 'c-77' } }]);

    // A second run with nothing left to move writes no file, audits nothing and removes nothing.
    expect(await archiveJournal(journal, dir, CUT, () => JUN + 200)).toEqual({
      file: null,
      before: CUT,
      operations: 0,
      audits: 0,
    });
    expect(journal.count()).toBe(2);
    expect(journal.auditTrail()).toHaveLength(2);
    expect(readdirSync(join(dir, 'archive'))).toHaveLength(1);
    journal.close();
  });

  it('archives through the CLI, searches the archive, and refuses dates it cannot mean', async () => {
    const dir = tempDir();
    history(dir).close();
    const future = await runCli(['journal', 'archive', '--before', '2999-01-01', '--data-dir', dir]);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/not be after today/);
    const bad = await runCli(['journal', 'archive', '--before', '2025-02-30', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be a date/);

    const moved = await runCli(['journal', 'archive', '--before', '2025-03-01', '--json', '--data-dir', dir]);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({ operations: 2, audits: 1 });
    const searched = await runCli(['journal', 'search', '--archived', '--state', 'failed', '--data-dir', dir]);
    expect(searched.stdout).toMatch(/old-failed/);
    expect(searched.stdout).toMatch(/1 operation\(s\)/);
    const live = await runCli(['journal', 'search', '--op', 'card.block', '--data-dir', dir]);
    expect(
      live.stdout
        .split('\n')
        .filter((l) => l.includes('card.block'))
        .map((l) => l.split(/\s+/)[3]),
    ).toEqual(['new-done', 'old-open']);
  });

  it('imports an old journal.jsonl before archiving it', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, JOURNAL_JSONL),
      line({ type: 'intent', ...intent('legacy', JAN) }) +
        line({ type: 'outcome', key: 'legacy', at: JAN + 1, state: 'done', result: {} }),
    );
    const moved = await runCli(['journal', 'archive', '--before', '2025-03-01', '--json', '--data-dir', dir]);
    expect(moved.stderr).toMatch(/imported 1 operation/);
    expect(JSON.parse(moved.stdout)).toMatchObject({ operations: 1 });
  });
});
