// What runs bulk jobs, whichever process it runs them in: BulkRunner in this process (runner.ts), or
// ProcessRunner, which gives each job a process of its own (process/host-runner.ts; docs/bulk.md, the job process).
import type { BulkProgress } from '../../../common/bulk/progress.ts';
import { etaSeconds } from '../../../common/bulk/progress.ts';
import type { JobMeta, RowResult } from './job-store.ts';

export interface JobRunner {
  /** Whether this process runs the job now (itself or through its job process). */
  isRunning(jobId: string): boolean;
  /** Runs (or resumes) a job until it completes, is paused or cancelled, or halts; resolves with its meta. */
  run(jobId: string): Promise<JobMeta>;
  /** Rows in flight finish; no new row starts. */
  pause(jobId: string): void;
  cancel(jobId: string): void;
  /** Lets every running job finish its rows in flight and stop, still marked running; resolves when they have. */
  stopAll(): Promise<void>;
  progressOf(meta: JobMeta, results: Map<number, RowResult>, rate: number | null, reason?: string): BulkProgress;
}

/** A job's progress from its meta and finished rows. */
export function progressOf(
  meta: JobMeta,
  results: Map<number, RowResult>,
  rate: number | null,
  reason?: string,
): BulkProgress {
  let failed = 0;
  for (const r of results.values()) if (r.status === 'failed') failed++;
  const remaining = meta.total - results.size;
  return {
    jobId: meta.id,
    state: meta.state,
    total: meta.total,
    done: results.size - failed,
    failed,
    remaining,
    ratePerMinute: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: meta.state === 'running' ? etaSeconds(remaining, rate) : null,
    ...(reason === undefined ? {} : { reason }),
  };
}
