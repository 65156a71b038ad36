// The shipper's side of the outbox (docs/architecture.md, "Shipping to the log server"): its own connection to
// the journal database, a lease so that one process of the data folder ships at a time, the batch to send next,
// and the cursor that moves only after a batch was delivered. Delivered rows are deleted with the cursor's move,
// in one transaction, so a crash either keeps a batch (sent again: the receiver drops it by id) or forgets it.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { OutboxRow } from './record-message.ts';
import { JOURNAL_FILE } from '../journal/database-file.ts';
import { immediate } from '../journal/immediate.ts';
import { processAlive } from '../process-alive.ts';

export interface Lease {
  owner: string;
  pid: number;
  until: number;
}

export interface OutboxStatus {
  pending: number;
  oldestPendingAt: number | null;
  lastShippedAt: number | null;
  lastShippedSeq: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

const SQLITE_BUSY = 5;

/** Another connection holds the write lock now: try again after a moment (`retryBusy`). */
export class OutboxBusy extends Error {
  override name = 'OutboxBusy';
  constructor() {
    super('the journal database is busy');
  }
}

/** Runs a write of the outbox, waiting between tries (never blocking the event loop) while the store is busy. */
export async function retryBusy<T>(write: () => T, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      return write();
    } catch (error) {
      if (!(error instanceof OutboxBusy) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export class Outbox {
  private readonly db: DatabaseSync;

  /**
   * The journal (Journal.open) has made the schema before this opens. No busy timeout: the journal's own
   * connection in this process may hold the write lock until the end of the event loop's turn (group commit),
   * and waiting for it synchronously would wait for ever; a busy write throws `OutboxBusy` to try again later.
   */
  constructor(dataDir: string) {
    this.db = new DatabaseSync(join(dataDir, JOURNAL_FILE), { timeout: 0 });
  }

  private get(name: string): string | null {
    const row = this.db.prepare('SELECT value FROM shipping_state WHERE name = ?').get(name) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  private set(name: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO shipping_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      )
      .run(name, value);
  }

  private transaction<T>(run: () => T): T {
    try {
      return immediate(this.db, run);
    } catch (error) {
      // Only BEGIN can meet another shipper's lock: inside the transaction this connection holds it.
      throw (error as { errcode?: unknown }).errcode === SQLITE_BUSY ? new OutboxBusy() : error;
    }
  }

  /** Whether the triggers queue records: on while a policy names a server (outbox-schema.ts). */
  enabled(): boolean {
    return this.get('enabled') === 'on';
  }

  /** Turns queueing on or off; records already waiting stay for the next policy that names a server. */
  setEnabled(on: boolean): void {
    this.transaction(() => {
      this.set('enabled', on ? 'on' : 'off');
    });
  }

  /**
   * Takes or renews the lease for `ttlMs`: free, expired, held by a process that is gone (a crash), or ours.
   * Another live shipper of this data folder (the app and the preview at once) keeps it.
   */
  acquire(owner: string, now: number, ttlMs: number): boolean {
    return this.transaction(() => {
      const text = this.get('lease');
      const held = text === null ? null : (JSON.parse(text) as Lease);
      const free =
        held === null ||
        held.owner === owner ||
        held.until < now ||
        (held.pid !== process.pid && !processAlive(held.pid));
      if (free) this.set('lease', JSON.stringify({ owner, pid: process.pid, until: now + ttlMs } satisfies Lease));
      return free;
    });
  }

  release(owner: string): void {
    this.transaction(() => {
      const text = this.get('lease');
      if (text !== null && (JSON.parse(text) as Lease).owner === owner)
        this.db.prepare("DELETE FROM shipping_state WHERE name = 'lease'").run();
    });
  }

  /** The oldest `limit` records waiting, in order. */
  next(limit: number): OutboxRow[] {
    return this.db
      .prepare('SELECT seq, at, kind, ref, payload FROM outbox ORDER BY seq LIMIT ?')
      .all(limit) as unknown as OutboxRow[];
  }

  /** Records up to `lastSeq` reached the server: the cursor moves and they leave the outbox. */
  delivered(lastSeq: number, now: number): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM outbox WHERE seq <= ?').run(lastSeq);
      this.set('lastShippedSeq', String(lastSeq));
      this.set('lastShippedAt', String(now));
      this.db.prepare("DELETE FROM shipping_state WHERE name IN ('lastError', 'lastErrorAt')").run();
    });
  }

  failed(message: string, now: number): void {
    this.transaction(() => {
      this.set('lastError', message);
      this.set('lastErrorAt', String(now));
    });
  }

  status(): OutboxStatus {
    const counts = this.db.prepare('SELECT count(*) AS pending, min(at) AS oldest FROM outbox').get() as {
      pending: number;
      oldest: number | null;
    };
    const num = (name: string): number | null => {
      const value = this.get(name);
      return value === null ? null : Number(value);
    };
    return {
      pending: counts.pending,
      oldestPendingAt: counts.oldest,
      lastShippedAt: num('lastShippedAt'),
      lastShippedSeq: num('lastShippedSeq'),
      lastError: this.get('lastError'),
      lastErrorAt: num('lastErrorAt'),
    };
  }

  close(): void {
    this.db.close();
  }
}
