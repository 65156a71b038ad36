// Rows of the journal's tables to and from the records the rest of the app uses. JSON columns hold the redacted
// parameters, the result, the error and the connection exactly as the records carry them.
import type { SQLInputValue } from 'node:sqlite';
import { currentActor } from '../operators/actor.ts';
import type { AuditRecord, EntryState, IntentRecord, JournalEntry, OutcomeRecord } from './records.ts';

export interface OperationRow {
  seq: number;
  key: string;
  op: string;
  at: number;
  profile_id: string | null;
  connection: string;
  body_sha256: string;
  params: string;
  deadline_ms: number;
  tag: string | null;
  state: string;
  updated_at: number;
  result: string | null;
  error: string | null;
  reason: string | null;
  operator_id: string | null;
  approver_id: string | null;
}

export interface AuditRow {
  seq: number;
  key: string;
  at: number;
  action: string;
  profile_id: string | null;
  details: string;
  operator_id: string | null;
  approver_id: string | null;
}

/** Who acts: the call's operator and approver (operators/actor.ts); null outside a call. */
function actorValues(): [string | null, string | null] {
  const actor = currentActor();
  return [actor?.operatorId ?? null, actor?.approverId ?? null];
}

function actorOf(row: { operator_id: string | null; approver_id: string | null }): {
  operatorId?: string;
  approverId?: string;
} {
  return {
    ...(row.operator_id === null ? {} : { operatorId: row.operator_id }),
    ...(row.approver_id === null ? {} : { approverId: row.approver_id }),
  };
}

export function entryOf(row: OperationRow): JournalEntry {
  return {
    key: row.key,
    op: row.op,
    at: row.at,
    connection: JSON.parse(row.connection) as JournalEntry['connection'],
    params: JSON.parse(row.params) as JournalEntry['params'],
    deadlineMs: row.deadline_ms,
    ...(row.tag === null ? {} : { tag: row.tag }),
    state: row.state as EntryState,
    updatedAt: row.updated_at,
    ...(row.result === null ? {} : { result: JSON.parse(row.result) as JournalEntry['result'] }),
    ...(row.error === null ? {} : { error: JSON.parse(row.error) as JournalEntry['error'] }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...actorOf(row),
  };
}

export function auditOf(row: AuditRow): AuditRecord {
  return {
    type: 'audit',
    key: row.key,
    at: row.at,
    action: row.action,
    ...(row.profile_id === null ? {} : { profileId: row.profile_id }),
    details: JSON.parse(row.details) as AuditRecord['details'],
    ...actorOf(row),
  };
}

export const INSERT_INTENT = `INSERT INTO operations
  (key, op, at, profile_id, connection, body_sha256, params, deadline_ms, tag, state, updated_at, operator_id, approver_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?, ?)`;

export function intentValues(r: Omit<IntentRecord, 'type'>): SQLInputValue[] {
  return [
    r.key,
    r.op,
    r.at,
    r.connection.profileId ?? null,
    JSON.stringify(r.connection),
    r.bodySha256,
    JSON.stringify(r.params),
    r.deadlineMs,
    r.tag ?? null,
    r.at,
    ...actorValues(),
  ];
}

/** The folded row keeps a result or an error once recorded, as the record stream did. */
export const UPDATE_OUTCOME = `UPDATE operations SET state = ?, updated_at = ?,
  result = coalesce(?, result), error = coalesce(?, error), reason = coalesce(?, reason) WHERE key = ?`;

export function outcomeValues(r: Omit<OutcomeRecord, 'type'>): SQLInputValue[] {
  const result = r.result === undefined ? null : JSON.stringify(r.result);
  const error = r.error === undefined ? null : JSON.stringify(r.error);
  return [r.state, r.at, result, error, r.reason ?? null, r.key];
}

export const INSERT_AUDIT = `INSERT INTO audit (key, at, action, profile_id, details, operator_id, approver_id)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

export function auditValues(r: Omit<AuditRecord, 'type'>): SQLInputValue[] {
  return [r.key, r.at, r.action, r.profileId ?? null, JSON.stringify(r.details), ...actorValues()];
}
