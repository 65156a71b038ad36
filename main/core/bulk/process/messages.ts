// What the host and a bulk job process say to each other (docs/bulk.md, the job process). The merchant secret
// travels once, in `start`, over the process's own IPC channel: never in argv, the environment or a log.
import type { OpId } from '../../../../common/card-api/catalog/index.ts';
import type { BulkProgress } from '../../../../common/bulk/progress.ts';
import type { Connection, ClientTiming } from '../../card-api/client.ts';
import type { JournalChange } from '../../journal/index.ts';
import type { JobMeta } from '../job-store.ts';

/** Everything a job process needs beyond its data folder: where to send, what signs, what is allowed. */
export interface JobStart {
  type: 'start';
  dataDir: string;
  jobId: string;
  connection: Connection;
  /** The merchant secret's bytes; the host zero-fills its copy once sent, the child once wrapped. */
  secret: Uint8Array;
  /** The operations this workstation allows the job's profile (checked again by the runner before each write). */
  allowedOps: OpId[];
  timing: ClientTiming;
  settleTimeoutMs?: number;
  /** Write call outcomes to the data folder's application log, as the host does. */
  log: boolean;
  /** The journal chain's key (core/journal/chain-key.ts), sent as the secret is; absent without a keychain. */
  chainKey?: Uint8Array;
}

export type HostMessage = JobStart | { type: 'pause' } | { type: 'cancel' } | { type: 'stop' };

export interface JobUsage {
  /** Peak resident memory of the job process. */
  maxRssMb: number;
  /** CPU time (user + system) of the job process. */
  cpuMs: number;
  /** The system (kernel) part of cpuMs: mostly the sockets and the journal's file. */
  systemMs?: number;
}

export type ChildMessage =
  | { type: 'progress'; progress: BulkProgress }
  /** Journal changes this process wrote, batched: the host turns them into `requests.changed`. */
  | { type: 'changes'; changes: JournalChange[] }
  | { type: 'done'; meta: JobMeta; usage: JobUsage }
  | { type: 'failed'; code: string; message: string; usage: JobUsage };

export function isChildMessage(value: unknown): value is ChildMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'progress' || type === 'changes' || type === 'done' || type === 'failed';
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'start' || type === 'pause' || type === 'cancel' || type === 'stop';
}
