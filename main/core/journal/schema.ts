// The journal's SQLite schema (docs/architecture.md, "The journal"). One row per operation, folded as it goes
// (its intent and latest outcome), every change of state in order beside it, and the audit trail. The
// indexes follow what the screens and the reconciler ask: open operations, time, operation, profile, tag, and
// the card or client an operation is about.
import type { DatabaseSync } from 'node:sqlite';
import { OPEN_STATES } from '../../../common/journal/states.ts';
import { createOutboxSchema } from '../shipping/outbox-schema.ts';
import { OPERATORS_DDL } from '../operators/schema.ts';
import { migrate } from './migrate.ts';
import { immediate } from './immediate.ts';
import { SUBJECT_INDEXES_SQL } from './subjects.ts';

/** 2: operator and approver on every record, and the keyed hash chain (migrate.ts). */
export const SCHEMA_VERSION = 2;

/** The open states as an SQL list, for the partial index and the queries that must match it literally. */
export const OPEN_STATES_SQL = OPEN_STATES.map((s) => `'${s}'`).join(', ');

const DDL = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS operations (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  op TEXT NOT NULL,
  at REAL NOT NULL,
  profile_id TEXT,
  connection TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  params TEXT NOT NULL,
  deadline_ms REAL NOT NULL,
  tag TEXT,
  state TEXT NOT NULL,
  updated_at REAL NOT NULL,
  result TEXT,
  error TEXT,
  reason TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS operations_time ON operations (at, seq);
CREATE INDEX IF NOT EXISTS operations_open ON operations (at, seq) WHERE state IN (${OPEN_STATES_SQL});
CREATE INDEX IF NOT EXISTS operations_state ON operations (state, at, seq);
CREATE INDEX IF NOT EXISTS operations_op ON operations (op, at, seq);
CREATE INDEX IF NOT EXISTS operations_profile ON operations (profile_id, at, seq);
CREATE INDEX IF NOT EXISTS operations_tag ON operations (tag) WHERE tag IS NOT NULL;
${SUBJECT_INDEXES_SQL}
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at REAL NOT NULL,
  state TEXT NOT NULL,
  reason TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS changes_key ON changes (key);
-- Every change of state, written by SQLite in the same statement as the row: one statement per record.
CREATE TRIGGER IF NOT EXISTS operation_recorded AFTER INSERT ON operations BEGIN
  INSERT INTO changes (key, at, state) VALUES (NEW.key, NEW.at, NEW.state);
END;
CREATE TRIGGER IF NOT EXISTS operation_changed AFTER UPDATE OF updated_at ON operations BEGIN
  INSERT INTO changes (key, at, state, reason) VALUES (NEW.key, NEW.updated_at, NEW.state, NEW.reason);
END;
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  at REAL NOT NULL,
  action TEXT NOT NULL,
  profile_id TEXT,
  details TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS audit_time ON audit (at, seq);
CREATE INDEX IF NOT EXISTS audit_action ON audit (action, at, seq);
${OPERATORS_DDL}
`;

/**
 * WAL lets readers (the CLI, a bulk process) work beside the writer. `synchronous = NORMAL` does not sync on
 * every commit: the journal makes commits durable itself by syncing the WAL file off the event loop, one sync
 * shared by every writer waiting (group-commit.ts). The busy timeout keeps a short lock by another process from
 * ever reaching an operator as "database is locked".
 */
export function prepareConnection(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA wal_autocheckpoint = 0'); // checkpoints run on a thread of their own (checkpointer.ts)
  db.exec('PRAGMA journal_size_limit = 67108864'); // a log emptied by a checkpoint shrinks back to 64 MB
  db.exec('PRAGMA foreign_keys = ON');
  // A write that fires triggers keeps a statement journal to undo itself; past 64 KB SQLite spills it to a temp
  // file, and an intent or outcome (a dozen index pages) gets there: in memory, a write costs about half.
  db.exec('PRAGMA temp_store = MEMORY');
}

/** `chainKey` seals the links a migration makes for records already there (chain.ts). */
export function createSchema(db: DatabaseSync, chainKey?: Buffer): void {
  immediate(db, () => {
    db.exec(DDL);
    const row = db.prepare("SELECT value FROM meta WHERE name = 'schema'").get() as { value: string } | undefined;
    if (row !== undefined && Number(row.value) > SCHEMA_VERSION) {
      throw new Error(`the journal was written by a newer Card Desk (schema ${row.value}); update this one`);
    }
    // A fresh journal's tables are version 1's; it goes through the same steps as an old one.
    migrate(db, row === undefined ? 1 : Number(row.value), SCHEMA_VERSION, chainKey);
    createOutboxSchema(db); // after every table it reads (docs/architecture.md, shipping to the log server)
    db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
  });
}
