// Operator accounts in the data folder's journal database (docs/architecture.md, operators and roles). A
// secret is stored only as its scrypt hash. Each sign-in attempt is counted against the operator BEFORE the
// slow hash work and persisted, so concurrent guesses, a kill or a restart cannot reset or outrun the back-off;
// ids that are no account earn the same waits and the same answer, kept the same way, so nothing tells whether
// an id exists.
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { OperatorView } from '../../../common/contract/index.ts';
import type { Role } from '../../../common/contract/rights.ts';
import { DeskError } from '../errors.ts';
import { privateDatabaseFile } from '../journal/database-file.ts';
import { immediate } from '../journal/immediate.ts';
import { hashPin, verifyPin } from '../session/pin-hash.ts';
import { FREE_ATTEMPTS, waitAfter, type Counter } from './back-off.ts';
import { identityOf, viewOf, type OperatorIdentity, type OperatorRow, type OperatorSource } from './rows.ts';
import { createOperatorsSchema } from './schema.ts';

export type { OperatorIdentity, OperatorSource } from './rows.ts';

const BUSY_TIMEOUT_MS = 10_000;
/** Ids that are no account whose wrong attempts are kept (the most recent ones). */
const KEPT_GUESSES = 500;

export interface NewOperator {
  id: string;
  name: string;
  roles: readonly Role[];
  secret: string;
  source: OperatorSource;
}

function wrongSecret(attemptsLeft: number): DeskError {
  return new DeskError('operator_unknown_or_wrong_secret', 'unknown operator or wrong PIN or passphrase', {
    attemptsLeft,
  });
}

export class OperatorAccounts {
  private readonly db: DatabaseSync;
  private readonly now: () => number;
  private readonly inFlight = new Set<string>();
  private dummyHash: Promise<string> | undefined;

  private constructor(db: DatabaseSync, now: () => number) {
    this.db = db;
    this.now = now;
  }

  /** Opens the accounts in the journal database at `path` (its own connection, every commit synced); tests may pass ':memory:'. */
  static open(path: string, now: () => number = Date.now): OperatorAccounts {
    if (path !== ':memory:') privateDatabaseFile(path);
    const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.exec('PRAGMA journal_mode = WAL');
      // A counted attempt must survive a power cut, not only a kill: this connection syncs each commit.
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA wal_autocheckpoint = 0'); // the journal's checkpointer keeps the log short
      createOperatorsSchema(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new OperatorAccounts(db, now);
  }

  list(): OperatorView[] {
    const rows = this.db.prepare('SELECT * FROM operators ORDER BY id').all() as unknown as OperatorRow[];
    return rows.map((row) => viewOf(row, this.now()));
  }

  get(id: string): OperatorView | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : viewOf(row, this.now());
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  nameOf(id: string): string | undefined {
    return this.row(id)?.name;
  }

  async add(operator: NewOperator): Promise<OperatorView> {
    return this.addHashed({ ...operator, secretHash: await hashPin(operator.secret) });
  }

  /** Adds an account whose secret is already a hash (a policy's, or one made here). */
  addHashed(operator: Omit<NewOperator, 'secret'> & { secretHash: string; providedHash?: string }): OperatorView {
    // Another process (the CLI, a bulk job) may add the same id at the same moment: the insert itself decides.
    const { changes } = this.db
      .prepare(
        `INSERT OR IGNORE INTO operators (id, name, roles, secret_hash, enabled, source, created_at, provided_hash)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(
        operator.id,
        operator.name,
        JSON.stringify(operator.roles),
        operator.secretHash,
        operator.source,
        this.now(),
        operator.providedHash ?? null,
      );
    if (changes === 0)
      throw new DeskError('operator_exists', `there is already an operator ${operator.id}`, {
        operatorId: operator.id,
      });
    return this.require(operator.id);
  }

  /** Disabled operators cannot sign in. The last enabled administrator cannot be disabled. */
  disable(id: string): OperatorView {
    return this.inTransaction(() => {
      const row = this.requireRow(id);
      if (row.enabled === 1 && identityOf(row).roles.includes('administrator') && this.enabledAdministrators() <= 1)
        throw new DeskError('last_administrator', 'this is the last enabled administrator: it cannot be disabled');
      this.db.prepare('UPDATE operators SET enabled = 0 WHERE id = ?').run(id);
      return viewOf(this.requireRow(id), this.now());
    });
  }

  enable(id: string): OperatorView {
    this.requireRow(id);
    this.db.prepare('UPDATE operators SET enabled = 1 WHERE id = ?').run(id);
    return this.require(id);
  }

  /** A new secret; the wrong-secret back-off starts over. */
  async resetSecret(id: string, secret: string): Promise<OperatorView> {
    this.requireRow(id);
    const hash = await hashPin(secret);
    this.db
      .prepare('UPDATE operators SET secret_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?')
      .run(hash, id);
    return this.require(id);
  }

  /** Changes name and roles (a policy providing the account says them again at each start). */
  update(id: string, change: { name: string; roles: readonly Role[]; source: OperatorSource }): void {
    this.db
      .prepare('UPDATE operators SET name = ?, roles = ?, source = ? WHERE id = ?')
      .run(change.name, JSON.stringify(change.roles), change.source, id);
  }

  /** Sets a policy's hash when it differs from the one the policy gave last (a local reset otherwise stays). */
  provideHash(id: string, hash: string): void {
    this.db
      .prepare(
        `UPDATE operators SET secret_hash = ?, provided_hash = ?, failed_attempts = 0, locked_until = NULL
         WHERE id = ? AND (provided_hash IS NULL OR provided_hash <> ?)`,
      )
      .run(hash, hash, id, hash);
  }

  /**
   * Checks an operator's id and secret: one counted attempt. Throws operator_unknown_or_wrong_secret (an
   * unknown id and a wrong secret alike), operator_locked while the back-off waits (details.retryAfterMs), and
   * operator_disabled only once the secret was right.
   */
  async verify(id: string, secret: string): Promise<OperatorIdentity> {
    if (this.inFlight.has(id))
      throw new DeskError('operator_locked', 'a sign-in is being checked: try again in a moment', {
        retryAfterMs: 1000,
      });
    const { row, failed } = this.reserveAttempt(id);
    this.inFlight.add(id);
    let right: boolean;
    try {
      right = await verifyPin(secret, row?.secret_hash ?? (await this.dummy()));
    } finally {
      this.inFlight.delete(id);
    }
    if (row === undefined || !right) throw wrongSecret(Math.max(0, FREE_ATTEMPTS - failed));
    this.db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
    if (row.enabled !== 1) throw new DeskError('operator_disabled', 'this operator is disabled');
    return identityOf(row);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Counts the attempt as wrong, in one transaction with the check of the wait, before any hash work. */
  private reserveAttempt(id: string): { row: OperatorRow | undefined; failed: number } {
    return this.inTransaction(() => {
      const row = this.row(id);
      const counter: Counter =
        row === undefined ? this.guessesAt(id) : { failed: row.failed_attempts, lockedUntil: row.locked_until };
      const wait = (counter.lockedUntil ?? 0) - this.now();
      if (wait > 0)
        throw new DeskError(
          'operator_locked',
          `too many wrong attempts: try again in ${String(Math.ceil(wait / 1000))} s`,
          { retryAfterMs: wait },
        );
      const failed = counter.failed + 1;
      const wait2 = waitAfter(failed);
      const lockedUntil = wait2 > 0 ? this.now() + wait2 : null;
      if (row === undefined) this.saveGuesses(id, { failed, lockedUntil });
      else
        this.db
          .prepare('UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE id = ?')
          .run(failed, lockedUntil, id);
      return { row, failed };
    });
  }

  private guessesAt(id: string): Counter {
    const row = this.db
      .prepare('SELECT failed_attempts AS failed, locked_until AS lockedUntil FROM operator_guesses WHERE id = ?')
      .get(id) as Counter | undefined;
    return row ?? { failed: 0, lockedUntil: null };
  }

  private saveGuesses(id: string, counter: Counter): void {
    this.db.prepare('DELETE FROM operator_guesses WHERE id = ?').run(id);
    this.db
      .prepare('INSERT INTO operator_guesses (id, failed_attempts, locked_until) VALUES (?, ?, ?)')
      .run(id, counter.failed, counter.lockedUntil);
    this.db
      .prepare(
        'DELETE FROM operator_guesses WHERE rowid NOT IN (SELECT rowid FROM operator_guesses ORDER BY rowid DESC LIMIT ?)',
      )
      .run(KEPT_GUESSES);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPin(randomBytes(16).toString('base64'));
    return this.dummyHash;
  }

  private enabledAdministrators(): number {
    const rows = this.db.prepare('SELECT roles FROM operators WHERE enabled = 1').all() as { roles: string }[];
    return rows.filter((r) => (JSON.parse(r.roles) as unknown[]).includes('administrator')).length;
  }

  private row(id: string): OperatorRow | undefined {
    return this.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
  }

  private requireRow(id: string): OperatorRow {
    const row = this.row(id);
    if (row === undefined) throw new DeskError('operator_not_found', `no operator ${id}`, { operatorId: id });
    return row;
  }

  private require(id: string): OperatorView {
    return viewOf(this.requireRow(id), this.now());
  }

  private inTransaction<T>(run: () => T): T {
    return immediate(this.db, run);
  }
}
