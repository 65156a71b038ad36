// `card-desk bulk issue|status|resume|cancel|list|template`: bulk issuance from CSV. The file is
// validated as a whole first (every problem listed with its row and column, nothing sent); the job then runs
// in the foreground with a progress bar. Ctrl+C pauses it (rows in flight finish); `bulk resume` goes on, and
// a killed run resumes exactly once from the journal.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  BULK_FORMATS,
  bulkServiceFor,
  describeProblem,
  forkJobProcess,
  templateCsv,
  type BulkFormat,
  type BulkService,
} from '../../core/bulk/index.ts';
import type { BulkJobView } from '../../../common/contract/index.ts';
import type { Desk } from '../../core/desk.ts';
import { withDesk } from '../desk-context.ts';
import { progressPrinter } from '../progress-line.ts';
import { EXIT, parseOptions, positiveInt, requireOption, UsageError, writeJson } from '../usage.ts';

const COMMON = {
  'data-dir': { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function bulkCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'issue':
      return issue(rest);
    case 'resume':
      return resume(rest);
    case 'status':
      return status(rest);
    case 'cancel':
      return cancel(rest);
    case 'list':
      return list(rest);
    case 'template':
      return template(rest);
    default:
      throw new UsageError(
        `bulk: expected issue, status, resume, cancel, list or template, got ${JSON.stringify(action ?? '')}`,
      );
  }
}

function timing(values: { 'timeout-ms'?: string }) {
  return values['timeout-ms'] === undefined ? {} : { deadlineMs: positiveInt(values['timeout-ms'], 'timeout-ms', 0) };
}

function oneJob(positionals: string[]): string {
  const [jobId, ...extra] = positionals;
  if (jobId === undefined || extra.length > 0) throw new UsageError('expected one bulk job id');
  return jobId;
}

function summary(job: BulkJobView): string {
  return `job ${job.jobId}: ${job.state}; ${String(job.done)} done, ${String(job.failed)} failed, ${String(job.remaining)} remaining of ${String(job.total)}${job.reason === undefined ? '' : ` (${job.reason})`}`;
}

/** Runs the job here until it ends or Ctrl+C pauses it; writes the result file; the exit code says how it ended. */
async function runHere(bulk: BulkService, jobId: string, out: string | undefined, json: boolean): Promise<number> {
  const printer = progressPrinter();
  const pause = (): void => {
    process.stderr.write('\ncard-desk: pausing after the rows in flight…\n');
    bulk.pause(jobId);
  };
  process.once('SIGINT', pause);
  process.once('SIGTERM', pause);
  let final: BulkJobView;
  try {
    await bulk.runner.run(jobId);
    final = bulk.get(jobId);
  } finally {
    process.off('SIGINT', pause);
    process.off('SIGTERM', pause);
    printer.end();
  }
  const result = bulk.resultFile(jobId);
  const file = out ?? result.fileName;
  writeFileSync(file, result.content, { mode: 0o600 });
  if (json) writeJson({ job: final, resultFile: file });
  else process.stdout.write(`${summary(final)}\nresult file: ${file}\n`);
  if (final.state !== 'completed') return final.state === 'cancelled' ? EXIT.done : EXIT.notFinal;
  return final.failed > 0 ? EXIT.businessError : EXIT.done;
}

function serviceFor(desk: Desk, settleTimeoutMs?: number): BulkService {
  const printer = progressPrinter();
  return bulkServiceFor(desk, {
    onProgress: (p) => {
      printer.update(p);
    },
    // The job runs in a child process (docs/bulk.md, the job process); this one draws its progress.
    jobProcess: forkJobProcess(),
    ...(settleTimeoutMs === undefined ? {} : { settleTimeoutMs }),
  });
}

async function issue(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { ...COMMON, profile: { type: 'string' }, concurrency: { type: 'string' }, out: { type: 'string' } },
    true,
  );
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('bulk issue: expected one CSV file');
  const profileId = requireOption(values.profile, 'profile');
  const concurrency = positiveInt(values.concurrency, 'concurrency', 4);
  if (concurrency > 32) throw new UsageError('--concurrency is at most 32');
  const bytes = readFileSync(file);
  return withDesk(
    values['data-dir'],
    async (desk) => {
      const bulk = serviceFor(desk);
      const report = bulk.validate(basename(file), bytes);
      if (report.draftId === undefined) {
        for (const p of report.problems) process.stderr.write(`${file}: ${describeProblem(p)}\n`);
        process.stderr.write(`card-desk: ${String(report.problems.length)} problem(s); nothing was sent\n`);
        return EXIT.usage;
      }
      desk.assertAllowed(profileId, 'card.issueBulk');
      const job = bulk.create(report.draftId, profileId, concurrency);
      desk.audit('bulk.start', { profileId, jobId: job.id, rows: job.total, format: job.format });
      process.stderr.write(
        `card-desk: job ${job.id}: ${String(job.total)} ${job.format} row(s), concurrency ${String(concurrency)}\n`,
      );
      const out = values.out ?? join(dirname(file), bulk.resultFile(job.id).fileName);
      return runHere(bulk, job.id, out, values.json === true);
    },
    timing(values),
  );
}

async function resume(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...COMMON, out: { type: 'string' } }, true);
  const jobId = oneJob(positionals);
  return withDesk(
    values['data-dir'],
    (desk) => runHere(serviceFor(desk), jobId, values.out, values.json === true),
    timing(values),
  );
}

async function status(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, COMMON, true);
  const jobId = oneJob(positionals);
  return withDesk(values['data-dir'], (desk) => {
    const job = serviceFor(desk).get(jobId);
    if (values.json === true) writeJson(job);
    else process.stdout.write(`${summary(job)}${job.running ? ' — running now' : ''}\n`);
    return Promise.resolve(EXIT.done);
  });
}

async function cancel(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, COMMON, true);
  const jobId = oneJob(positionals);
  return withDesk(values['data-dir'], (desk) => {
    const bulk = serviceFor(desk);
    const job = bulk.cancel(jobId);
    desk.audit('bulk.cancel', { profileId: job.profileId, jobId });
    process.stdout.write(
      job.running ? `job ${jobId}: its process was asked to stop after the rows in flight\n` : `${summary(job)}\n`,
    );
    return Promise.resolve(EXIT.done);
  });
}

async function list(args: string[]): Promise<number> {
  const { values } = parseOptions(args, COMMON);
  return withDesk(values['data-dir'], (desk) => {
    const jobs = serviceFor(desk).list();
    if (values.json === true) writeJson(jobs);
    else for (const job of jobs) process.stdout.write(`${summary(job)}  ${job.fileName}\n`);
    return Promise.resolve(EXIT.done);
  });
}

function template(args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {}, true);
  const [format] = positionals;
  if (!BULK_FORMATS.includes(format as BulkFormat)) throw new UsageError('bulk template: expected clients or cards');
  process.stdout.write(templateCsv(format as BulkFormat));
  return Promise.resolve(EXIT.done);
}
