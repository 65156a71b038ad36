// Every call ends as exactly one of these (docs/card-api.md, safe retry).
import type { RequestStatus } from './catalog/fields.ts';

export type Outcome<T = Record<string, unknown>> =
  /** The server did it; `result` holds its answer (async writes: Request status fields). */
  | { kind: 'done'; key: string; result: T }
  /** The server refused it with a business error; nothing to retry automatically. */
  | { kind: 'failed'; key: string; code: string; description: string }
  /** Accepted and still processing past the polling ceiling; polled again later. */
  | { kind: 'pending'; key: string }
  /** It may or may not have happened; reconciliation through Request status continues. */
  | { kind: 'unknown'; key: string; reason: string }
  /** The server was not reached or refused the transport (a read, or a write it provably never got). */
  | { kind: 'transport'; key: string; reason: string };

/** What Request status says about one key. */
export type StatusAnswer =
  | { kind: 'found'; requestStatus: RequestStatus; fields: Record<string, unknown> }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; reason: string };
