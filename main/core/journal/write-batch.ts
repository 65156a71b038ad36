// Group commit, the SQLite half (docs/architecture.md, "The journal"): with group commit, the records written
// in one turn of the event loop share one transaction, committed at the end of that turn or as soon as someone
// awaits durability. Sixteen bulk calls recording their intents at once then write the table's and indexes'
// last pages once, not sixteen times, and make one commit for the log sync to cover.
import type { DatabaseSync } from 'node:sqlite';

export class WriteBatch {
  private open = false;
  /** A commit that failed at the end of a turn, thrown to whoever next asks for durability. */
  private failure: Error | undefined = undefined;
  private readonly db: DatabaseSync;
  private readonly after: { committed: () => void; rolledBack: () => void };

  constructor(db: DatabaseSync, after: { committed: () => void; rolledBack: () => void }) {
    this.db = db;
    this.after = after;
  }

  /** Runs `write` in the open transaction, opening one (committed at the end of this turn) if none is. */
  add(write: () => void): void {
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      setImmediate(() => {
        try {
          this.commit();
        } catch (error) {
          this.failure = error instanceof Error ? error : new Error(String(error));
        }
      });
    }
    write(); // a failing statement is undone by SQLite alone; the transaction stays open for the others
  }

  /** Commits what is open; throws a failed end-of-turn commit once. */
  commit(): void {
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
    if (!this.open) return;
    this.open = false;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.after.rolledBack();
      throw error;
    }
    this.after.committed();
  }
}
