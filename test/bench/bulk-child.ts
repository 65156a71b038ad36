// The bulk benchmark's worker process: a desk with an in-memory vault (the secret comes from the environment),
// one profile pointing at the benchmark's sandbox, and one bulk job run to its end (issue or resume).
// Prints one JSON line: the job, its wall time and this process's peak memory.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { bulkServiceFor } from '../../main/core/bulk/index.ts';
import { Desk } from '../../main/core/desk.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';

const [mode, dataDir, baseUrl, merchant, target, concurrency = '16'] = process.argv.slice(2);
if ((mode !== 'issue' && mode !== 'resume') || !dataDir || !baseUrl || !merchant || !target) {
  process.stderr.write(
    'usage: bulk-child.ts issue|resume <data dir> <base url> <merchant> <csv file|job id> [concurrency]\n',
  );
  process.exit(2);
}

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
await desk.setSecret('bench', Buffer.from(process.env.BENCH_SECRET ?? '', 'utf8'));
const bulk = bulkServiceFor(desk, { settleTimeoutMs: 60_000 });

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
if (process.env.BENCH_MEMORY === '1') {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  for (const space of getHeapSpaceStatistics()) {
    process.stderr.write(
      `  ${space.space_name}: size ${(space.space_size / 1e6).toFixed(0)} MB, used ${(space.space_used_size / 1e6).toFixed(0)} MB\n`,
    );
  }
  process.stderr.write(
    `heap used ${(m.heapUsed / 1e6).toFixed(0)} MB, heap total ${(m.heapTotal / 1e6).toFixed(0)} MB, external ${(m.external / 1e6).toFixed(0)} MB, array buffers ${(m.arrayBuffers / 1e6).toFixed(0)} MB, rss ${(m.rss / 1e6).toFixed(0)} MB\n`,
  );
}
process.stdout.write(
  `${JSON.stringify({ job: bulk.get(jobId), state: meta.state, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
await desk.close();
