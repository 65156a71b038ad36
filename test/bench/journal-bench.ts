// `npm run bench:journal`: what an operator's start and screens cost as the history grows. Synthetic journals
// of 100,000 and 1,000,000 operations (kept between runs in the temp folder), each measured by a fresh process
// (journal-probe.ts): open, the open operations, a filtered page of the 100 newest (and the next), a durable
// append p50/p95, the longest event-loop stall while 16 writers commit at once, and memory against an empty
// journal measured the same way. Then the import of a 1,000,000-operation journal.jsonl.
// Targets at 1,000,000: open ≤ 300 ms, page ≤ 20 ms, append p50 ≤ 2 ms, RSS over empty ≤ 60 MB, stall ≤ 10 ms.
// One closing line; exit 1 on a miss. BENCH_JOURNAL_SIZES=1000,20000 runs smaller sizes (the targets then
// apply to the largest).
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJsonlJournal } from '../../main/core/journal/index.ts';
import { JOURNAL_JSONL } from '../../main/core/journal/jsonl.ts';
import { fillStore, writeJsonl } from '../support/synthetic-journal.ts';

const SIZES = (process.env.BENCH_JOURNAL_SIZES ?? '100000,1000000').split(',').map(Number);
const CACHE = join(tmpdir(), 'card-desk-bench-journal');
const PROBE = join(import.meta.dirname, 'journal-probe.ts');
const TARGETS = { openMs: 300, pageMs: 20, appendP50: 2, overEmptyMb: 60, stallMs: 10 };

interface Probe {
  openMs: number;
  openEntriesMs: number;
  openEntries: number;
  pageMs: number;
  pageFirstMs: number;
  pageRows: number;
  appendP50: number;
  appendP95: number;
  stallMs: number;
  rssGrowthMb: number;
  rssMb: number;
}

function cached(name: string, build: (dir: string) => void | Promise<void>): Promise<string> {
  const dir = join(CACHE, name);
  const done = join(CACHE, `${name}.complete`);
  if (existsSync(done)) return Promise.resolve(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  return Promise.resolve(build(dir)).then(() => {
    writeFileSync(done, '');
    process.stderr.write(`built ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return dir;
  });
}

function probe(dataDir: string): Probe {
  const run = spawnSync(process.execPath, ['--expose-gc', PROBE, dataDir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Probe;
}

const f = (n: number) => n.toFixed(2).padStart(8);
const empty = probe(mkdtempSync(join(tmpdir(), 'card-desk-bench-empty-')));
const rows: [string, Probe][] = [['empty', empty]];
for (const n of SIZES)
  rows.push([
    n.toLocaleString('en'),
    probe(
      await cached(`store-${String(n)}`, (dir) => {
        fillStore(dir, n);
      }),
    ),
  ]);

process.stdout.write(
  'operations     open ms  open-ops ms  page ms  1st page  append p50  append p95  stall ms  RSS MB  over empty\n',
);
for (const [name, p] of rows) {
  process.stdout.write(
    `${name.padEnd(12)}${f(p.openMs)}   ${f(p.openEntriesMs)}  ${f(p.pageMs)}  ${f(p.pageFirstMs)}   ${f(p.appendP50)}    ${f(p.appendP95)}  ${f(p.stallMs)} ${f(p.rssMb)}  ${f(p.rssMb - empty.rssMb)}   (${String(p.openEntries)} open, ${String(p.pageRows)} rows paged)\n`,
  );
}

// The import of an earlier version's journal of the largest size, from a hard link of a cached file.
const largest = Math.max(...SIZES);
const source = await cached(`jsonl-${String(largest)}`, (dir) => writeJsonl(dir, largest));
const target = mkdtempSync(join(tmpdir(), 'card-desk-bench-import-'));
linkSync(join(source, JOURNAL_JSONL), join(target, JOURNAL_JSONL));
const sizeMb = statSync(join(target, JOURNAL_JSONL)).size / 2 ** 20;
const t0 = performance.now();
const imported = await importJsonlJournal(target);
const importS = (performance.now() - t0) / 1000;
rmSync(target, { recursive: true, force: true });
process.stdout.write(
  `import of journal.jsonl: ${largest.toLocaleString('en')} operations (${sizeMb.toFixed(0)} MB) in ${importS.toFixed(1)} s, ${String(imported.operations)} imported, ${String(imported.skipped)} skipped\n`,
);

const [, top] = rows.at(-1) ?? ['', empty];
const checks: [string, number, number][] = [
  ['open ms', top.openMs, TARGETS.openMs],
  ['page ms', top.pageMs, TARGETS.pageMs],
  ['append p50 ms', top.appendP50, TARGETS.appendP50],
  ['RSS over empty MB', top.rssMb - empty.rssMb, TARGETS.overEmptyMb],
  ['stall ms', top.stallMs, TARGETS.stallMs],
];
const misses = checks.filter(([, value, target]) => value > target);
const missedImport = imported.operations !== largest;
process.stdout.write(
  `bench:journal at ${largest.toLocaleString('en')} operations: ${checks.map(([name, value, target]) => `${name} ${value.toFixed(2)} (≤ ${String(target)})`).join(', ')}, import ${importS.toFixed(1)} s · ${misses.length === 0 && !missedImport ? 'PASS' : `MISS ${misses.map(([name]) => name).join(', ')}${missedImport ? ' import count' : ''}`}\n`,
);
process.exitCode = misses.length === 0 && !missedImport ? 0 : 1;
