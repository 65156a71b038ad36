// The UI benchmark page (`npm run bench:ui`): the REAL VirtualTable with the shared card and statement columns,
// inside the app's providers (Mantine without injected styles, i18next initialised in English) and stylesheets.
// test/bench/ui-bench.ts drives it phase by phase through `window.cardDeskBench` (bench-api.ts).
import '@mantine/core/styles.css';
import '../src/styles.css';
import { MantineProvider } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useLayoutEffect, useMemo, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { CardView, StatementOperation } from '../../common/contract/index.ts';
import { memoryColorSchemeManager } from '../src/app/color-scheme.ts';
import { VirtualTable } from '../src/components/VirtualTable.tsx';
import { i18n, initI18n } from '../src/i18n/index.ts';
import { cardColumns, cardSearchText } from '../src/tables/card-columns.tsx';
import { statementColumns, statementSearchText } from '../src/tables/statement-columns.tsx';
import { MARKS, type FilterResult, type FirstRenderResult, type ScenarioName, type ScrollResult } from './bench-api.ts';
import { afterNextPaint, mark, percentile, scrollThrough, typeInto } from './measure.ts';
import { syntheticCards, syntheticOperations } from './synthetic.ts';

const ROWS = 100_000;
const FIRST_RENDER_REPEATS = 5;
const SCROLL_FRAMES = 300;
const NEEDLES: Record<ScenarioName, string[]> = {
  cards: ['ivanov', 'blocked', '1234', 'instant', 'no such card'],
  statement: ['coffee', 'bishkek', '5411', 'refund', 'no such operation'],
};

// ------------------------------------------------------------------------------ the page

type Shown = { name: 'cards'; rows: CardView[] } | { name: 'statement'; rows: StatementOperation[] };

function CardsTable({ rows, filter }: { rows: CardView[]; filter: string }): ReactElement {
  const { t } = useTranslation();
  const columns = useMemo(() => cardColumns(t), [t]);
  return (
    <VirtualTable
      label="Cards"
      columns={columns}
      rows={rows}
      searchText={cardSearchText}
      filter={filter}
      height={600}
    />
  );
}

function StatementTable({ rows, filter }: { rows: StatementOperation[]; filter: string }): ReactElement {
  const { t } = useTranslation();
  const columns: ColumnDef<StatementOperation, never>[] = useMemo(() => statementColumns(t, 'en'), [t]);
  return (
    <VirtualTable
      label="Statement"
      columns={columns}
      rows={rows}
      searchText={statementSearchText}
      filter={filter}
      height={600}
    />
  );
}

/** Set by the mounted harness: what the measurements drive. */
const control: { show: (shown: Shown | undefined) => void } = { show: () => undefined };
let commitWaiters: ((at: number) => void)[] = [];

/** Resolves at the next React commit of the harness (its layout effect runs after every child's). */
function nextCommit(): Promise<number> {
  return new Promise((resolve) => commitWaiters.push(resolve));
}

function Harness(): ReactElement {
  // A new object on every show, so that showing "nothing" again still commits (and resolves nextCommit).
  const [{ shown }, setView] = useState<{ shown?: Shown }>({});
  const [filter, setFilter] = useState('');
  useLayoutEffect(() => {
    control.show = (next) => {
      setFilter('');
      setView({ shown: next });
    };
  }, []);
  useLayoutEffect(() => {
    const at = performance.now();
    const waiters = commitWaiters;
    commitWaiters = [];
    for (const resolve of waiters) resolve(at);
  });
  return (
    <main className="frame-main">
      <label>
        Filter{' '}
        <input
          data-testid="bench-filter"
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
          }}
        />
      </label>
      {shown?.name === 'cards' && <CardsTable rows={shown.rows} filter={filter} />}
      {shown?.name === 'statement' && <StatementTable rows={shown.rows} filter={filter} />}
    </main>
  );
}

// ------------------------------------------------------------------------------ the measurements

function generate(name: ScenarioName): Shown {
  return name === 'cards' ? { name, rows: syntheticCards(ROWS) } : { name, rows: syntheticOperations(ROWS) };
}

async function show(shown: Shown | undefined): Promise<{ commit: number; painted: number; start: number }> {
  const committed = nextCommit();
  const start = performance.now();
  control.show(shown);
  const commit = await committed;
  const painted = await afterNextPaint();
  return { start, commit, painted };
}

function filterInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('[data-testid="bench-filter"]');
  if (input === null) throw new Error('the bench page has no filter input');
  return input;
}

function shownRowCount(): number {
  return Number(document.querySelector('.vtable-table')?.getAttribute('aria-rowcount') ?? 1) - 1;
}

async function firstRender(name: ScenarioName): Promise<FirstRenderResult> {
  const samples: number[] = [];
  const commits: number[] = [];
  for (let i = 0; i < FIRST_RENDER_REPEATS; i++) {
    await show(undefined);
    // A fresh array each time, made before the clock starts: the data arrives, as a query result does.
    const data = generate(name);
    await afterNextPaint();
    mark(MARKS.first, 'start', i);
    const { start, commit, painted } = await show(data);
    mark(MARKS.first, 'end', i);
    samples.push(painted - start);
    commits.push(commit - start);
  }
  return {
    median: percentile(samples, 50),
    cold: samples[0] ?? Number.NaN,
    commitMedian: percentile(commits, 50),
    samples,
  };
}

async function filtering(name: ScenarioName): Promise<FilterResult> {
  const input = filterInput();
  const samples: FilterResult['samples'] = [];
  for (const [i, needle] of NEEDLES[name].entries()) {
    typeInto(input, '');
    await afterNextPaint();
    const committed = nextCommit();
    mark(MARKS.filter, 'start', i);
    const start = performance.now();
    typeInto(input, needle);
    await committed;
    const painted = await afterNextPaint();
    mark(MARKS.filter, 'end', i);
    samples.push({ needle, ms: painted - start, matches: shownRowCount() });
  }
  typeInto(input, '');
  await afterNextPaint();
  return {
    median: percentile(
      samples.map((s) => s.ms),
      50,
    ),
    samples,
  };
}

/** What VirtualTable's filter index costs for these rows, measured on its own. */
function searchIndexMs(name: ScenarioName): Promise<number> {
  const shown = generate(name);
  const start = performance.now();
  const index =
    shown.name === 'cards'
      ? shown.rows.map((row) => cardSearchText(row).toLowerCase())
      : shown.rows.map((row) => statementSearchText(row).toLowerCase());
  const ms = performance.now() - start;
  return Promise.resolve(index.length > 0 ? ms : Number.NaN);
}

async function scroll(): Promise<ScrollResult> {
  const scroller = document.querySelector<HTMLElement>('.vtable-scroll');
  if (scroller === null) throw new Error('no table on the bench page');
  const { work, intervals } = await scrollThrough(scroller, SCROLL_FRAMES);
  await afterNextPaint();
  return {
    frames: work.length,
    workP50: percentile(work, 50),
    workP95: percentile(work, 95),
    workMax: Math.max(...work),
    intervalP95: percentile(intervals, 95),
    reachedEnd: document.querySelector(`[aria-rowindex="${String(ROWS + 1)}"]`) !== null,
  };
}

async function start(): Promise<void> {
  await initI18n('en');
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        colorSchemeManager={memoryColorSchemeManager()}
        forceColorScheme="light"
        withCssVariables={false}
        withGlobalClasses={false}
      >
        <Harness />
      </MantineProvider>
    </I18nextProvider>,
  );
  await afterNextPaint();
}

async function mount(name: ScenarioName): Promise<void> {
  await show(generate(name));
}

window.cardDeskBench = {
  ready: start(),
  searchIndexMs,
  firstRender,
  filter: filtering,
  scroll,
  clear: async () => {
    await show(undefined);
  },
  mount,
};
