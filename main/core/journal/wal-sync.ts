// Durable commits without blocking the event loop (docs/architecture.md, "The journal"). SQLite commits into
// its write-ahead log without syncing (`synchronous = NORMAL`); this syncs the WAL file itself: at once for
// records that must be on disk on return (audit), or as a group commit: one background fdatasync shared by
// every writer waiting at that moment, awaited before a request leaves. SQLite syncs the log itself before
// each checkpoint, so what this made durable stays durable.
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class WalSync {
  private fd: number | undefined;
  /** Commits made so far, commits known on disk, and who waits for which. */
  private written = 0;
  private synced = 0;
  private syncing = false;
  private waiters: Waiter[] = [];

  private readonly walPath: string;
  private readonly durable: boolean;

  constructor(walPath: string, durable: boolean) {
    this.walPath = walPath;
    this.durable = durable;
  }

  /** Counts one commit; syncs it before returning when `now`. */
  committed(now: boolean): void {
    this.written++;
    if (this.durable && now) {
      fdatasyncSync(this.walFd());
      this.synced = this.written;
    }
  }

  /** Syncs every commit counted so far before returning. */
  syncNow(): void {
    if (!this.durable || this.synced >= this.written) return;
    fdatasyncSync(this.walFd());
    this.synced = this.written;
  }

  /** Resolves once every commit counted so far is on disk. */
  durableNow(): Promise<void> {
    if (!this.durable || this.synced >= this.written) return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => {
      this.waiters.push({ upTo: this.written, resolve, reject });
    });
    this.flushGroup();
    return promise;
  }

  close(): void {
    if (this.fd === undefined) return;
    if (this.durable && this.synced < this.written) fdatasyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  // Opened on first use: SQLite creates the log with the first write. Read-write, as Windows flushes only
  // handles that may write.
  private walFd(): number {
    this.fd ??= openSync(this.walPath, 'r+');
    return this.fd;
  }

  private flushGroup(): void {
    if (this.syncing) return;
    this.syncing = true;
    const upTo = this.written;
    fdatasync(this.walFd(), (error) => {
      this.syncing = false;
      if (error === null) this.synced = Math.max(this.synced, upTo);
      const ready = this.waiters.filter((w) => error !== null || w.upTo <= this.synced);
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const waiter of ready) {
        if (error === null) waiter.resolve();
        else waiter.reject(error);
      }
      if (this.waiters.length > 0) this.flushGroup();
    });
  }
}
