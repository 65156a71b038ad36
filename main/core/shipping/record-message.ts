// One outbox row as one syslog message (docs/architecture.md, "Shipping to the log server"). The row's payload
// holds ids and codes (outbox-schema.ts); an audit record's details pass one more filter here: free text, names
// and documents stay home, and a card number anywhere is masked (journal/redact.ts).
import { maskPansIn } from '../journal/redact.ts';
import { SEVERITY, type Facility, type Severity, type SyslogMessage } from './syslog-format.ts';

export interface OutboxRow {
  seq: number;
  at: number;
  kind: string;
  ref: string;
  payload: string;
}

export interface MessageContext {
  installId: string;
  hostname: string;
  procId: string;
  facility: Facility;
}

/** The structured data's id: Card Desk's element under the documentation enterprise number (RFC 5612). */
export const SD_ID = 'card-desk@32473';

/**
 * Audit details ship as an allowlist, like the journal's parameters: text only under keys known to hold ids and
 * choices (never what an operator typed), numbers and flags unless the key names something sensitive.
 */
const SHIPPED_TEXT = new Set([
  'reason',
  'jobId',
  'format',
  'language',
  'kiosk',
  'operatorId',
  'approverId',
  'roles',
  'allowedOperations',
  'method',
  'source',
  'state',
  /** Why a sign-in or an approval was refused: an error code. */
  'code',
]);
const WITHHELD = /note|text|description|name|document|phone|address|email|secret|pin|cvv|pan|card|comment/i;
const FAILED_STATES = new Set(['failed', 'unknown', 'not_received']);

type Scalar = string | number | boolean | null;

/** The stable id the receiver drops duplicates by: the data folder's install id and the outbox seq. */
export function recordId(installId: string, seq: number): string {
  return `${installId}-${String(seq)}`;
}

function scalar(value: unknown): Scalar {
  if (typeof value === 'string') return maskPansIn(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return maskPansIn(value.join(','));
  return null;
}

function details(value: unknown): [string, Scalar][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([key, v]) => !WITHHELD.test(key) && (SHIPPED_TEXT.has(key) || typeof v !== 'string'))
    .map(([key, v]): [string, Scalar] => [`d.${key}`, scalar(v)]);
}

export function recordMessage(row: OutboxRow, context: MessageContext): SyslogMessage {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const text = (key: string): Scalar => scalar(payload[key] ?? null);
  const common: [string, Scalar][] = [
    ['id', recordId(context.installId, row.seq)],
    ['seq', row.seq],
    ['ref', row.ref],
  ];
  let params: [string, Scalar][];
  let severity: Severity;
  if (row.kind === 'audit') {
    severity = SEVERITY.notice;
    params = [
      ...common,
      ['action', text('action')],
      ['profile', text('profile')],
      ['operator', text('operator')],
      ['approver', text('approver')],
      ...details(payload.details),
    ];
  } else {
    severity = FAILED_STATES.has(String(payload.state)) ? SEVERITY.warning : SEVERITY.info;
    params = [
      ...common,
      ['op', text('op')],
      ['state', text('state')],
      ['requestId', text('requestId')],
      ['profile', text('profile')],
      ['operator', text('operator')],
      ['approver', text('approver')],
      ['error', text('error')],
    ];
  }
  return {
    facility: context.facility,
    severity,
    at: row.at,
    hostname: context.hostname,
    appName: 'card-desk',
    procId: context.procId,
    msgId: row.kind,
    sdId: SD_ID,
    params,
  };
}
