// Schema changes for journals made by an older Card Desk (docs/architecture.md, "The journal"). Each step runs
// once, inside createSchema's transaction, and is also what a fresh journal goes through after its first DDL,
// so an old database and a new one end with the same tables.
import type { DatabaseSync } from 'node:sqlite';
import { ChainWriter, statementCache } from './chain.ts';
import { CHAIN_DDL } from './chain-schema.ts';

/** Adds a column unless it is there already (a step interrupted before its version was recorded). */
function addColumn(db: DatabaseSync, table: string, column: string, type: string): void {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[];
  if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}

/** Links the records of an older journal, oldest first: each operation's changes of state, then the audit trail. */
function linkExisting(db: DatabaseSync, key: Buffer | undefined): void {
  const chain = new ChainWriter(statementCache(db), key);
  const operations = db.prepare('SELECT seq FROM operations ORDER BY seq').iterate() as Iterable<{ seq: number }>;
  for (const { seq } of operations) chain.existingOperation(seq);
  const audits = db.prepare('SELECT seq FROM audit ORDER BY seq').iterate() as Iterable<{ seq: number }>;
  for (const { seq } of audits) chain.audit(seq);
}

/**
 * Version 2: every operation and audit record names its operator and approver (null for records made before
 * operators existed), with indexes for the screens' operator filter, and the keyed hash chain over
 * every record already there.
 */
function toVersion2(db: DatabaseSync, key: Buffer | undefined): void {
  for (const table of ['operations', 'audit']) {
    addColumn(db, table, 'operator_id', 'TEXT');
    addColumn(db, table, 'approver_id', 'TEXT');
  }
  db.exec('CREATE INDEX IF NOT EXISTS operations_operator ON operations (operator_id, at, seq)');
  db.exec('CREATE INDEX IF NOT EXISTS audit_operator ON audit (operator_id, at, seq)');
  // The filter finds what an operator made or approved: SQLite answers the OR from both indexes.
  db.exec('CREATE INDEX IF NOT EXISTS operations_approver ON operations (approver_id) WHERE approver_id IS NOT NULL');
  db.exec('CREATE INDEX IF NOT EXISTS audit_approver ON audit (approver_id) WHERE approver_id IS NOT NULL');
  db.exec(CHAIN_DDL);
  linkExisting(db, key);
}

const STEPS: Record<number, (db: DatabaseSync, chainKey: Buffer | undefined) => void> = { 2: toVersion2 };

/** Brings a journal at `from` up to `to`; the caller records `to` in meta. */
export function migrate(db: DatabaseSync, from: number, to: number, chainKey: Buffer | undefined): void {
  for (let version = from + 1; version <= to; version++) STEPS[version]?.(db, chainKey);
}
