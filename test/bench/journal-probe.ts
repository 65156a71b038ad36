// One measurement of `npm run bench:journal`, in a process of its own so that its memory is its own: opens the
// journal in the given data folder and prints, as one JSON line, what an operator's start and screens cost.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Journal } from '../../main/core/journal/index.ts';
import { percentile } from './stats.ts';

const [dataDir = ''] = process.argv.slice(2);
const WRITERS = 16;
const APPENDS = 400;
const PER_WRITER = 60;

const timed = <T>(run: () => T): [number, T] => {
  const t0 = performance.now();
  const value = run();
  return [performance.now() - t0, value];
};
const median = (samples: number[]) => percentile(samples, 50);
const intent = (key: string) => ({
  key,
  op: 'card.block',
  at: Date.now(),
  connection: {
    baseUrl: 'https://api.example.test/',
    merchantId: 606,
    scheme: 'sha256-body' as const,
    profileId: 'kz-almaty',
  },
  bodySha256: 'cd'.repeat(32),
  params: { card_id: key },
  deadlineMs: 15_000,
});

globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const [openMs, journal] = timed(() => Journal.open(dataDir, { groupCommit: true }));
const [openEntriesMs, open] = timed(() => journal.open());
const pages: number[] = [];
let rows = 0;
for (let i = 0; i < 5; i++) {
  const [ms, page] = timed(() => journal.page({ op: 'card.issue', profileId: 'kz-almaty', limit: 100 }));
  const [nextMs, next] = timed(() =>
    journal.page({ op: 'card.issue', profileId: 'kz-almaty', limit: 100, cursor: page.nextCursor }),
  );
  const [stateMs] = timed(() => journal.page({ states: ['failed'], limit: 100 }));
  pages.push(Math.max(ms, nextMs, stateMs));
  rows = page.items.length + next.items.length;
}

const run = `probe-${String(process.pid)}`;
const appends: number[] = [];
for (let i = 0; i < APPENDS; i++) {
  const t0 = performance.now();
  journal.recordIntent(intent(`${run}-a${String(i)}`));
  await journal.durableNow();
  appends.push(performance.now() - t0);
  journal.recordOutcome({ key: `${run}-a${String(i)}`, at: Date.now(), state: 'done', result: {} }); // not left open
}

// 16 writers at once, each recording and settling operations, while the event loop's delay is watched.
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
await Promise.all(
  Array.from({ length: WRITERS }, async (_, w) => {
    for (let i = 0; i < PER_WRITER; i++) {
      const key = `${run}-w${String(w)}-${String(i)}`;
      journal.recordIntent(intent(key));
      await journal.durableNow();
      await new Promise((resolve) => setTimeout(resolve, 1)); // the request on the wire
      journal.recordOutcome({ key, at: Date.now(), state: 'done', result: {} });
      await journal.durableNow();
    }
  }),
);
loop.disable();
globalThis.gc?.();
const rssAfter = process.memoryUsage().rss;
journal.close();

process.stdout.write(
  `${JSON.stringify({
    openMs,
    openEntriesMs,
    openEntries: open.length,
    pageMs: median(pages),
    pageFirstMs: pages[0],
    pageRows: rows,
    appendP50: percentile(appends, 50),
    appendP95: percentile(appends, 95),
    stallMs: loop.max / 1e6,
    rssGrowthMb: (rssAfter - rssBefore) / 2 ** 20,
    rssMb: rssAfter / 2 ** 20,
  })}\n`,
);
