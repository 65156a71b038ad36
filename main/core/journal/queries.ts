// Paged reads of the journal, newest first, with a cursor that is the (time, sequence) of the last row shown:
// a page costs the same at the start of a million operations as at the end (docs/architecture.md, "The journal").
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { ENTRY_STATES, OPEN_STATES, type EntryState } from '../../../common/journal/states.ts';
import { DeskError } from '../errors.ts';
import { auditOf, entryOf, type AuditRow, type OperationRow } from './rows.ts';
import { OPEN_STATES_SQL } from './schema.ts';
import { CARD_OF_SQL, CLIENT_OF_SQL } from './subjects.ts';
import type { AuditRecord, JournalEntry } from './records.ts';

export interface EntryQuery {
  states?: readonly EntryState[];
  op?: string;
  profileId?: string;
  from?: number;
  to?: number;
  /** A substring of the request id, the operation, the redacted parameters or the result, in any case. */
  text?: string;
  /** Operations whose work-item tag starts with this (a bulk job's rows: `bulk:<job>:`). */
  tagPrefix?: string;
  /** Operations on this card or this client (subjects.ts), read through their indexes. */
  cardId?: string;
  clientId?: string;
  /** Operations this operator asked for or approved (through the operator and approver indexes). */
  operatorId?: string;
}

export interface AuditQuery {
  from?: number;
  to?: number;
  action?: string;
  profileId?: string;
  /** Audit records of actions this operator made or approved. */
  operatorId?: string;
}

export interface PageRequest {
  cursor?: string | null;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Pass back for the next (older) page; null when this was the last one. */
  nextCursor: string | null;
}

export const MAX_PAGE = 1000;

interface Where {
  clauses: string[];
  values: SQLInputValue[];
}

function add(w: Where, clause: string, ...values: SQLInputValue[]): void {
  w.clauses.push(clause);
  w.values.push(...values);
}

function statesClause(states: readonly EntryState[]): string {
  const known = [...new Set(states)].filter((s) => ENTRY_STATES.includes(s));
  if (known.length === 0) return '0';
  // The same text as the partial index's condition, so SQLite can use it for "what is still open".
  if (known.length === OPEN_STATES.length && OPEN_STATES.every((s) => known.includes(s)))
    return `state IN (${OPEN_STATES_SQL})`;
  return `state IN (${known.map((s) => `'${s}'`).join(', ')})`;
}

function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Records an operator made or approved (dual control). */
const OPERATOR_OR_APPROVER = '(operator_id = ? OR approver_id = ?)';

function entryWhere(q: EntryQuery): Where {
  const w: Where = { clauses: [], values: [] };
  if (q.states !== undefined) w.clauses.push(statesClause(q.states));
  if (q.op !== undefined) add(w, 'op = ?', q.op);
  if (q.profileId !== undefined) add(w, 'profile_id = ?', q.profileId);
  if (q.from !== undefined) add(w, 'at >= ?', q.from);
  if (q.to !== undefined) add(w, 'at <= ?', q.to);
  if (q.cardId !== undefined) add(w, `${CARD_OF_SQL} = ?`, q.cardId);
  if (q.clientId !== undefined) add(w, `${CLIENT_OF_SQL} = ?`, q.clientId);
  if (q.operatorId !== undefined) add(w, OPERATOR_OR_APPROVER, q.operatorId, q.operatorId);
  if (q.tagPrefix !== undefined) {
    add(w, 'tag >= ? AND tag < ?', q.tagPrefix, `${q.tagPrefix}\uffff`);
  }
  const text = q.text?.trim();
  if (text !== undefined && text !== '') {
    const like = likeText(text);
    add(
      w,
      "(key LIKE ? ESCAPE '\\' OR op LIKE ? ESCAPE '\\' OR params LIKE ? ESCAPE '\\' OR result LIKE ? ESCAPE '\\')",
      like,
      like,
      like,
      like,
    );
  }
  return w;
}

function auditWhere(q: AuditQuery): Where {
  const w: Where = { clauses: [], values: [] };
  if (q.action !== undefined) add(w, 'action = ?', q.action);
  if (q.profileId !== undefined) add(w, 'profile_id = ?', q.profileId);
  if (q.operatorId !== undefined) add(w, OPERATOR_OR_APPROVER, q.operatorId, q.operatorId);
  if (q.from !== undefined) add(w, 'at >= ?', q.from);
  if (q.to !== undefined) add(w, 'at <= ?', q.to);
  return w;
}

function parseCursor(cursor: string): [number, number] {
  const match = /^(-?\d+(?:\.\d+)?):(\d+)$/.exec(cursor);
  if (match === null) throw new DeskError('invalid_arguments', 'the page cursor is not one this journal gave');
  return [Number(match[1]), Number(match[2])];
}

function pageOf<T>(db: DatabaseSync, table: string, where: Where, page: PageRequest, map: (row: never) => T): Page<T> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE)
    throw new DeskError('invalid_arguments', `a page holds 1 to ${String(MAX_PAGE)} rows`);
  const clauses = [...where.clauses];
  const values = [...where.values];
  if (page.cursor !== undefined && page.cursor !== null) {
    clauses.push('(at, seq) < (?, ?)');
    values.push(...parseCursor(page.cursor));
  }
  const sql = `SELECT * FROM ${table}${clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : ''}
    ORDER BY at DESC, seq DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...values, page.limit + 1) as unknown as { at: number; seq: number }[];
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map((row) => map(row as never)),
    nextCursor: more && last !== undefined ? `${String(last.at)}:${String(last.seq)}` : null,
  };
}

function countOf(db: DatabaseSync, table: string, where: Where): number {
  const sql = `SELECT count(*) AS n FROM ${table}${where.clauses.length > 0 ? ` WHERE ${where.clauses.join(' AND ')}` : ''}`;
  return (db.prepare(sql).get(...where.values) as { n: number }).n;
}

/** Walks every match a page at a time, so no read holds the database (or memory) for the whole history. */
function* walk<T>(next: (cursor: string | null) => Page<T>): Generator<T> {
  let cursor: string | null = null;
  do {
    const page = next(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

export function entryPage(db: DatabaseSync, q: EntryQuery & PageRequest): Page<JournalEntry> {
  return pageOf(db, 'operations', entryWhere(q), q, (row: OperationRow) => entryOf(row));
}
export function entryCount(db: DatabaseSync, q: EntryQuery): number {
  return countOf(db, 'operations', entryWhere(q));
}
export function entryWalk(db: DatabaseSync, q: EntryQuery): Generator<JournalEntry> {
  return walk((cursor) => entryPage(db, { ...q, cursor, limit: MAX_PAGE }));
}
export function auditPage(db: DatabaseSync, q: AuditQuery & PageRequest): Page<AuditRecord> {
  return pageOf(db, 'audit', auditWhere(q), q, (row: AuditRow) => auditOf(row));
}
export function auditWalk(db: DatabaseSync, q: AuditQuery): Generator<AuditRecord> {
  return walk((cursor) => auditPage(db, { ...q, cursor, limit: MAX_PAGE }));
}
