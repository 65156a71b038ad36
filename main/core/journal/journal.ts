// The durable, append-only operation journal (docs/architecture.md, data): one JSON line per record, flushed before a
// request leaves. A torn last line after a crash is skipped, never fatal.
import { closeSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  journalRecord,
  isOpenState,
  type EntryState,
  type AuditRecord,
  type IntentRecord,
  type JournalEntry,
  type OutcomeRecord,
} from './records.ts';

export const JOURNAL_FILE = 'journal.jsonl';

export interface JournalOptions {
  /** fdatasync after each record (default true). Off only in benchmarks that measure its cost. */
  durable?: boolean;
  /**
   * Group commit: records are written at once but flushed by one background fdatasync shared by every
   * writer waiting at that moment; the client awaits `durable()` before a request leaves. Keeps the event
   * loop free (the app's main process, bulk jobs with many calls in flight). Audit records stay synchronous.
   */
  groupCommit?: boolean;
}

/** One recorded change of an operation's state: its intent (`sending`) or one of its outcome records. */
export interface JournalChange {
  key: string;
  op: string;
  state: EntryState;
}

export interface JournalReadReport {
  /** Lines that could not be read: a torn last record, or damage. */
  skipped: number;
}

export class Journal {
  readonly path: string;
  private readonly fd: number;
  private readonly durable: boolean;
  private readonly groupCommit: boolean;
  /** Group commit: records written so far, records known on disk, and who waits for which. */
  private written = 0;
  private synced = 0;
  private syncing = false;
  private waiters: { upTo: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly entries = new Map<string, JournalEntry>();
  private readonly audits: AuditRecord[] = [];
  private readonly listeners = new Set<(change: JournalChange) => void>();
  private skippedLines = 0;

  private constructor(path: string, options: JournalOptions) {
    this.path = path;
    this.durable = options.durable ?? true;
    this.groupCommit = options.groupCommit ?? false;
    this.fd = openSync(path, 'a+', 0o600);
    this.load();
  }

  /** Opens (creating if needed) the journal in `dataDir`. */
  static open(dataDir: string, options: JournalOptions = {}): Journal {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return new Journal(join(dataDir, JOURNAL_FILE), options);
  }

  get report(): JournalReadReport {
    return { skipped: this.skippedLines };
  }

  private load(): void {
    const text = readFileSync(this.path, 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const record = parseLine(line);
      if (record === undefined) this.skippedLines++;
      else this.fold(record);
    }
    // A torn tail has no newline: start the next record on a line of its own.
    if (text.length > 0 && !text.endsWith('\n')) this.write('\n');
  }

  private fold(record: IntentRecord | OutcomeRecord | AuditRecord): void {
    if (record.type === 'audit') {
      this.audits.push(record);
      return;
    }
    if (record.type === 'intent') {
      const { key, op, at, connection, params, deadlineMs, tag } = record;
      this.entries.set(key, {
        key,
        op,
        at,
        connection,
        params,
        deadlineMs,
        ...(tag === undefined ? {} : { tag }),
        state: 'sending',
        updatedAt: at,
      });
      return;
    }
    const entry = this.entries.get(record.key);
    if (entry === undefined) return; // an outcome whose intent was lost to damage: nothing to attach it to
    entry.state = record.state;
    entry.updatedAt = record.at;
    if (record.result !== undefined) entry.result = record.result;
    if (record.error !== undefined) entry.error = record.error;
    if (record.reason !== undefined) entry.reason = record.reason;
  }

  private write(text: string, sync = !this.groupCommit): void {
    const bytes = Buffer.from(text);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
    this.written++;
    if (this.durable && sync) {
      fdatasyncSync(this.fd);
      this.synced = this.written;
    }
  }

  private append(record: IntentRecord | OutcomeRecord | AuditRecord, sync?: boolean): void {
    this.write(`${JSON.stringify(record)}\n`, sync);
    this.fold(record);
    if (record.type !== 'audit') this.announce(record.key);
  }

  /**
   * The one feed of operation changes, whoever records them (the services, bulk jobs, reconciliation at start or
   * on demand, the CLI): each intent and each outcome record written by this process is told once, right after
   * it is written (records read at open are not). A listener runs inside the writer's call and must not throw.
   * Returns the unsubscribe.
   */
  onChange(listener: (change: JournalChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private announce(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    const change: JournalChange = { key, op: entry.op, state: entry.state };
    for (const listener of this.listeners) listener(change);
  }

  /** Resolves once every record written so far is on disk (at once without group commit). */
  durableNow(): Promise<void> {
    if (!this.durable || this.synced >= this.written) return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => {
      this.waiters.push({ upTo: this.written, resolve, reject });
    });
    this.flushGroup();
    return promise;
  }

  private flushGroup(): void {
    if (this.syncing) return;
    this.syncing = true;
    const upTo = this.written;
    fdatasync(this.fd, (error) => {
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

  /** Records a write before it is sent; on disk on return, or with group commit once `durableNow()` resolves. */
  recordIntent(record: Omit<IntentRecord, 'type'>): void {
    if (this.entries.has(record.key)) throw new Error(`journal already holds operation ${record.key}`);
    this.append({ type: 'intent', ...record });
  }

  /** Records what became of a write. Unchanged states are not written again. */
  recordOutcome(record: Omit<OutcomeRecord, 'type'>): void {
    const entry = this.entries.get(record.key);
    if (entry === undefined) throw new Error(`journal has no operation ${record.key}`);
    if (entry.state === record.state && record.result === undefined && record.error === undefined) return;
    this.append({ type: 'outcome', ...record });
  }

  /** Records an audited operator action, on disk before the action goes ahead. */
  recordAudit(record: Omit<AuditRecord, 'type'>): void {
    this.append({ type: 'audit', ...record }, true);
  }

  /** Audited actions, oldest first. */
  auditTrail(): AuditRecord[] {
    return [...this.audits];
  }

  get(key: string): JournalEntry | undefined {
    return this.entries.get(key);
  }

  /** All operations, oldest first. */
  list(): JournalEntry[] {
    return [...this.entries.values()].sort((a, b) => a.at - b.at);
  }

  /** Operations whose outcome is not final yet. */
  open(): JournalEntry[] {
    return this.list().filter((e) => isOpenState(e.state));
  }

  close(): void {
    if (this.durable && this.synced < this.written) fdatasyncSync(this.fd);
    closeSync(this.fd);
  }
}

function parseLine(line: string): IntentRecord | OutcomeRecord | AuditRecord | undefined {
  try {
    const parsed = journalRecord.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function isFinal(state: EntryState): boolean {
  return !isOpenState(state);
}
