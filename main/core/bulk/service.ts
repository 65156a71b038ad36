// Bulk issuance as the app, the preview and the CLI use it: validate a file (nothing is sent), start a job
// from a valid file, follow, pause, resume, cancel, and get the result file. Jobs run in the background of the
// process that started or resumed them; progress goes to `onProgress` (the `bulk.progress` event).
import { randomUUID } from 'node:crypto';
import type { BulkJobView, BulkValidationReport } from '../../../common/contract/index.ts';
import { DeskError } from '../errors.ts';
import type { BulkFormat } from '../../../common/bulk/formats.ts';
import { JobStore, type JobMeta } from './job-store.ts';
import { resultCsv } from './result-file.ts';
import { purgeExpiredRows } from './retention.ts';
import { BulkRunner, type RunnerDeps } from './runner.ts';
import type { JobRunner } from './runner-types.ts';
import { validateBulkFile, type ValidRow } from './validate.ts';

export const DEFAULT_CONCURRENCY = 4;
const DRAFT_TTL_MS = 60 * 60_000;

interface Draft {
  fileName: string;
  format: BulkFormat;
  header: string[];
  rows: ValidRow[];
  at: number;
}

export class BulkService {
  readonly store: JobStore;
  readonly runner: JobRunner;
  private readonly drafts = new Map<string, Draft>();
  private readonly now: () => number;
  private readonly report: (error: unknown) => void;

  /** `runner`: where jobs run (process/host-runner.ts gives each its own process); in this process by default. */
  constructor(
    dataDir: string,
    deps: Omit<RunnerDeps, 'store'> & { report?: (error: unknown) => void; runner?: (store: JobStore) => JobRunner },
  ) {
    this.store = new JobStore(dataDir);
    this.runner = deps.runner?.(this.store) ?? new BulkRunner({ ...deps, store: this.store });
    this.now = deps.now ?? Date.now;
    this.report = deps.report ?? (() => undefined);
  }

  validate(fileName: string, bytes: Uint8Array): BulkValidationReport {
    const validation = validateBulkFile(bytes);
    const report: BulkValidationReport = {
      fileName,
      format: validation.format,
      rows: validation.rows.length,
      problems: validation.problems,
    };
    if (validation.problems.length > 0 || validation.format === null) return report;
    for (const [id, draft] of this.drafts) if (draft.at < this.now() - DRAFT_TTL_MS) this.drafts.delete(id);
    const draftId = randomUUID();
    this.drafts.set(draftId, {
      fileName,
      format: validation.format,
      header: validation.header,
      rows: validation.rows,
      at: this.now(),
    });
    const cards = validation.rows.reduce((n, r) => n + (r.input.format === 'cards' ? r.input.quantity : 1), 0);
    return { ...report, cards, draftId };
  }

  /** Creates the job from a validated file and returns it; `run` makes it go. */
  create(draftId: string, profileId: string, concurrency = DEFAULT_CONCURRENCY): JobMeta {
    const draft = this.drafts.get(draftId);
    if (draft === undefined) {
      throw new DeskError('bulk_draft_expired', 'the validated file is no longer held: load it again');
    }
    this.drafts.delete(draftId);
    return this.store.create(
      {
        profileId,
        format: draft.format,
        fileName: draft.fileName,
        header: draft.header,
        total: draft.rows.length,
        concurrency,
      },
      draft.rows,
      this.now(),
    );
  }

  /** Runs (or resumes) in the background; failures are reported, the job stays resumable. */
  runInBackground(jobId: string): void {
    this.runner.run(jobId).catch(this.report);
  }

  list(): BulkJobView[] {
    return this.store.list().map((meta) => this.view(meta));
  }

  get(jobId: string): BulkJobView {
    return this.view(this.store.meta(jobId));
  }

  pause(jobId: string): BulkJobView {
    this.runner.pause(jobId);
    return this.get(jobId);
  }

  cancel(jobId: string): BulkJobView {
    if (this.runner.isRunning(jobId)) this.runner.cancel(jobId);
    else if (this.store.runner(jobId) !== undefined) this.store.requestCancel(jobId);
    else {
      const meta = this.store.meta(jobId);
      if (meta.state !== 'completed') this.store.save({ ...meta, state: 'cancelled', updatedAt: this.now() });
    }
    return this.get(jobId);
  }

  resultFile(jobId: string): { fileName: string; content: string } {
    const meta = this.store.meta(jobId);
    const base = meta.fileName.replace(/\.csv$/i, '');
    return {
      fileName: `${base}-result-${meta.id}.csv`,
      content: resultCsv(meta, this.store.resultRows(jobId), this.store.results(jobId)),
    };
  }

  /** Stops running jobs at their next row (they resume at the next start); for closing the process. */
  stop(): Promise<void> {
    return this.runner.stopAll();
  }

  /**
   * Jobs a crash or a restart left running, resumed by the process that owns the data folder at start; only
   * those of the profiles `ofProfile` accepts (the browser preview resumes sandbox jobs only).
   */
  resumeInterrupted(ofProfile: (profileId: string) => boolean = () => true): string[] {
    const resumed: string[] = [];
    for (const meta of this.store.list()) {
      if (meta.state === 'running' && ofProfile(meta.profileId) && this.store.runner(meta.id) === undefined) {
        this.runInBackground(meta.id);
        resumed.push(meta.id);
      }
    }
    return resumed;
  }

  /** Deletes the input rows of the jobs that finished `retentionDays` ago or earlier (retention.ts). */
  purgeExpiredRows(retentionDays: number, ofProfile?: (profileId: string) => boolean): string[] {
    return purgeExpiredRows(this.store, {
      now: this.now(),
      retentionDays,
      report: this.report,
      ...(ofProfile === undefined ? {} : { ofProfile }),
    });
  }

  private view(meta: JobMeta): BulkJobView {
    const results = this.store.results(meta.id);
    const progress = this.runner.progressOf(meta, results, null);
    return {
      ...progress,
      profileId: meta.profileId,
      format: meta.format,
      fileName: meta.fileName,
      concurrency: meta.concurrency,
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt,
      running: this.runner.isRunning(meta.id) || this.store.runner(meta.id) !== undefined,
    };
  }
}
