// The shipping outbox in the journal database (docs/architecture.md, "Shipping to the log server"). SQLite
// triggers enqueue every audit record and every outcome of an operation in the transaction that writes it, so
// no writer (the app, the CLI, a bulk job process) can forget one. The payload is built here, in SQL, from the
// row's ids and codes only: never parameters, results, names or free text (the shipper filters audit details
// once more, record-fields.ts).
import type { DatabaseSync } from 'node:sqlite';

/**
 * `seq` never repeats (AUTOINCREMENT), so a record's stable id is the install id and its seq. Writers hold
 * SQLite's one write lock in turn, so seq grows in commit order and a reader never sees a gap filled later.
 * `shipping_state` keeps whether records are queued, the shipper's lease, the last shipped record and the last
 * error.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at REAL NOT NULL,
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  payload TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS shipping_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;

/**
 * Records are queued only while a shipper of this data folder has seen a policy that names a server
 * (Outbox.setEnabled): a workstation without a log server keeps no outbox growing with its history.
 */
const ENABLED = "(SELECT value FROM shipping_state WHERE name = 'enabled') = 'on'";

/** Operator columns that a later schema adds to operations and audit; included once they exist. */
const ACTOR_COLUMNS = ['operator_id', 'approver_id'] as const;

function actorFields(db: DatabaseSync, table: string, row: string): string {
  const columns = new Set(
    (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name),
  );
  return ACTOR_COLUMNS.filter((c) => columns.has(c))
    .map((c) => `, '${c === 'operator_id' ? 'operator' : 'approver'}', ${row}.${c}`)
    .join('');
}

function triggers(db: DatabaseSync): Record<string, string> {
  return {
    outbox_audit: `CREATE TRIGGER outbox_audit AFTER INSERT ON audit WHEN ${ENABLED} BEGIN
  INSERT INTO outbox (at, kind, ref, payload) VALUES (NEW.at, 'audit', 'audit/' || NEW.key,
    json_object('action', NEW.action, 'profile', NEW.profile_id, 'details', json(NEW.details)${actorFields(db, 'audit', 'NEW')}));
END`,
    // An outcome is every change of state but the intent's own 'sending' row.
    outbox_outcome: `CREATE TRIGGER outbox_outcome AFTER INSERT ON changes WHEN NEW.state <> 'sending' AND ${ENABLED} BEGIN
  INSERT INTO outbox (at, kind, ref, payload)
  SELECT NEW.at, 'outcome', 'operations/' || NEW.key || '/' || NEW.seq,
    json_object('op', o.op, 'state', NEW.state, 'requestId', NEW.key, 'profile', o.profile_id,
      'error', json_extract(o.error, '$.code')${actorFields(db, 'operations', 'o')})
  FROM (SELECT 1) LEFT JOIN operations o ON o.key = NEW.key;
END`,
  };
}

/**
 * Creates the outbox and (re)creates its triggers when their text changed (a newer Card Desk, or a migration
 * that added the operator columns). Runs inside createSchema's transaction.
 */
export function createOutboxSchema(db: DatabaseSync): void {
  db.exec(TABLES);
  const existing = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
  for (const [name, sql] of Object.entries(triggers(db))) {
    const row = existing.get(name) as { sql: string } | undefined;
    if (row?.sql === sql) continue;
    db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    db.exec(sql);
  }
}
