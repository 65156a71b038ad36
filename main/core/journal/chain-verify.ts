// Verifying the keyed hash chain (docs/architecture.md, "The audit chain"): every link's MAC from the one
// before it; every record the chain names still there (or moved to an archive the chain records); every
// operation, change of state and audit record in the store equal to what its link committed to; no record
// without a link. The first thing that does not hold is named: its table, its seq and its key. Links sealed
// without the keychain key are named as runs of link seqs: unverified, which is not the same as changed.
import { createHash, createSecretKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { auditDigest, changeDigest, operationDigest, sealOf, type ChangeRow, type Link } from './chain.ts';
import type { AuditRow, OperationRow } from './rows.ts';

export interface BrokenRecord {
  /** 'archive' names an archive the chain recorded (its key is the file name). */
  table: 'operations' | 'audit' | 'archive';
  seq: number;
  key: string;
}

/** Links sealed without the keychain key, from `from` to `to`; `sealedAfter`: a keyed link follows them. */
export interface UnkeyedRun {
  from: number;
  to: number;
  sealedAfter: boolean;
}

/** Runs named at most: a keychain that fails again and again must not make the answer grow without end. */
const MAX_RUNS = 20;

export type ChainCheck =
  | { state: 'whole'; records: number }
  /**
   * Nothing changed that the chain can show, but the records of these links were sealed while the keychain
   * could not give the key: anyone able to write the data folder could have made or remade them (until a keyed
   * link sealed over them), so they are not verified.
   */
  | { state: 'unkeyed'; records: number; runs: UnkeyedRun[] }
  | { state: 'broken'; record: BrokenRecord; why: string }
  /** Links sealed with the keychain's key, which this process could not read. */
  | { state: 'unverifiable'; why: string };

/** How many links or rows between the verifier's pauses (the app yields to its event loop there). */
const STEP = 2000;

function named(link: Link): BrokenRecord {
  if (link.tbl === 'operations' || link.tbl === 'audit') return { table: link.tbl, seq: link.rec, key: link.key };
  return { table: 'archive', seq: link.seq, key: link.key };
}

function broken(record: BrokenRecord, why: string): ChainCheck {
  return { state: 'broken', record, why };
}

/** A sorted list of what one archive took out of the store, as its link commits to it. */
export function archivedDigest(db: DatabaseSync, archiveSeq: number): string {
  const rows = db
    .prepare('SELECT tbl, rec FROM chain_archived WHERE archive_seq = ? ORDER BY tbl, rec')
    .all(archiveSeq);
  return createHash('sha256')
    .update(JSON.stringify(rows.map((r) => [r.tbl, r.rec])))
    .digest('hex');
}

function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

interface Walked {
  records: number;
  runs: UnkeyedRun[];
}

/** Notes link `seq` as sealed without the key: it extends the last run or starts one. */
function noteUnkeyed(runs: UnkeyedRun[], seq: number): void {
  const last = runs.at(-1);
  if (last?.to === seq - 1) last.to = seq;
  else if (runs.length < MAX_RUNS) runs.push({ from: seq, to: seq, sealedAfter: false });
}

/**
 * The links in order. With `key`, a link sealed without it (the keychain could not give it to its writer) is
 * checked as plain SHA-256 and named in a run, never counted as verified; without the key, only a chain sealed
 * without a key can be checked.
 */
function* walkLinks(
  db: DatabaseSync,
  key: Buffer | undefined,
  dataDir: string | undefined,
): Generator<void, ChainCheck | Walked> {
  const secret = key === undefined ? undefined : createSecretKey(key);
  const page = db.prepare('SELECT * FROM chain WHERE seq > ? ORDER BY seq LIMIT 1000');
  const present = {
    operations: db.prepare('SELECT 1 FROM operations WHERE seq = ? AND key = ?'),
    audit: db.prepare('SELECT 1 FROM audit WHERE seq = ? AND key = ?'),
  };
  const archived = db.prepare('SELECT 1 FROM chain_archived WHERE tbl = ? AND rec = ?');
  let prev = '';
  let seq = 0;
  let records = 0;
  const runs: UnkeyedRun[] = [];
  for (;;) {
    const rows = page.all(seq) as unknown as Link[];
    if (rows.length === 0) return { records, runs };
    for (const link of rows) {
      if (link.keyed === 1 && key === undefined)
        return { state: 'unverifiable', why: 'the chain is sealed with the keychain key, which could not be read' };
      if (link.seq !== seq + 1)
        return broken(named(link), `the chain skips from link ${String(seq)} to ${String(link.seq)}`);
      if (key !== undefined && link.keyed !== 1) noteUnkeyed(runs, link.seq);
      const lastRun = runs.at(-1);
      if (link.keyed === 1 && lastRun?.to === link.seq - 1) lastRun.sealedAfter = true;
      const { mac, ...fields } = link;
      if (sealOf(link.keyed === 1 ? secret : undefined, prev, fields) !== mac)
        return broken(named(link), 'its link does not match its seal or the link before it');
      if (link.tbl === 'operations' || link.tbl === 'audit') {
        records++;
        if (present[link.tbl].get(link.rec, link.key) === undefined && archived.get(link.tbl, link.rec) === undefined)
          return broken(named(link), 'the record was removed from the store');
      } else {
        if (archivedDigest(db, link.seq) !== link.row)
          return broken(named(link), 'the archive’s list of records changed');
        const file = dataDir === undefined ? undefined : join(dataDir, 'archive', link.key);
        if (file !== undefined && link.change !== null && existsSync(file) && fileDigest(file) !== link.change)
          return broken(named(link), 'the archive file changed');
      }
      prev = mac;
      seq = link.seq;
      if (seq % STEP === 0) yield;
    }
  }
}

/** Each operation: one link per change of state, in order, the last one committing to the row as it is. */
function* checkOperations(db: DatabaseSync): Generator<void, ChainCheck | undefined> {
  const page = db.prepare('SELECT * FROM operations WHERE seq > ? ORDER BY seq LIMIT 1000');
  const linksOf = db.prepare("SELECT * FROM chain WHERE tbl = 'operations' AND rec = ? ORDER BY seq");
  const changesOf = db.prepare('SELECT * FROM changes WHERE key = ? ORDER BY seq');
  for (let after = 0; ;) {
    const rows = page.all(after) as unknown as OperationRow[];
    if (rows.length === 0) return undefined;
    for (const row of rows) {
      const record: BrokenRecord = { table: 'operations', seq: row.seq, key: row.key };
      const links = linksOf.all(row.seq) as unknown as Link[];
      const changes = changesOf.all(row.key) as unknown as ChangeRow[];
      const last = links.at(-1);
      if (last === undefined) return broken(record, 'the record is not in the chain');
      if (last.key !== row.key || last.row !== operationDigest(row)) return broken(record, 'the record changed');
      if (changes.length !== links.length) return broken(record, 'a change of its state was added or removed');
      for (const [i, change] of changes.entries()) {
        const link = links[i];
        if (link?.change_seq !== change.seq || link.change !== changeDigest(change))
          return broken(record, 'a change of its state changed');
      }
      after = row.seq;
    }
    yield;
  }
}

function* checkAudit(db: DatabaseSync): Generator<void, ChainCheck | undefined> {
  const page = db.prepare('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT 1000');
  const linkOf = db.prepare("SELECT * FROM chain WHERE tbl = 'audit' AND rec = ? ORDER BY seq DESC LIMIT 1");
  for (let after = 0; ;) {
    const rows = page.all(after) as unknown as AuditRow[];
    if (rows.length === 0) return undefined;
    for (const row of rows) {
      const record: BrokenRecord = { table: 'audit', seq: row.seq, key: row.key };
      const link = linkOf.get(row.seq) as unknown as Link | undefined;
      if (link === undefined) return broken(record, 'the record is not in the chain');
      if (link.key !== row.key || link.row !== auditDigest(row)) return broken(record, 'the record changed');
      after = row.seq;
    }
    yield;
  }
}

/** The whole check as steps: the app runs them between other work, the CLI at once. */
export function* verifySteps(db: DatabaseSync, key: Buffer | undefined, dataDir?: string): Generator<void, ChainCheck> {
  const walked = yield* walkLinks(db, key, dataDir);
  if ('state' in walked) return walked;
  const operations = yield* checkOperations(db);
  if (operations !== undefined) return operations;
  const audit = yield* checkAudit(db);
  if (audit !== undefined) return audit;
  const { records, runs } = walked;
  return runs.length === 0 ? { state: 'whole', records } : { state: 'unkeyed', records, runs };
}

export function verifyNow(db: DatabaseSync, key: Buffer | undefined, dataDir?: string): ChainCheck {
  const steps = verifySteps(db, key, dataDir);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
