// `npx node test/bench/paged-lists-bench.ts`: what one screenful of the Journal costs through the contract,
// against reading the whole history as the lists did before they were paged (docs/architecture.md, paged
// lists). A synthetic journal of BENCH_PAGED_SIZE operations (default 100,000; 1,000,000 takes a minute to
// fill), then, each the median of 7 runs: the first page of journal.search, the first page of Requests (open
// work), a count, a page deep in the history, a page of the preview when no record is a sandbox profile's (its
// worst case), and the old way: every operation folded, sorted, filtered and made a view. Prints times, bytes
// and the ratios; a figure, not a pass/fail target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Reply } from '../../common/contract/index.ts';
import { Desk } from '../../main/core/desk.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';
import { startSandbox } from '../../main/sandbox/index.ts';
import { createServices } from '../../main/core/services/index.ts';
import { entryView } from '../../main/core/services/journal-views.ts';
import { sandboxOnly } from '../../main/preview/sandbox-only.ts';
import { fillStore } from '../support/synthetic-journal.ts';
import { TEST_APP_INFO } from '../support/test-desk.ts';
import { signInAdmin } from '../support/sign-in.ts';

const SIZE = Number(process.env.BENCH_PAGED_SIZE ?? 100_000);
const RUNS = 7;

async function median(run: () => unknown): Promise<{ ms: number; value: unknown }> {
  const times: number[] = [];
  let value: unknown;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    value = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)] ?? 0, value };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const unwrap = (reply: Reply<unknown>) => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
};

const dataDir = mkdtempSync(join(tmpdir(), 'card-desk-bench-paged-'));
try {
  const filling = performance.now();
  fillStore(dataDir, SIZE);
  process.stdout.write(`${String(SIZE)} operations written in ${(performance.now() - filling).toFixed(0)} ms\n`);
  const desk = Desk.open({
    dataDir,
    vault: new MemoryVault(),
    startEmbedded: ({ merchant, stateFile }) => startSandbox({ merchants: [merchant], stateFile, asyncMs: 5 }),
  });
  const services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
  const call = async (method: string, args: unknown) => unwrap(await services.dispatch(method, args));
  const preview = sandboxOnly(desk, services.dispatch);

  const first = await median(() => call('journal.search', {}));
  const open = await median(() => call('requests.list', { states: ['sending', 'pending', 'unknown', 'not_received'] }));
  const count = await median(() => call('journal.count', {}));
  const cursor = `${String(Date.UTC(2025, 0, 1))}:${String(Math.floor(SIZE / 3))}`;
  const deep = await median(() => call('journal.search', { cursor }));
  const previewPage = await median(async () => unwrap(await preview('journal.search', {})));
  // Before: every query folded and sorted the whole history, and the screens asked for up to 100,000 rows.
  const whole = await median(() =>
    desk.journal
      .list()
      .reverse()
      .slice(0, 100_000)
      .map((e) => entryView(e)),
  );

  // The JSONL journal held every entry in memory: only the sort, filter and views counted per query then.
  const held = desk.journal.list();
  const inMemory = await median(() =>
    [...held]
      .sort((a, b) => a.at - b.at)
      .filter((e) => e.state !== 'sending')
      .reverse()
      .slice(0, 100_000)
      .map((e) => entryView(e)),
  );

  const rows: [string, { ms: number; value: unknown }][] = [
    ['journal.search, first page', first],
    ['requests.list, open work', open],
    ['journal.count, everything', count],
    ['journal.search, a page a third in', deep],
    ['preview page, no sandbox record', previewPage],
    ['before: whole history as views', whole],
    ['before: the same, held in memory', inMemory],
  ];
  process.stdout.write('list                                   ms      bytes\n');
  for (const [name, r] of rows) {
    process.stdout.write(`${name.padEnd(36)} ${r.ms.toFixed(2).padStart(8)} ${String(bytes(r.value)).padStart(10)}\n`);
  }
  process.stdout.write(
    `first screen against the whole history: ${(whole.ms / first.ms).toFixed(0)}x faster ` +
      `(${(inMemory.ms / first.ms).toFixed(0)}x against one held in memory), ` +
      `${(bytes(whole.value) / bytes(first.value)).toFixed(0)}x fewer bytes\n`,
  );
  await services.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
