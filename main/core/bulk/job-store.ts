// Where bulk jobs live: <data>/bulk/<job id>/ with job.json (what and how far; replaced atomically),
// rows.json (the validated rows, needed to resume: private to this user, 0600), results.jsonl (one line per
// finished row), and a lock naming the process that runs it. Once a finished job's retention has passed,
// rows.json gives way to kept-rows.json, the rows' non-personal columns only (retention.ts). Exactly-once does not rest on these files but
// on the operation journal's tagged intents (runner.ts); results.jsonl only saves asking the journal again.
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DeskError } from '../errors.ts';
import { currentActor } from '../operators/actor.ts';
import { BULK_FORMATS } from '../../../common/bulk/formats.ts';
import { JOB_STATES } from '../../../common/bulk/progress.ts';
import type { ValidRow } from './validate.ts';
import { processAlive } from '../process-alive.ts';

const jobMeta = z.strictObject({
  id: z.string(),
  profileId: z.string(),
  format: z.enum(BULK_FORMATS),
  fileName: z.string(),
  header: z.array(z.string()),
  total: z.int(),
  concurrency: z.int().min(1).max(64),
  state: z.enum(JOB_STATES),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When the input rows were deleted (retention.ts); the header then names the kept columns only. */
  rowsPurgedAt: z.number().optional(),
  /** Who started the job (and approved it): its rows' journal records name them, whoever resumes it. */
  operatorId: z.string().optional(),
  approverId: z.string().optional(),
});
export type JobMeta = z.infer<typeof jobMeta>;

const rowResult = z.strictObject({
  row: z.int(),
  status: z.enum(['done', 'failed']),
  clientId: z.string().optional(),
  cards: z.array(z.strictObject({ cardId: z.string(), cardMask: z.string().optional() })).optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
});
export type RowResult = z.infer<typeof rowResult>;

/** A row as the result file needs it: its number and its columns as in the file. */
export type KeptRow = Pick<ValidRow, 'row' | 'values'>;
const KEPT_ROWS = 'kept-rows.json';

export class JobStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'bulk');
  }

  private dir(id: string): string {
    if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new DeskError('bulk_job_not_found', `no bulk job "${id}"`);
    return join(this.root, id);
  }

  create(meta: Omit<JobMeta, 'id' | 'createdAt' | 'updatedAt' | 'state'>, rows: ValidRow[], now: number): JobMeta {
    const id = `${new Date(now).toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    const dir = this.dir(id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'rows.json'), JSON.stringify(rows), { mode: 0o600 });
    const actor = currentActor();
    const by =
      actor === undefined
        ? {}
        : { operatorId: actor.operatorId, ...(actor.approverId === undefined ? {} : { approverId: actor.approverId }) };
    const full: JobMeta = { ...meta, ...by, id, state: 'running', createdAt: now, updatedAt: now };
    this.save(full);
    return full;
  }

  save(meta: JobMeta): void {
    const file = join(this.dir(meta.id), 'job.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(meta), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  meta(id: string): JobMeta {
    const file = join(this.dir(id), 'job.json');
    if (!existsSync(file)) throw new DeskError('bulk_job_not_found', `no bulk job "${id}"`);
    return jobMeta.parse(JSON.parse(readFileSync(file, 'utf8')));
  }

  list(): JobMeta[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((id) => existsSync(join(this.root, id, 'job.json')))
      .map((id) => this.meta(id))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  rows(id: string): ValidRow[] {
    return JSON.parse(readFileSync(join(this.dir(id), 'rows.json'), 'utf8')) as ValidRow[];
  }

  hasRows(id: string): boolean {
    return existsSync(join(this.dir(id), 'rows.json'));
  }

  /** The rows as the result file shows them: in full, or only the kept columns once the rows were purged. */
  resultRows(id: string): KeptRow[] {
    if (this.hasRows(id)) return this.rows(id);
    const kept = join(this.dir(id), KEPT_ROWS);
    return existsSync(kept) ? (JSON.parse(readFileSync(kept, 'utf8')) as KeptRow[]) : [];
  }

  /**
   * Deletes the input rows, keeping of each only the columns `keep` names. Safe to repeat after a crash: the
   * kept rows and the job are written before rows.json goes, and a job that still has rows.json is purged again.
   */
  purgeRows(id: string, keep: (column: string) => boolean, now: number): JobMeta {
    const meta = this.meta(id);
    const kept = this.rows(id).map(({ row, values }): KeptRow => ({
      row,
      values: Object.fromEntries(Object.entries(values).filter(([column]) => keep(column))),
    }));
    const file = join(this.dir(id), KEPT_ROWS);
    writeFileSync(`${file}.tmp`, JSON.stringify(kept), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    const purged: JobMeta = { ...meta, header: meta.header.filter(keep), rowsPurgedAt: now };
    this.save(purged);
    rmSync(join(this.dir(id), 'rows.json'), { force: true });
    return purged;
  }

  /** Finished rows; a torn last line (a crash mid-write) is skipped: that row is settled again from the journal. */
  results(id: string): Map<number, RowResult> {
    const file = join(this.dir(id), 'results.jsonl');
    const out = new Map<number, RowResult>();
    if (!existsSync(file)) return out;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = rowResult.safeParse(JSON.parse(line));
        if (parsed.success) out.set(parsed.data.row, parsed.data);
      } catch {
        // torn line
      }
    }
    return out;
  }

  appendResult(id: string, result: RowResult): void {
    appendFileSync(join(this.dir(id), 'results.jsonl'), `${JSON.stringify(result)}\n`, { mode: 0o600 });
  }

  /**
   * Appends a running job's finished rows through one open file: a row costs a write, not an open and a close.
   * A row finishing after close() (a worker still running when the job failed) is appended the slow way.
   */
  resultWriter(id: string): { append(result: RowResult): void; close(): void } {
    let fd: number | undefined = openSync(join(this.dir(id), 'results.jsonl'), 'a', 0o600);
    return {
      append: (result) => {
        if (fd === undefined) {
          this.appendResult(id, result);
          return;
        }
        const line = Buffer.from(`${JSON.stringify(result)}\n`, 'utf8');
        for (let at = 0; at < line.length;) at += writeSync(fd, line, at);
      },
      close: () => {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
      },
    };
  }

  /** A request to stop, for a job another process runs (`card-desk bulk cancel`). */
  requestCancel(id: string): void {
    writeFileSync(join(this.dir(id), 'cancel'), '', { mode: 0o600 });
  }

  cancelRequested(id: string): boolean {
    return existsSync(join(this.dir(id), 'cancel'));
  }

  clearCancel(id: string): void {
    rmSync(join(this.dir(id), 'cancel'), { force: true });
  }

  /** The process running the job, if it is alive. */
  runner(id: string): number | undefined {
    try {
      const pid = Number(readFileSync(join(this.dir(id), 'lock'), 'utf8'));
      return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Takes the job for this process; refused while another live process runs it (two runners would race). */
  lock(id: string): () => void {
    const file = join(this.dir(id), 'lock');
    for (;;) {
      try {
        writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
        return () => {
          rmSync(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = this.runner(id);
        if (owner !== undefined && owner !== process.pid) {
          throw new DeskError('bulk_job_busy', `bulk job ${id} is being run by process ${String(owner)}`);
        }
        if (owner === process.pid) throw new DeskError('bulk_job_busy', `bulk job ${id} is already running`);
        rmSync(file, { force: true }); // its process is gone: a stale lock
      }
    }
  }
}
