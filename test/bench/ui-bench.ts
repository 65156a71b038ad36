// bench:ui — the renderer's 100,000-row tables in Debian Chromium, what the page reads before its first screen,
// and how soon that screen shows.
//
// 1. Builds the bench page (vite.bench.config.ts: renderer/bench, production mode) into a temporary folder. The
//    page mounts the REAL VirtualTable with the shared card and statement columns inside the app's providers
//    (ui-bench-page.ts). For 100,000 synthetic cards, then 100,000 statement operations, the page measures
//    (renderer/bench/measure.ts explains how), each window marked for the trace:
//    - first render: rows handed over → the first frame painted after React's commit (5 mounts);
//    - filter: a filter string typed → the next frame painted after the commit (5 different needles);
//    - scroll: 300 frames from top to bottom, one step per animation frame (each step shows rows never rendered
//      before); per frame, from its scroll event to the end of its rendering (script, style, layout, paint),
//      and the interval between animation frames (16.7 ms at 60 Hz when no frame is dropped).
//    First render, filter and scroll are checked on the main thread's CPU time in each window, read from a
//    Chromium trace (trace-cpu.ts) — medians for first render and filter, p95 for scroll frames. On a shared
//    machine the wall-clock time also counts waiting for a CPU; it is printed beside the CPU time. The frame
//    interval is wall-clock by nature: it is only meaningful on an idle machine.
// 2. Builds the real renderer (vite.renderer.config.ts, with a manifest) and sums, gzip level 9, the JavaScript
//    read before the first screen: the entry chunk and its static imports (bundle-size.ts). The Clients section,
//    where the app opens, is printed beside it.
// 3. Serves that build from the real preview and opens it 3 times in Chromium: navigation start → the first
//    screen's heading on screen (first-screen.ts), median.
// Targets (docs/operator-ui.md, "Speed on a small PC"): first render ≤ 100 ms, filter ≤ 30 ms, scroll CPU per
// frame p95 ≤ 8 ms, frame interval p95 ≤ 20 ms, initial JS ≤ 250 KB gzip, first screen ≤ 1 s. Prints a table,
// then one closing line, and exits 1 when a target is missed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioName } from '../../renderer/bench/bench-api.ts';
import { CHROMIUM } from '../support/chromium.ts';
import { bundleSizes, type BundleSizes } from './bundle-size.ts';
import { firstScreenMs } from './first-screen.ts';
import { percentile } from './stats.ts';
import { measurePage, SCENARIOS, viteBuild, type ScenarioResult } from './ui-bench-page.ts';

const TARGETS = {
  firstRenderMs: 100,
  filterMs: 30,
  scrollP95Ms: 8,
  frameIntervalP95Ms: 20,
  initialJsKb: 250,
  firstScreenMs: 1000,
};
const FIRST_SECTION = 'screens/clients/ClientsScreen.tsx';
const FIRST_SCREEN_RUNS = 3;

const f1 = (n: number) => n.toFixed(1);

/** The printed table: a measure, its value, its target (if any) and ok / MISSED; misses are collected. */
class Report {
  readonly lines: string[] = [];
  readonly failures: string[] = [];
  private readonly widths = [46, 13, 9, 6];

  constructor() {
    this.add(['measure', 'value', 'target', '']);
  }

  target(label: string, value: number, target: number, unit: string): void {
    const ok = Number.isFinite(value) && value <= target;
    if (!ok) this.failures.push(`${label}: ${f1(value)} ${unit} > ${String(target)} ${unit}`);
    this.add([label, `${f1(value)} ${unit}`, `${String(target)} ${unit}`, ok ? 'ok' : 'MISSED']);
  }

  info(label: string, value: string): void {
    this.add([`  ${label}`, value, '', '']);
  }

  private add(cells: string[]): void {
    this.lines.push(
      cells.map((c, i) => (i === 0 ? c.padEnd(this.widths[i] ?? 0) : c.padStart(this.widths[i] ?? 0))).join(' '),
    );
  }
}

function tables(out: Report, results: Record<ScenarioName, ScenarioResult>): void {
  for (const name of SCENARIOS) {
    const r = results[name];
    const { cpu } = r;
    out.target(`${name}: first render, CPU (median of 5)`, percentile(cpu.first, 50), TARGETS.firstRenderMs, 'ms');
    out.info('wall-clock median / cold first mount', `${f1(r.firstRender.median)} / ${f1(r.firstRender.cold)}`);
    out.info('wall-clock hand-over → commit (median)', `${f1(r.firstRender.commitMedian)} ms`);
    out.info("building the filter's search index", `${f1(r.searchIndexMs)} ms`);
    out.target(`${name}: filter, CPU (median of 5 needles)`, percentile(cpu.filter, 50), TARGETS.filterMs, 'ms');
    out.info('wall-clock median', `${f1(r.filter.median)} ms`);
    r.filter.samples.forEach((s, i) => {
      out.info(`"${s.needle}" → ${String(s.matches)} rows, CPU / wall`, `${f1(cpu.filter[i] ?? NaN)} / ${f1(s.ms)}`);
    });
    out.target(`${name}: scroll, CPU per frame p95`, percentile(cpu.scroll, 95), TARGETS.scrollP95Ms, 'ms');
    out.info(
      `CPU p50 / max over ${String(cpu.scroll.length)} frames`,
      `${f1(percentile(cpu.scroll, 50))} / ${f1(Math.max(...cpu.scroll))}`,
    );
    out.info('wall-clock work per frame p95 / p50', `${f1(r.scroll.workP95)} / ${f1(r.scroll.workP50)}`);
    out.target(`${name}: scroll, frame interval p95`, r.scroll.intervalP95, TARGETS.frameIntervalP95Ms, 'ms');
    const traced = [cpu.first.length, cpu.filter.length, cpu.scroll.length].join('/');
    if (cpu.first.length !== r.firstRender.samples.length || cpu.filter.length !== r.filter.samples.length)
      out.failures.push(`${name}: windows missing from the trace (${traced})`);
    if (cpu.scroll.length < r.scroll.frames * 0.9) out.failures.push(`${name}: only ${traced} windows traced`);
    if (!r.scroll.reachedEnd) out.failures.push(`${name}: the last row was not shown at the end of the list`);
  }
}

function loading(out: Report, bundle: BundleSizes, firstScreen: number[]): void {
  const initial = `JS before the first screen, gzip (${String(bundle.initialFiles)} files)`;
  out.target(initial, bundle.initialKb, TARGETS.initialJsKb, 'KB');
  out.info('+ the Clients section, opened first', `${f1(bundle.firstSectionKb)} KB`);
  out.info(`all of the renderer's JS (${String(bundle.totalFiles)} files)`, `${f1(bundle.totalKb)} KB`);
  const runs = firstScreen.length;
  out.target(
    `first screen after the link opens (median of ${String(runs)})`,
    percentile(firstScreen, 50),
    TARGETS.firstScreenMs,
    'ms',
  );
  out.info('each run', firstScreen.map((ms) => f1(ms)).join(' / '));
}

const work = mkdtempSync(join(tmpdir(), 'card-desk-bench-ui-'));
try {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  process.stdout.write('bench:ui: building the bench page and the renderer (production)…\n');
  const benchDir = join(work, 'bench');
  await viteBuild('vite.bench.config.ts', benchDir);
  const results = await measurePage(benchDir);
  const rendererDir = join(work, 'renderer');
  await viteBuild('vite.renderer.config.ts', rendererDir, true);
  const bundle = bundleSizes(rendererDir, FIRST_SECTION);
  const firstScreen = await firstScreenMs(rendererDir, FIRST_SCREEN_RUNS);

  const out = new Report();
  tables(out, results);
  loading(out, bundle, firstScreen);
  process.stdout.write(`${out.lines.join('\n')}\n`);
  // Wall-clock timings grow when other processes take the CPU: say how busy the machine was.
  const [load = 0] = loadavg();
  const cores = availableParallelism();
  const busy = load > cores ? ' (busy: wall-clock timings are inflated)' : '';
  process.stdout.write(`machine: ${String(cores)} cores, load average ${load.toFixed(1)}${busy}\n`);
  for (const failure of out.failures) process.stdout.write(`missed: ${failure}\n`);

  const part = (name: ScenarioName) => {
    const { cpu, scroll } = results[name];
    return (
      `${name} first ${f1(percentile(cpu.first, 50))}ms filter ${f1(percentile(cpu.filter, 50))}ms ` +
      `scroll-p95 ${f1(percentile(cpu.scroll, 95))}ms frame-p95 ${f1(scroll.intervalP95)}ms`
    );
  };
  const verdict = out.failures.length === 0 ? 'PASS' : 'FAIL';
  process.stdout.write(
    `bench:ui ${SCENARIOS.map(part).join(' · ')} · initial-js ${f1(bundle.initialKb)}KB gz · ` +
      `first-screen ${f1(percentile(firstScreen, 50))}ms · ${verdict}\n`,
  );
  process.exitCode = out.failures.length === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
