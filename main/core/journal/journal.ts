// The durable operation journal and audit trail in SQLite (docs/architecture.md, "The journal"): an intent is
// on disk before its request leaves, every outcome after it, one row per operation folded as it goes. Several
// processes may use one data folder at once (the app, the CLI, a bulk job process).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { DeskError } from '../errors.ts';
import { anyArchivable, archivable, archivedUnchanged, removeLinked } from './archive-rows.ts';
import type { ArchiveFile, ArchivedRecord } from './archive-rows.ts';
import { JOURNAL_JSONL } from './jsonl.ts';
import {
  auditPage,
  auditWalk,
  entryCount,
  entryPage,
  entryWalk,
  type AuditQuery,
  type EntryQuery,
  type Page,
  type PageRequest,
} from './queries.ts';
import {
  type AuditRecord,
  type EntryState,
  type IntentRecord,
  type JournalEntry,
  type OutcomeRecord,
} from './records.ts';
import {
  auditValues,
  entryOf,
  INSERT_AUDIT,
  INSERT_INTENT,
  intentValues,
  outcomeValues,
  UPDATE_OUTCOME,
  type OperationRow,
} from './rows.ts';
import { ChainWriter } from './chain.ts';
import { Checkpointer } from './checkpointer.ts';
import { createSchema, OPEN_STATES_SQL, prepareConnection } from './schema.ts';
import { JOURNAL_FILE, privateDatabaseFile } from './database-file.ts';
import { WalSync } from './wal-sync.ts';
import { immediate } from './immediate.ts';
import { WriteBatch } from './write-batch.ts';
import type { JournalChange, JournalOptions } from './journal-options.ts';

export { isFinal, type JournalChange, type JournalOptions } from './journal-options.ts';

export { JOURNAL_FILE } from './database-file.ts';
/** How long a write waits for another process's write to finish before it fails (never seen in practice). */
const BUSY_TIMEOUT_MS = 10_000;
/** SQLite's extended result code for a UNIQUE constraint: the key is already journaled. */
const SQLITE_CONSTRAINT_UNIQUE = 2067;

export class Journal {
  readonly path: string;
  private readonly db: DatabaseSync;
  private readonly wal: WalSync;
  private readonly checkpoints: Checkpointer;
  private readonly batch: WriteBatch;
  private readonly unannounced: JournalChange[] = [];
  private readonly groupCommit: boolean;
  private readonly listeners = new Set<(change: JournalChange) => void>();
  private readonly statements = new Map<string, StatementSync>();
  private readonly chain: ChainWriter;

  private constructor(path: string, options: JournalOptions) {
    this.path = path;
    this.groupCommit = options.groupCommit ?? false;
    privateDatabaseFile(path);
    this.db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      prepareConnection(this.db);
      createSchema(this.db, options.chainKey);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.chain = new ChainWriter((text) => this.sql(text), options.chainKey);
    this.wal = new WalSync(`${path}-wal`, options.durable ?? true);
    this.checkpoints = new Checkpointer(path);
    this.batch = new WriteBatch(
      this.db,
      {
        committed: () => {
          this.countCommit(false);
          this.announceCommitted();
        },
        rolledBack: () => this.unannounced.splice(0),
      },
      options.commitWindowMs,
    );
  }

  /**
   * Writes one record and tells its change once it is committed. Without group commit: alone, synced at once.
   * With it (write-batch.ts): intents and outcomes join the turn's shared transaction, committed at the end of
   * the turn (`committed()`) and synced by `durableNow()`; an audit record commits and syncs before the call
   * returns.
   */
  private write(run: () => void, mode: 'batch' | 'sync', change?: JournalChange): void {
    if (!this.groupCommit) {
      this.transaction(run); // the record and its link together (chain.ts)
      this.countCommit(true);
      if (change !== undefined) for (const listener of this.listeners) listener(change);
      return;
    }
    this.batch.add(run);
    if (change !== undefined) this.unannounced.push(change);
    if (mode === 'batch') return;
    this.batch.commit();
    this.wal.syncNow();
  }

  /** After each commit: syncs it now or with the group, and keeps the log short. */
  private countCommit(now: boolean): void {
    this.wal.committed(now);
    this.checkpoints.committed();
  }

  /**
   * Opens (creating if needed) the journal in `dataDir`. A journal.jsonl of an older version must be imported
   * first (`importJsonlJournal`), so that no operation it holds is ever missed by reconciliation.
   */
  static open(dataDir: string, options: JournalOptions = {}): Journal {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (existsSync(join(dataDir, JOURNAL_JSONL))) {
      throw new DeskError(
        'journal_not_imported',
        `${join(dataDir, JOURNAL_JSONL)} is a journal of an older version: import it first (the app and the CLI do at start)`,
      );
    }
    return new Journal(join(dataDir, JOURNAL_FILE), options);
  }

  /**
   * The one feed of operation changes, whoever records them in this process (the services, bulk jobs,
   * reconciliation): each intent and outcome is told once, right after it is committed: inside the writer's
   * call, or with group commit when the turn's transaction commits. A listener must not throw. Returns the
   * unsubscribe.
   */
  onChange(listener: (change: JournalChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private announceCommitted(): void {
    const changes = this.unannounced.splice(0);
    for (const change of changes) for (const listener of this.listeners) listener(change);
  }

  /** Resolves once every record written so far is on disk (at once without group commit). */
  durableNow(): Promise<void> {
    return this.batch.committed().then(() => this.wal.durableNow());
  }

  /** Resolves once every record written so far is committed and told (not yet synced): cheaper than durable. */
  committed(): Promise<void> {
    return this.batch.committed();
  }

  /** Records a write before it is sent; on disk on return, or with group commit once `durableNow()` resolves. */
  recordIntent(record: Omit<IntentRecord, 'type'>): void {
    const change: JournalChange = { key: record.key, op: record.op, state: 'sending' };
    try {
      const write = () => {
        const { lastInsertRowid } = this.sql(INSERT_INTENT).run(...intentValues(record));
        this.chain.operation(Number(lastInsertRowid));
      };
      this.write(write, 'batch', change);
    } catch (error) {
      if ((error as { errcode?: number }).errcode === SQLITE_CONSTRAINT_UNIQUE)
        throw new Error(`journal already holds operation ${record.key}`);
      throw error;
    }
  }

  /** Records what became of a write. Unchanged states are not written again. */
  recordOutcome(record: Omit<OutcomeRecord, 'type'>): void {
    const entry = this.sql('SELECT seq, op, state FROM operations WHERE key = ?').get(record.key) as
      { seq: number; op: string; state: EntryState } | undefined;
    if (entry === undefined) throw new Error(`journal has no operation ${record.key}`);
    if (entry.state === record.state && record.result === undefined && record.error === undefined) return;
    const change: JournalChange = { key: record.key, op: entry.op, state: record.state };
    const write = () => {
      this.sql(UPDATE_OUTCOME).run(...outcomeValues(record));
      this.chain.operation(entry.seq);
    };
    this.write(write, 'batch', change);
  }

  /** Records an audited operator action, on disk before the action goes ahead. */
  recordAudit(record: Omit<AuditRecord, 'type'>): void {
    const write = () => {
      const { lastInsertRowid } = this.sql(INSERT_AUDIT).run(...auditValues(record));
      this.chain.audit(Number(lastInsertRowid));
    };
    this.write(write, 'sync');
  }

  get(key: string): JournalEntry | undefined {
    const row = this.sql('SELECT * FROM operations WHERE key = ?').get(key) as OperationRow | undefined;
    return row === undefined ? undefined : entryOf(row);
  }

  /** Operations whose outcome is not final yet, oldest first (the partial index keeps this cheap). */
  open(): JournalEntry[] {
    const sql = `SELECT * FROM operations WHERE state IN (${OPEN_STATES_SQL}) ORDER BY at, seq`;
    return (this.sql(sql).all() as unknown as OperationRow[]).map(entryOf);
  }

  /** A bulk job's operations (`bulk:<job>:`), oldest first. */
  byTagPrefix(prefix: string): JournalEntry[] {
    const sql = 'SELECT * FROM operations WHERE tag >= ? AND tag < ? ORDER BY at, seq';
    return (this.sql(sql).all(prefix, `${prefix}\uffff`) as unknown as OperationRow[]).map(entryOf);
  }

  /** One page of matching operations, newest first. */
  page(query: EntryQuery & PageRequest): Page<JournalEntry> {
    return entryPage(this.db, query);
  }

  count(query: EntryQuery = {}): number {
    return entryCount(this.db, query);
  }

  /** Every matching operation, newest first, read a page at a time (exports). */
  iterate(query: EntryQuery = {}): Iterable<JournalEntry> {
    return entryWalk(this.db, query);
  }

  /** Every operation, oldest first. Tests and small tools only: screens page. */
  list(): JournalEntry[] {
    return [...this.iterate()].reverse();
  }

  auditPage(query: AuditQuery & PageRequest): Page<AuditRecord> {
    return auditPage(this.db, query);
  }

  iterateAudit(query: AuditQuery = {}): Iterable<AuditRecord> {
    return auditWalk(this.db, query);
  }

  /** Audited actions, oldest first. Tests and small tools only: screens page. */
  auditTrail(): AuditRecord[] {
    return [...this.iterateAudit()].reverse();
  }

  /** Whether any final operation or audit record is older than `before`. */
  hasArchivable(before: number): boolean {
    return anyArchivable(this.db, before);
  }

  /** Final operations and audit records older than `before`, for an archive file (archive.ts). */
  archivable(before: number): Generator<ArchivedRecord> {
    return archivable(this.db, before);
  }

  /**
   * Removes, in one transaction, exactly what the last `archivable` walk gave; null (nothing removed) when any
   * of it changed since it was read, so the file written from it is stale.
   */
  removeArchived(file?: ArchiveFile): { operations: number; audits: number } | null {
    const removed = this.transaction(() =>
      archivedUnchanged(this.db) ? removeLinked(this.db, this.chain, file) : null,
    );
    if (removed !== null) this.countCommit(true);
    return removed;
  }

  /** Runs `work` in one write transaction of its own, after what the turn's batch holds. */
  private transaction<T>(work: () => T): T {
    this.batch.commit();
    return immediate(this.db, work);
  }

  /** A prepared statement, kept: the same few run for every record. */
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  close(): void {
    this.batch.commit();
    this.checkpoints.close();
    this.wal.close();
    this.db.close();
  }
}
