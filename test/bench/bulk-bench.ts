// `npm run bench:bulk`: 10,000 client rows against the sandbox with 20 ms latency at concurrency 16.
// - Wall time against the ideal: the HTTP calls the bank received × latency / concurrency (every call of a
//   row waits its latency; the bank counts them, status polls included).
// - Peak RSS of the process running the job.
// - Kill and resume: a second job is SIGKILLed mid-way and resumed; the bank's commit counters must equal the
//   rows (0 duplicated), and every row must be in the result (0 lost).
// The bank runs in this process, the job in a child process: two cores, one each.
// Targets: ≤ 1.15 × ideal, ≤ 300 MB peak RSS, 0 duplicates, 0 lost. Ends with one line; exit 1 on a miss.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const KILL_ROWS = Number(process.env.BENCH_KILL_ROWS ?? 2_000);
const LATENCY_MS = 20;
const CONCURRENCY = 16;
const SECRET = 'bulk-bench-secret';
const CHILD = join(import.meta.dirname, 'bulk-child.ts');
/**
 * The V8 flags the admin CLI runs with (bin/card-desk.js, `npm run cli`): a young generation capped at 8 MB per
 * semi-space. Without it V8 grows the young generation to 64 MB per semi-space on a machine with much memory,
 * and a long job's peak RSS follows (measured: 377 MB for 10,000 rows, against 32 MB of live heap).
 */
const CLI_V8_FLAGS = ['--max-semi-space-size=8'];

interface ChildResult {
  job: { jobId: string; done: number; failed: number; remaining: number };
  state: string;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

function runChild(args: string[], killWhen?: () => boolean): Promise<ChildResult | 'killed'> {
  const child = spawn(process.execPath, [...CLI_V8_FLAGS, CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_SECRET: SECRET },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const timer =
    killWhen &&
    setInterval(() => {
      if (killWhen()) child.kill('SIGKILL');
    }, 20);
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildResult);
      else reject(new Error(`bulk child exited ${String(code)}`));
    });
  });
}

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

const bank = await startSandbox({ merchants: [{ id: 77, secret: SECRET }], asyncMs: 0, latencyMs: LATENCY_MS });
try {
  // 1. The timed run.
  const dir = tempDir('card-desk-bench-bulk-');
  const file = join(dir, 'clients.csv');
  writeFileSync(file, clientsCsv(ROWS));
  const before = bank.stats().requests;
  const timed = await runChild(['issue', dir, bank.url, '77', file, String(CONCURRENCY)]);
  if (timed === 'killed') throw new Error('the timed run was killed');
  const calls = bank.stats().requests - before;
  const idealMs = (calls * LATENCY_MS) / CONCURRENCY;
  const ratio = timed.wallMs / idealMs;
  const committedTimed = bank.stats().committed['client.create'] ?? 0;

  // 2. Kill and resume.
  const killDir = tempDir('card-desk-bench-bulk-kill-');
  const killFile = join(killDir, 'clients.csv');
  writeFileSync(killFile, clientsCsv(KILL_ROWS, { firstSerial: ROWS }));
  const jobsDir = join(killDir, 'bulk');
  const finished = (): number => {
    if (!existsSync(jobsDir)) return 0;
    const [job] = readdirSync(jobsDir);
    const results = job === undefined ? '' : join(jobsDir, job, 'results.jsonl');
    return results !== '' && existsSync(results) ? readFileSync(results, 'utf8').split('\n').length - 1 : 0;
  };
  const killed = await runChild(
    ['issue', killDir, bank.url, '77', killFile, String(CONCURRENCY)],
    () => finished() >= KILL_ROWS / 3,
  );
  const killJob = readdirSync(jobsDir)[0] ?? '';
  const resumed = await runChild(['resume', killDir, bank.url, '77', killJob, String(CONCURRENCY)]);
  if (resumed === 'killed') throw new Error('the resume was killed');
  const committed = bank.stats().committed;
  const created = (committed['client.create'] ?? 0) - committedTimed;
  const issued = (committed['card.issue'] ?? 0) - ROWS;
  const duplicates = Math.max(0, created - KILL_ROWS) + Math.max(0, issued - KILL_ROWS);
  const lost = Math.max(0, KILL_ROWS - resumed.job.done) + Math.max(0, ROWS - timed.job.done);

  const rows: [string, string][] = [
    ['rows (timed run)', String(ROWS)],
    ['calls the bank received', String(calls)],
    ['ideal (calls × 20 ms / 16)', `${(idealMs / 1000).toFixed(2)} s`],
    ['wall time', `${(timed.wallMs / 1000).toFixed(2)} s`],
    ['ratio', ratio.toFixed(3)],
    [
      'CPU of the job process',
      `${(timed.cpuMs / 1000).toFixed(2)} s (${((timed.cpuMs / calls) * 1000).toFixed(0)} µs per call)`,
    ],
    ['peak RSS of the job process', `${timed.maxRssMb.toFixed(1)} MB`],
    [
      'kill and resume',
      `${killed === 'killed' ? 'killed' : 'not killed'} at ≥ ${String(Math.ceil(KILL_ROWS / 3))} of ${String(KILL_ROWS)} rows, resumed ${resumed.state}`,
    ],
    ['duplicates / lost', `${String(duplicates)} / ${String(lost)}`],
  ];
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(32)} ${value}\n`);
  const pass = ratio <= 1.15 && timed.maxRssMb <= 300 && duplicates === 0 && lost === 0 && killed === 'killed';
  process.stdout.write(
    `bench:bulk rows ${String(ROWS)} wall ${(timed.wallMs / 1000).toFixed(2)}s ideal ${(idealMs / 1000).toFixed(2)}s ratio ${ratio.toFixed(3)} (≤1.15) rss ${timed.maxRssMb.toFixed(0)}MB (≤300) duplicates ${String(duplicates)} lost ${String(lost)} · ${pass ? 'PASS' : 'FAIL'}\n`,
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  await bank.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
