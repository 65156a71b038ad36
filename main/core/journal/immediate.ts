// One write transaction on a SQLite connection (docs/architecture.md, "The journal"): BEGIN IMMEDIATE takes the
// write lock first, so a transaction that reads and then writes never fails half-way on another process's
// lock; a failure rolls back everything `run` did. A BEGIN that cannot get the lock throws before anything ran.
import type { DatabaseSync } from 'node:sqlite';

export function immediate<T>(db: DatabaseSync, run: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = run();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
