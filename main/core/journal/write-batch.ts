// Group commit, the SQLite half (docs/architecture.md, "The journal"): with group commit, the records written
// in one turn of the event loop (or within a commit window) share one transaction. Sixteen bulk calls recording
// their intents or outcomes at once then write the table's and indexes' last pages once, not sixteen times, and
// make one commit for one log sync to cover.
import type { DatabaseSync } from 'node:sqlite';

interface Pending {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function pending(): Pending {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // a failed commit is reported to whoever awaits it, never unhandled
  return { promise, resolve, reject };
}

export class WriteBatch {
  private open: Pending | undefined;
  private readonly db: DatabaseSync;
  private readonly after: { committed: () => void; rolledBack: () => void };
  private readonly windowMs: number;

  /**
   * `windowMs` 0 commits at the end of the turn. More keeps the group open that long, and commits in the timers
   * phase, not in the check phase, where undici writes the requests waiting for a reused keep-alive connection:
   * a commit then never holds back requests ready to leave.
   */
  constructor(db: DatabaseSync, after: { committed: () => void; rolledBack: () => void }, windowMs = 0) {
    this.db = db;
    this.after = after;
    this.windowMs = windowMs;
  }

  /** Runs `write` in the open transaction, opening one (committed when its window ends) if none is. */
  add(write: () => void): void {
    if (this.open === undefined) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = pending();
      const commit = (): void => {
        try {
          this.commit();
        } catch {
          // told to whoever awaits `committed()`
        }
      };
      if (this.windowMs > 0) setTimeout(commit, this.windowMs);
      else setImmediate(commit);
    }
    write(); // a failing statement is undone by SQLite alone; the transaction stays open for the others
  }

  /** Resolves once what is written so far is committed (at once when nothing is open). */
  committed(): Promise<void> {
    return this.open?.promise ?? Promise.resolve();
  }

  /** Commits what is open now (archiving, audit records, close). */
  commit(): void {
    const open = this.open;
    if (open === undefined) return;
    this.open = undefined;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.after.rolledBack();
      const failure = error instanceof Error ? error : new Error(String(error));
      open.reject(failure);
      throw failure;
    }
    this.after.committed();
    open.resolve();
  }
}
