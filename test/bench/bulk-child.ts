// The bulk benchmark's host process, as the preview or the CLI is one: a desk with an in-memory vault (the secret
// comes on stdin), one profile at the benchmark's sandbox, and one bulk job (issue or resume) run in its own job
// process (docs/bulk.md, the job process). Started without V8 flags, like the app's main process.
// Prints one JSON line: the job, its wall time, and the host's and the job process's CPU and peak memory.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bulkServiceFor, forkJobProcess } from '../../main/core/bulk/index.ts';
import { ProcessRunner } from '../../main/core/bulk/process/host-runner.ts';
import { Desk } from '../../main/core/desk.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';

const [mode, dataDir, baseUrl, merchant, target, concurrency = '16'] = process.argv.slice(2);
if ((mode !== 'issue' && mode !== 'resume') || !dataDir || !baseUrl || !merchant || !target) {
  process.stderr.write(
    'usage: bulk-child.ts issue|resume <data dir> <base url> <merchant> <csv file|job id> [concurrency] < secret\n',
  );
  process.exit(2);
}
const secret = readFileSync(0, 'utf8').trim();
/**
 * BENCH_CPU_PROF=<dir>: the job process writes a V8 CPU profile there; BENCH_JOB_FLAGS: more V8 flags for it
 * (say --trace-gc); BENCH_JOB_ENTRY: the job process's entry built to JavaScript (`tsc -p main --outDir <dir>`:
 * <dir>/main/core/bulk/process/child-main.js), as the app and the installed CLI run it, without type stripping.
 */
const profile = [
  ...(process.env.BENCH_CPU_PROF === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]),
  ...(process.env.BENCH_JOB_FLAGS ?? '').split(' ').filter((flag) => flag !== ''),
];

const desk = Desk.open({
  dataDir,
  vault: new MemoryVault(),
  startEmbedded: () => Promise.reject(new Error('no embedded sandbox in the benchmark')),
  deadlineMs: 2_000,
});
desk.saveProfile({
  id: 'bench',
  name: 'Bulk benchmark',
  region: 'KZ',
  environment: 'test',
  baseUrl,
  merchantId: Number(merchant),
  scheme: 'sha256-body',
  allowedOperations: ['clients', 'cards', 'bulk'],
});
desk.switchProfile('bench');
await desk.setSecret('bench', Buffer.from(secret, 'utf8'));
const bulk = bulkServiceFor(desk, {
  settleTimeoutMs: 60_000,
  // BENCH_IN_PROCESS=1: the job in this process, as before the job process, for comparison.
  ...(process.env.BENCH_IN_PROCESS === '1'
    ? {}
    : {
        jobProcess: forkJobProcess({
          execArgv: profile,
          ...(process.env.BENCH_JOB_ENTRY === undefined ? {} : { entry: process.env.BENCH_JOB_ENTRY }),
        }),
      }),
});

let jobId = target;
if (mode === 'issue') {
  const report = bulk.validate(basename(target), readFileSync(target));
  if (report.draftId === undefined) throw new Error(`invalid file: ${JSON.stringify(report.problems.slice(0, 3))}`);
  jobId = bulk.create(report.draftId, 'bench', Number(concurrency)).id;
  process.stderr.write(`job ${jobId}\n`);
}
const started = performance.now();
const cpuBefore = process.cpuUsage();
const meta = await bulk.runner.run(jobId);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const job = bulk.runner instanceof ProcessRunner ? bulk.runner.usage.get(jobId) : undefined;
process.stdout.write(
  `${JSON.stringify({
    job: bulk.get(jobId),
    state: meta.state,
    wallMs,
    host: { cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 },
    child: job ?? null,
  })}\n`,
);
await desk.close();
