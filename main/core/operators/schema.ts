// The operator accounts' table in the journal database (docs/architecture.md, operators and roles). Only the
// scrypt hash of a secret is stored; the wrong-secret count and the wait it earned sit beside it, so that a
// restart cannot reset the back-off.
import type { DatabaseSync } from 'node:sqlite';

export const OPERATORS_DDL = `
CREATE TABLE IF NOT EXISTS operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  source TEXT NOT NULL CHECK (source IN ('managed', 'provisioned', 'workstation')),
  created_at REAL NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until REAL,
  provided_hash TEXT
) STRICT;
-- Wrong attempts at ids that are no account, counted like an account's so that neither the answers nor a
-- restart tell which ids exist; the most recent few hundred are kept.
CREATE TABLE IF NOT EXISTS operator_guesses (
  id TEXT PRIMARY KEY,
  failed_attempts INTEGER NOT NULL,
  locked_until REAL
) STRICT;
`;

/** Creates the table if missing (idempotent: the journal's schema runs it, and so does a store opened alone). */
export function createOperatorsSchema(db: DatabaseSync): void {
  db.exec(OPERATORS_DDL);
}
