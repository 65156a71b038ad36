// The keyed hash chain (docs/architecture.md, "The audit chain"): each record written gets a link holding the
// SHA-256 of its full row (and of its change of state), sealed with an HMAC-SHA-256 over the previous link's
// MAC and its own fields, keyed with the data folder's chain key from the OS keychain (chain-key.ts). A writer
// without the key (no keychain) seals with plain SHA-256 and marks the link unkeyed; a verifier that holds the
// key never counts unkeyed links as verified and reports them apart from breaks (chain-verify.ts). Links are
// appended inside the write's own transaction, so writers in several processes still make one line.
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AuditRow, OperationRow } from './rows.ts';

export type ChainTable = 'operations' | 'audit' | 'archive';

export interface ChangeRow {
  seq: number;
  key: string;
  at: number;
  state: string;
  reason: string | null;
}

export interface Link {
  seq: number;
  tbl: ChainTable;
  /** The record's seq in its table (operations or audit). */
  rec: number;
  key: string;
  /** The `changes` row this link stands for (operations only). */
  change_seq: number | null;
  /** SHA-256 of the record's canonical row after the write. */
  row: string;
  /** SHA-256 of the change row (operations only). */
  change: string | null;
  keyed: number;
  mac: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every column, in a fixed order: nothing of the record can change without its digest changing. */
export function operationDigest(r: OperationRow): string {
  return sha256(
    JSON.stringify([
      r.seq,
      r.key,
      r.op,
      r.at,
      r.profile_id,
      r.connection,
      r.body_sha256,
      r.params,
      r.deadline_ms,
      r.tag,
      r.state,
      r.updated_at,
      r.result,
      r.error,
      r.reason,
      r.operator_id,
      r.approver_id,
    ]),
  );
}

export function auditDigest(r: AuditRow): string {
  return sha256(JSON.stringify([r.seq, r.key, r.at, r.action, r.profile_id, r.details, r.operator_id, r.approver_id]));
}

export function changeDigest(c: ChangeRow): string {
  return sha256(JSON.stringify([c.seq, c.key, c.at, c.state, c.reason]));
}

/** The link's MAC: over the previous link's MAC and every field of its own but the MAC. */
export function sealOf(key: KeyObject | undefined, prev: string, l: Omit<Link, 'mac'>): string {
  const text = JSON.stringify([prev, l.seq, l.tbl, l.rec, l.key, l.change_seq, l.row, l.change, l.keyed]);
  return key === undefined ? sha256(text) : createHmac('sha256', key).update(text).digest('hex');
}

type Sql = (text: string) => StatementSync;

/** Prepared statements kept by text, for a connection outside a Journal (a migration, an import). */
export function statementCache(db: DatabaseSync): Sql {
  const statements = new Map<string, StatementSync>();
  return (text) => {
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
}

/** Appends links; must run inside the transaction that wrote the record. */
export class ChainWriter {
  /** A key object made once: making one from the bytes on every link would cost more than the HMAC. */
  private readonly key: KeyObject | undefined;
  private readonly sql: Sql;

  constructor(sql: Sql, key: Buffer | undefined) {
    this.sql = sql;
    this.key = key === undefined ? undefined : createSecretKey(key);
  }

  /** Links the operation row `seq` after its intent or outcome, with the change the trigger just wrote. */
  operation(rowSeq: number): void {
    // One read: the row and its last change, found through the key's index (max over it), never a scan.
    const sql = `SELECT o.*, c.seq AS c_seq, c.at AS c_at, c.state AS c_state, c.reason AS c_reason
      FROM operations o JOIN changes c ON c.seq = (SELECT max(seq) FROM changes WHERE key = o.key) WHERE o.seq = ?`;
    const row = this.sql(sql).get(rowSeq) as unknown as OperationRow & {
      c_seq: number;
      c_at: number;
      c_state: string;
      c_reason: string | null;
    };
    const change: ChangeRow = { seq: row.c_seq, key: row.key, at: row.c_at, state: row.c_state, reason: row.c_reason };
    this.append('operations', row.seq, row.key, change.seq, operationDigest(row), changeDigest(change));
  }

  /** An operation of an older journal: one link per change of state it already had, in order. */
  existingOperation(rowSeq: number): void {
    const row = this.sql('SELECT * FROM operations WHERE seq = ?').get(rowSeq) as unknown as OperationRow;
    const digest = operationDigest(row);
    const changes = this.sql('SELECT * FROM changes WHERE key = ? ORDER BY seq').all(row.key) as unknown as ChangeRow[];
    for (const c of changes) this.append('operations', row.seq, row.key, c.seq, digest, changeDigest(c));
  }

  audit(rowSeq: number): void {
    const row = this.sql('SELECT * FROM audit WHERE seq = ?').get(rowSeq) as unknown as AuditRow;
    this.append('audit', row.seq, row.key, null, auditDigest(row), null);
  }

  append(
    tbl: ChainTable,
    rec: number,
    key: string,
    changeSeq: number | null,
    row: string,
    change: string | null,
  ): void {
    const last = this.last();
    const link = {
      seq: (last?.seq ?? 0) + 1,
      tbl,
      rec,
      key,
      change_seq: changeSeq,
      row,
      change,
      keyed: this.key === undefined ? 0 : 1,
    };
    const mac = sealOf(this.key, last?.mac ?? '', link);
    this.sql(
      'INSERT INTO chain (seq, tbl, rec, key, change_seq, row, change, keyed, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(link.seq, tbl, rec, key, changeSeq, row, change, link.keyed, mac);
  }

  /** The seq the next link will have (inside the same transaction). */
  nextSeq(): number {
    return (this.last()?.seq ?? 0) + 1;
  }

  private last(): { seq: number; mac: string; keyed: number } | undefined {
    return this.sql('SELECT seq, mac, keyed FROM chain WHERE seq = (SELECT max(seq) FROM chain)').get() as
      { seq: number; mac: string; keyed: number } | undefined;
  }
}

/** For tests and the CLI: reads links in order, a page at a time. */
export function* links(db: DatabaseSync, after = 0): Generator<Link> {
  const page = db.prepare('SELECT * FROM chain WHERE seq > ? ORDER BY seq LIMIT 1000');
  for (let from = after; ;) {
    const rows = page.all(from) as unknown as Link[];
    yield* rows;
    const last = rows.at(-1);
    if (last === undefined) return;
    from = last.seq;
  }
}
