// The host's side of the job process (docs/bulk.md, the job process): each running job gets a process of its own
// (channel.ts), started with what it needs (messages.ts, `start`), and followed through its progress messages.
// The host keeps the runner's API, so the bulk service does not know where its jobs run. A job process that
// ends without saying how its job ended (a crash, a kill) leaves the job paused, resumable, with the reason told.
import { setTimeout as delay } from 'node:timers/promises';
import { DeskError } from '../../errors.ts';
import type { BulkProgress } from '../../../../common/bulk/progress.ts';
import type { JournalChange } from '../../journal/index.ts';
import type { JobMeta, JobStore, RowResult } from '../job-store.ts';
import { progressOf, type JobRunner } from '../runner-types.ts';
import type { JobProcess, JobProcessLauncher } from './channel.ts';
import { isChildMessage, type HostMessage, type JobStart, type JobUsage } from './messages.ts';

export interface ProcessRunnerDeps {
  dataDir: string;
  store: JobStore;
  launch: JobProcessLauncher;
  /** What the job process needs for a profile, read now (the secret from the vault, the allowed operations). */
  prepare: (profileId: string) => Promise<Omit<JobStart, 'type' | 'jobId' | 'dataDir'>>;
  onProgress?: (progress: BulkProgress) => void;
  /** Journal changes the job process wrote (it has its own journal; the host's does not see them happen). */
  onChanges?: (changes: JournalChange[]) => void;
  /** A job process that ended unexpectedly, for the log. */
  report?: (error: unknown) => void;
  now?: () => number;
}

interface Running {
  /** The job process, once started, and whether it has its start message (what is told before waits here). */
  child?: JobProcess;
  started: boolean;
  pending: HostMessage[];
  stopping: boolean;
  done: Promise<JobMeta>;
}

/** How long a job held by another live process may take to be given up (a job process whose host just died). */
const BUSY_WAIT_MS = 3_000;
const BUSY_POLL_MS = 50;

export class ProcessRunner implements JobRunner {
  private readonly deps: ProcessRunnerDeps;
  private readonly now: () => number;
  private readonly jobs = new Map<string, Running>();
  /** The last job processes' figures, by job (benchmarks). */
  readonly usage = new Map<string, JobUsage>();

  constructor(deps: ProcessRunnerDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
  }

  progressOf(meta: JobMeta, results: Map<number, RowResult>, rate: number | null, reason?: string): BulkProgress {
    return progressOf(meta, results, rate, reason);
  }

  isRunning(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  run(jobId: string): Promise<JobMeta> {
    const running = this.jobs.get(jobId);
    if (running) return running.done;
    const started = this.start(jobId);
    this.jobs.set(jobId, started);
    void started.done.finally(() => this.jobs.delete(jobId)).catch(() => undefined);
    return started.done;
  }

  pause(jobId: string): void {
    this.tell(jobId, { type: 'pause' });
  }

  cancel(jobId: string): void {
    this.tell(jobId, { type: 'cancel' });
  }

  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()];
    for (const job of running) job.stopping = true;
    for (const [jobId] of this.jobs) this.tell(jobId, { type: 'stop' });
    await Promise.allSettled(running.map((job) => job.done));
  }

  private tell(jobId: string, message: HostMessage): void {
    const job = this.jobs.get(jobId);
    if (job?.child !== undefined && job.started) job.child.send(message);
    else job?.pending.push(message);
  }

  private start(jobId: string): Running {
    const meta = this.deps.store.meta(jobId); // an unknown job is refused here, typed (bulk_job_not_found)
    const job: Running = { started: false, pending: [], stopping: false, done: Promise.resolve(meta) };
    if (meta.state === 'completed' || meta.state === 'cancelled') return job;
    job.done = this.whenFree(jobId).then(() => (job.stopping ? this.deps.store.meta(jobId) : this.launch(meta, job)));
    return job;
  }

  /**
   * Refuses a job another live process runs (two runners would race), after a short wait: a job process whose
   * host was just killed gives its job up within moments of noticing (child-main.ts).
   */
  private async whenFree(jobId: string): Promise<void> {
    const until = Date.now() + BUSY_WAIT_MS;
    for (;;) {
      const owner = this.deps.store.runner(jobId);
      if (owner === undefined) return;
      if (Date.now() > until) {
        throw new DeskError('bulk_job_busy', `bulk job ${jobId} is being run by process ${String(owner)}`);
      }
      await delay(BUSY_POLL_MS);
    }
  }

  private launch(meta: JobMeta, job: Running): Promise<JobMeta> {
    const jobId = meta.id;
    const child = this.deps.launch();
    job.child = child;
    return new Promise<JobMeta>((resolve, reject) => {
      let settled = false;
      child.onMessage((message) => {
        if (!isChildMessage(message)) return;
        if (message.type === 'progress') this.deps.onProgress?.(message.progress);
        else if (message.type === 'changes') this.deps.onChanges?.(message.changes);
        else {
          settled = true;
          this.usage.set(jobId, message.usage);
          if (message.type === 'done') resolve(message.meta);
          else reject(new DeskError(message.code, message.message));
        }
      });
      child.onExit((code, signal) => {
        if (settled) return;
        settled = true;
        resolve(this.ended(jobId, job.stopping, signal ?? `exit code ${String(code)}`));
      });
      this.deps
        .prepare(meta.profileId)
        .then((prepared) => {
          const start: JobStart = { type: 'start', dataDir: this.deps.dataDir, jobId, ...prepared };
          try {
            child.send(start);
          } finally {
            prepared.secret.fill(0);
            prepared.chainKey?.fill(0);
          }
          job.started = true;
          for (const message of job.pending.splice(0)) child.send(message);
        })
        .catch((error: unknown) => {
          settled = true;
          child.kill();
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** The job process ended without telling how the job ended. */
  private ended(jobId: string, stopping: boolean, how: string): JobMeta {
    const meta = this.deps.store.meta(jobId);
    // Closing the host stops jobs on purpose: they stay running, to resume at the next start.
    if (stopping || meta.state !== 'running') return meta;
    const reason = `the job process ended unexpectedly (${how}); resume the job to go on`;
    const paused: JobMeta = { ...meta, state: 'paused', updatedAt: this.now() };
    this.deps.store.save(paused);
    this.deps.report?.(new DeskError('bulk_process_ended', `bulk job ${jobId}: ${reason}`));
    this.deps.onProgress?.(progressOf(paused, this.deps.store.results(jobId), null, reason));
    return paused;
  }
}
