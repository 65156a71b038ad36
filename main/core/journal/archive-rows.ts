// What archiving takes out of the journal database and puts back nowhere: final operations (with their changes)
// and audit records older than a date, read a page at a time, and their removal by the exact rows written.
import type { DatabaseSync } from 'node:sqlite';
import type { ChainWriter } from './chain.ts';
import { archivedDigest } from './chain-verify.ts';
import { auditOf, entryOf, type AuditRow, type OperationRow } from './rows.ts';
import { OPEN_STATES_SQL } from './schema.ts';
import type { AuditRecord, JournalEntry } from './records.ts';

export type ArchivedRecord =
  | { type: 'operation'; entry: JournalEntry; changes: { at: number; state: string }[] }
  | { type: 'audit'; record: AuditRecord };

const PAGE = 1000;

/** Whether anything is older than `before` to archive (an index look, whatever the history's size). */
export function anyArchivable(db: DatabaseSync, before: number): boolean {
  const op = db.prepare(`SELECT 1 FROM operations WHERE at < ? AND state NOT IN (${OPEN_STATES_SQL}) LIMIT 1`);
  const audit = db.prepare('SELECT 1 FROM audit WHERE at < ? LIMIT 1');
  return op.get(before) !== undefined || audit.get(before) !== undefined;
}

/** Final operations, then audit records, older than `before`, oldest first; each seq noted in a temp table. */
export function* archivable(db: DatabaseSync, before: number): Generator<ArchivedRecord> {
  // Each row with how many changes it had when written, so that one changed since is not removed unwritten.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS archived (tbl TEXT NOT NULL, seq INTEGER NOT NULL, changes INTEGER)');
  db.exec('DELETE FROM temp.archived');
  const note = db.prepare('INSERT INTO temp.archived (tbl, seq, changes) VALUES (?, ?, ?)');
  const changes = db.prepare('SELECT at, state FROM changes WHERE key = ? ORDER BY seq');
  const ops = db.prepare(
    `SELECT * FROM operations WHERE at < ? AND state NOT IN (${OPEN_STATES_SQL}) AND seq > ? ORDER BY seq LIMIT ${String(PAGE)}`,
  );
  for (let after = 0; ;) {
    const rows = ops.all(before, after) as unknown as OperationRow[];
    for (const row of rows) {
      const rowChanges = changes.all(row.key) as { at: number; state: string }[];
      note.run('operations', row.seq, rowChanges.length);
      yield { type: 'operation', entry: entryOf(row), changes: rowChanges };
    }
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.seq;
  }
  const audits = db.prepare(`SELECT * FROM audit WHERE at < ? AND seq > ? ORDER BY seq LIMIT ${String(PAGE)}`);
  for (let after = 0; ;) {
    const rows = audits.all(before, after) as unknown as AuditRow[];
    for (const row of rows) {
      note.run('audit', row.seq, null);
      yield { type: 'audit', record: auditOf(row) };
    }
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.seq;
  }
}

/**
 * Whether every row `archivable` noted is still as it was written: an outcome recorded meanwhile (a recheck of
 * a final operation) or a row another process archived makes the file stale. Run inside the removal's
 * transaction, so nothing can change between this look and the removal.
 */
export function archivedUnchanged(db: DatabaseSync): boolean {
  const changed = db
    .prepare(
      `SELECT 1 FROM temp.archived a LEFT JOIN operations o ON a.tbl = 'operations' AND o.seq = a.seq
       LEFT JOIN audit r ON a.tbl = 'audit' AND r.seq = a.seq
       WHERE (a.tbl = 'operations' AND (o.seq IS NULL OR o.state IN (${OPEN_STATES_SQL})
              OR (SELECT count(*) FROM changes c WHERE c.key = o.key) != a.changes))
          OR (a.tbl = 'audit' AND r.seq IS NULL)
       LIMIT 1`,
    )
    .get();
  return changed === undefined;
}

/** Removes exactly the rows `archivable` noted (an operation settled meanwhile was not written: it stays). */
export function removeArchived(db: DatabaseSync): { operations: number; audits: number } {
  const ops = "SELECT seq FROM temp.archived WHERE tbl = 'operations'";
  db.exec(`DELETE FROM changes WHERE key IN (SELECT key FROM operations WHERE seq IN (${ops}))`);
  const operations = db.prepare(`DELETE FROM operations WHERE seq IN (${ops})`).run().changes;
  const audits = db
    .prepare("DELETE FROM audit WHERE seq IN (SELECT seq FROM temp.archived WHERE tbl = 'audit')")
    .run().changes;
  db.exec('DELETE FROM temp.archived');
  return { operations: Number(operations), audits: Number(audits) };
}

/** The archive file a removal moved the records to: its name in archive/ and the SHA-256 of its bytes. */
export interface ArchiveFile {
  name: string;
  sha256: string;
}

/**
 * Before the removal, in its transaction: the chain records what leaves the store (chain_archived, one row
 * per record) and an 'archive' link committing to that list and to the file's bytes, so verification can tell
 * an archived record from a removed one, and the archive file from a changed one (docs/architecture.md).
 */
export function removeLinked(
  db: DatabaseSync,
  chain: ChainWriter,
  file: ArchiveFile | undefined,
): { operations: number; audits: number } {
  const seq = chain.nextSeq();
  db.prepare('INSERT INTO chain_archived (archive_seq, tbl, rec) SELECT ?, tbl, seq FROM temp.archived').run(seq);
  chain.append('archive', 0, file?.name ?? '', null, archivedDigest(db, seq), file?.sha256 ?? null);
  return removeArchived(db);
}
