// The directory's SQLite file, `directory.db` (0600): sealed rows and the keyed hashes that find them
// (docs/architecture.md, data). Nothing here is readable without the keys: a row is (id, kind, sealed blob,
// updated_at), its id itself a keyed hash, and a token is (keyed hash → row id).
import { existsSync, rmSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { privateDatabaseFile } from '../journal/database-file.ts';
import { immediate } from '../journal/immediate.ts';

export const DIRECTORY_FILE = 'directory.db';
const BUSY_TIMEOUT_MS = 2_000;
/** The most rows one token may name that a search reads: a two-letter prefix must not decrypt everything. */
export const MAX_CANDIDATES = 500;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS rows (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  blob BLOB NOT NULL,
  updated_at REAL NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS rows_updated ON rows (updated_at);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT NOT NULL,
  row_id TEXT NOT NULL REFERENCES rows (id) ON DELETE CASCADE,
  PRIMARY KEY (hash, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tokens_row ON tokens (row_id);
`;

export interface StoredRow {
  id: string;
  kind: string;
  blob: Uint8Array;
  updatedAt: number;
}

export class DirectoryStore {
  readonly path: string;
  private readonly db: DatabaseSync;

  /** `path` ':memory:' keeps the directory in this process only (no keychain to keep its keys). */
  constructor(path: string) {
    this.path = path;
    if (path !== ':memory:') privateDatabaseFile(path);
    this.db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      // Deleted rows are overwritten, not left in free pages.
      // A search cache, not a record: WAL without a sync per change keeps an operation's latency unchanged.
      this.db.exec('PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
      if (path !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
      this.db.exec(DDL);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  private readonly statements = new Map<string, StatementSync>();

  /** Prepared once per connection: preparing costs more than running these small statements. */
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  meta(name: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(name: string, value: string): void {
    this.sql('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)').run(name, value);
  }

  get(id: string): StoredRow | undefined {
    const row = this.sql('SELECT id, kind, blob, updated_at FROM rows WHERE id = ?').get(id) as
      { id: string; kind: string; blob: Uint8Array; updated_at: number } | undefined;
    return row === undefined ? undefined : { id: row.id, kind: row.kind, blob: row.blob, updatedAt: row.updated_at };
  }

  /** Replaces the row and exactly its tokens, in one transaction. */
  put(row: StoredRow, tokens: readonly string[]): void {
    this.transaction(() => {
      this.sql('INSERT OR REPLACE INTO rows (id, kind, blob, updated_at) VALUES (?, ?, ?, ?)').run(
        row.id,
        row.kind,
        row.blob,
        row.updatedAt,
      );
      this.sql('DELETE FROM tokens WHERE row_id = ?').run(row.id);
      const insert = this.sql('INSERT OR IGNORE INTO tokens (hash, row_id) VALUES (?, ?)');
      for (const hash of tokens) insert.run(hash, row.id);
    });
  }

  /** The ids of rows holding any of the hashes, newest first, at most MAX_CANDIDATES. */
  rowsWithAny(hashes: readonly string[]): string[] {
    if (hashes.length === 0) return [];
    const marks = hashes.map(() => '?').join(', ');
    const rows = this.sql(
      `SELECT DISTINCT r.id FROM tokens t JOIN rows r ON r.id = t.row_id WHERE t.hash IN (${marks})
         ORDER BY r.updated_at DESC LIMIT ${String(MAX_CANDIDATES)}`,
    ).all(...hashes) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Deletes rows not touched since `before` (ms), and their tokens; answers how many. */
  purgeBefore(before: number): number {
    return Number(this.sql('DELETE FROM rows WHERE updated_at < ?').run(before).changes);
  }

  /** Empties the directory (its keys changed, so nothing in it can be read). */
  clear(): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM tokens; DELETE FROM rows; DELETE FROM meta;');
    });
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM rows').get() as { n: number }).n;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private transaction(run: () => void): void {
    immediate(this.db, run);
  }
}

/** Deletes the directory's file and SQLite's files beside it (the policy turned the directory off). */
export function deleteDirectoryFile(path: string): void {
  for (const file of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) rmSync(file, { force: true });
  }
}
