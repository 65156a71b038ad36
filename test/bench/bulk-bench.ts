// `npm run bench:bulk`: 10,000 client rows against the sandbox with 20 ms latency at concurrency 16, through the
// path the app, the preview and the CLI take: a host process that runs the job in a job process of its own
// (docs/bulk.md, the job process).
// - Wall time against the ideal: the HTTP calls the bank received × latency / concurrency (every call of a
//   row waits its latency; the bank counts them, status polls included).
// - Peak RSS of the job process and of the host, and their sum.
// - CPU per call of the job process and of the bank (this process serves only the bank while the host runs), with
//   the system part: unlike the wall time, these barely change when other programs load the machine.
// - Kill and resume: the job process of a second job is SIGKILLed mid-way; the host must report the job paused,
//   and a resume must leave the bank's commit counters equal to the rows (0 duplicated) and every row in the
//   result (0 lost).
// The bank runs in this process; the host and its job process in two others (the host is idle while the job runs).
// The job process runs main/ built to JavaScript, as the app and the installed CLI run it (BENCH_FROM_SOURCE=1:
// from the sources); the host runs from the sources.
// Targets: ≤ 1.10 × ideal, ≤ 200 MB peak RSS of the job process, 0 duplicates, 0 lost. Ends with one line; exit 1 on
// a miss.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const KILL_ROWS = Number(process.env.BENCH_KILL_ROWS ?? 2_000);
const LATENCY_MS = 20;
const CONCURRENCY = 16;
const SECRET = 'bulk-bench-secret';
const HOST = join(import.meta.dirname, 'bulk-child.ts');
interface Usage {
  cpuMs: number;
  systemMs?: number;
  maxRssMb: number;
}

interface HostResult {
  job: { jobId: string; state: string; done: number; failed: number; remaining: number };
  state: string;
  wallMs: number;
  host: Usage;
  child: Usage | null;
}

/** The job process of a job: the pid its lock names. */
function jobProcess(dataDir: string): number | undefined {
  const jobs = join(dataDir, 'bulk');
  const [job] = existsSync(jobs) ? readdirSync(jobs) : [];
  if (job === undefined) return undefined;
  try {
    const pid = Number(readFileSync(join(jobs, job, 'lock'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the host; `killJobWhen` SIGKILLs its job process (not the host) once it returns true. */
function runHost(args: string[], killJobWhen?: () => boolean): Promise<HostResult & { killedJob: boolean }> {
  const env = jobEntry === undefined ? process.env : { ...process.env, BENCH_JOB_ENTRY: jobEntry };
  const host = spawn(process.execPath, [HOST, ...args], { stdio: ['pipe', 'pipe', 'inherit'], env });
  host.stdin.end(`${SECRET}\n`); // not in argv or the environment
  let out = '';
  let killedJob = false;
  host.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const timer =
    killJobWhen &&
    setInterval(() => {
      const pid = jobProcess(args[1] ?? '');
      if (killedJob || pid === undefined || pid === host.pid || !killJobWhen()) return;
      try {
        process.kill(pid, 'SIGKILL');
        killedJob = true;
      } catch {
        // ended already
      }
    }, 20);
  return new Promise((resolve, reject) => {
    host.once('exit', (code) => {
      if (timer) clearInterval(timer);
      const lines = out.trim().split('\n');
      if (lines.length > 1) process.stderr.write(`${lines.slice(0, -1).join('\n')}\n`); // the processes' own output
      if (code === 0) resolve({ ...(JSON.parse(lines.at(-1) ?? '{}') as HostResult), killedJob });
      else reject(new Error(`bulk host exited ${String(code)}`));
    });
  });
}

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/**
 * The job process as the app and the installed CLI run it: main/ built to JavaScript, without Node's type
 * stripping (which alone costs the process some 35-50 MB). BENCH_FROM_SOURCE=1 runs it from the sources instead.
 */
function buildJobEntry(): string | undefined {
  if (process.env.BENCH_FROM_SOURCE === '1') return undefined;
  const root = join(import.meta.dirname, '..', '..');
  const out = tempDir('card-desk-bench-build-');
  // Type errors elsewhere in a working tree do not stop tsc from writing JavaScript: the entry is what counts.
  spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'main'), '--outDir', out],
    {
      stdio: 'ignore',
    },
  );
  const entry = join(out, 'main', 'core', 'bulk', 'process', 'child-main.js');
  if (!existsSync(entry)) throw new Error('could not build the job process (tsc -p main)');
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  copyFileSync(join(root, 'package.json'), join(out, 'package.json'));
  return entry;
}
const jobEntry = buildJobEntry();

const bank = await startSandbox({ merchants: [{ id: 77, secret: SECRET }], asyncMs: 0, latencyMs: LATENCY_MS });
try {
  // 1. The timed run.
  const dir = tempDir('card-desk-bench-bulk-');
  const file = join(dir, 'clients.csv');
  writeFileSync(file, clientsCsv(ROWS));
  const before = bank.stats().requests;
  const bankCpuBefore = process.cpuUsage(); // this process only serves the bank while the host runs
  const timed = await runHost(['issue', dir, bank.url, '77', file, String(CONCURRENCY)]);
  if (timed.child === null && process.env.BENCH_IN_PROCESS !== '1') throw new Error('the job process told no figures');
  const bankCpu = process.cpuUsage(bankCpuBefore);
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
  const killed = await runHost(
    ['issue', killDir, bank.url, '77', killFile, String(CONCURRENCY)],
    () => finished() >= KILL_ROWS / 3,
  );
  const killJob = readdirSync(jobsDir)[0] ?? '';
  const resumed = await runHost(['resume', killDir, bank.url, '77', killJob, String(CONCURRENCY)]);
  const committed = bank.stats().committed;
  const created = (committed['client.create'] ?? 0) - committedTimed;
  const issued = (committed['card.issue'] ?? 0) - ROWS;
  const duplicates = Math.max(0, created - KILL_ROWS) + Math.max(0, issued - KILL_ROWS);
  const lost = Math.max(0, KILL_ROWS - resumed.job.done) + Math.max(0, ROWS - timed.job.done);

  const child = timed.child ?? timed.host; // BENCH_IN_PROCESS=1: the host ran the job
  const sumMb = child.maxRssMb + timed.host.maxRssMb;
  const rows: [string, string][] = [
    ['rows (timed run)', String(ROWS)],
    ['calls the bank received', String(calls)],
    ['ideal (calls × 20 ms / 16)', `${(idealMs / 1000).toFixed(2)} s`],
    ['wall time', `${(timed.wallMs / 1000).toFixed(2)} s`],
    ['ratio', ratio.toFixed(3)],
    [
      'CPU of the job process',
      `${(child.cpuMs / 1000).toFixed(2)} s (${((child.cpuMs / calls) * 1000).toFixed(0)} µs per call, ${(((child.systemMs ?? 0) / calls) * 1000).toFixed(0)} of it system)`,
    ],
    ['CPU of the host', `${(timed.host.cpuMs / 1000).toFixed(2)} s`],
    [
      'CPU of the bank (this process)',
      `${((bankCpu.user + bankCpu.system) / 1e6).toFixed(2)} s (${((bankCpu.user + bankCpu.system) / calls).toFixed(0)} µs per call, ${(bankCpu.system / calls).toFixed(0)} of it system)`,
    ],
    ['job process runs', jobEntry === undefined ? 'from the TypeScript sources' : 'built JavaScript'],
    ['peak RSS of the job process', `${child.maxRssMb.toFixed(1)} MB`],
    ['peak RSS of the host', `${timed.host.maxRssMb.toFixed(1)} MB`],
    ['peak RSS, both', `${sumMb.toFixed(1)} MB (each one's peak, added)`],
    [
      'kill and resume',
      `job process ${killed.killedJob ? 'killed' : 'not killed'} at ≥ ${String(Math.ceil(KILL_ROWS / 3))} of ${String(KILL_ROWS)} rows, host reported ${killed.state}, resumed ${resumed.state}`,
    ],
    ['duplicates / lost', `${String(duplicates)} / ${String(lost)}`],
  ];
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(32)} ${value}\n`);
  const pass =
    ratio <= 1.1 &&
    child.maxRssMb <= 200 &&
    duplicates === 0 &&
    lost === 0 &&
    killed.killedJob &&
    killed.state === 'paused' &&
    resumed.state === 'completed';
  process.stdout.write(
    `bench:bulk rows ${String(ROWS)} wall ${(timed.wallMs / 1000).toFixed(2)}s ideal ${(idealMs / 1000).toFixed(2)}s ratio ${ratio.toFixed(3)} (≤1.10) rss job ${child.maxRssMb.toFixed(0)}MB (≤200) host ${timed.host.maxRssMb.toFixed(0)}MB sum ${sumMb.toFixed(0)}MB duplicates ${String(duplicates)} lost ${String(lost)} · ${pass ? 'PASS' : 'FAIL'}\n`,
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  await bank.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
