// Imports the journal.jsonl of an earlier version into the SQLite journal, once (docs/architecture.md, "The
// journal"). The import is one transaction with a marker naming the file, so a crash at any moment leaves
// either nothing imported (the next start imports again) or everything (the next start only finishes the
// rename). The old file is then kept beside it, renamed, never deleted by the app.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { makePrivate } from '../private-files.ts';
import { privateDatabaseFile } from './database-file.ts';
import { JOURNAL_FILE } from './journal.ts';
import { JOURNAL_JSONL, readJsonl } from './jsonl.ts';
import type { JournalRecord } from './records.ts';
import { auditValues, INSERT_AUDIT, INSERT_INTENT, intentValues, outcomeValues, UPDATE_OUTCOME } from './rows.ts';
import { ChainWriter, statementCache } from './chain.ts';
import { createSchema, prepareConnection } from './schema.ts';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
}

export interface ImportReport {
  /** False when there was nothing to import. */
  imported: boolean;
  operations: number;
  audits: number;
  /** Lines that could not be read (a torn last line, damage) and outcomes of operations the file does not hold. */
  skipped: number;
  /** Where the old file now is. */
  keptAs?: string;
}

const NOTHING: ImportReport = { imported: false, operations: 0, audits: 0, skipped: 0 };
const PROGRESS_EVERY_BYTES = 4 * 1024 * 1024;

/** True when `dataDir` holds a journal.jsonl that is not imported yet. */
export function needsJsonlImport(dataDir: string): boolean {
  return existsSync(join(dataDir, JOURNAL_JSONL));
}

export async function importJsonlJournal(
  dataDir: string,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  chainKey?: Buffer,
): Promise<ImportReport> {
  const source = join(dataDir, JOURNAL_JSONL);
  if (!existsSync(source)) return NOTHING;
  // An earlier version may have left it readable by others; it is kept after the import, so it is made private.
  makePrivate(source);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Another process starting on this folder (the app and the CLI) may import it at the same time: the one
  // that gets the write lock first imports it, the other finds the marker under the lock and the file renamed.
  const seen = statIfThere(source);
  if (seen === undefined) return NOTHING;
  const { size, mtimeMs } = seen;
  const marker = `imported:${JOURNAL_JSONL}:${String(size)}:${String(Math.trunc(mtimeMs))}`;
  privateDatabaseFile(join(dataDir, JOURNAL_FILE));
  const db = new DatabaseSync(join(dataDir, JOURNAL_FILE), { timeout: 10_000 });
  let report: ImportReport;
  try {
    prepareConnection(db);
    createSchema(db, chainKey);
    const chain = new ChainWriter(statementCache(db), chainKey);
    report = importedBefore(db, marker) ?? (await importInto(db, chain, source, size, marker, onProgress));
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)'); // the import on disk in the database file itself
  } finally {
    db.close();
  }
  const keptAs = `${source}.imported-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(source, keptAs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return report; // the other process importing it kept it already
  }
  return { ...report, keptAs };
}

function statIfThere(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The report of an import finished before, by this process or another one. */
function importedBefore(db: DatabaseSync, marker: string): ImportReport | undefined {
  const done = db.prepare('SELECT value FROM meta WHERE name = ?').get(marker) as { value: string } | undefined;
  return done === undefined ? undefined : (JSON.parse(done.value) as ImportReport);
}

async function importInto(
  db: DatabaseSync,
  chain: ChainWriter,
  source: string,
  totalBytes: number,
  marker: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const before = { operations: count('operations'), audits: count('audit') };
  let heldBefore = 0;
  const statements = {
    intent: db.prepare(INSERT_INTENT.replace('INSERT INTO', 'INSERT OR IGNORE INTO')),
    // Rows this import adds have a higher seq than any row before it (the import holds the write lock).
    update: db.prepare(`${UPDATE_OUTCOME} AND seq > ?`),
    audit: db.prepare(INSERT_AUDIT.replace('INSERT INTO', 'INSERT OR IGNORE INTO')),
  };
  const seqOf = db.prepare('SELECT seq FROM operations WHERE key = ?');
  // Each record imported is linked into the chain as it is written (chain.ts).
  const apply = (record: JournalRecord): boolean => {
    if (record.type === 'intent') {
      const done = statements.intent.run(...intentValues(record));
      if (done.changes === 1) chain.operation(Number(done.lastInsertRowid));
      return done.changes === 1; // 0: imported already
    }
    if (record.type === 'audit') {
      const done = statements.audit.run(...auditValues(record));
      if (done.changes === 1) chain.audit(Number(done.lastInsertRowid));
      return done.changes === 1;
    }
    // Lost to damage, or an operation the journal held before (a file imported before and put back): that one
    // has moved on since, and the file's old outcomes would roll it back and repeat its changes.
    if (statements.update.run(...outcomeValues(record), heldBefore).changes !== 1) return false;
    chain.operation((seqOf.get(record.key) as { seq: number }).seq);
    return true;
  };
  let skipped = 0;
  let reported = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const finished = importedBefore(db, marker); // by another process while this one waited for the lock
    if (finished !== undefined) {
      db.exec('COMMIT');
      return finished;
    }
    heldBefore = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM operations').get() as { n: number }).n;
    for await (const { record, bytes } of readJsonl(source)) {
      if (record === undefined || !apply(record)) skipped++;
      if (bytes - reported >= PROGRESS_EVERY_BYTES) {
        reported = bytes;
        onProgress({ bytesRead: bytes, totalBytes });
      }
    }
    const report: ImportReport = {
      imported: true,
      operations: count('operations') - before.operations,
      audits: count('audit') - before.audits,
      skipped,
    };
    db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run(marker, JSON.stringify(report));
    db.exec('COMMIT');
    onProgress({ bytesRead: totalBytes, totalBytes });
    return report;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
