// bench:ui — the renderer's 100,000-row tables in Debian Chromium, and the renderer's bundle size.
//
// 1. Builds the bench page (vite.bench.config.ts: renderer/bench, production mode) into a temporary folder. The
//    page mounts the REAL VirtualTable with the shared card and statement columns inside the app's providers.
// 2. Serves it from a tiny static server on 127.0.0.1:0 and opens it in /usr/bin/chromium (playwright-core, the
//    flags of the e2e harness). For 100,000 synthetic cards, then 100,000 statement operations, the page measures
//    (renderer/bench/measure.ts explains the method):
//    - first render: rows handed over → the first frame painted after React's commit (median of 5 mounts);
//    - filter: a filter string typed → the next frame painted after the commit (median of 5 different needles);
//    - scroll: 300 frames from top to bottom; per frame, the main thread's work from the scroll event to the
//      end of that frame's rendering; p95. (rAF intervals are printed too: ~16.7 ms at 60 Hz when nothing drops.)
// 3. Builds the real renderer (vite.renderer.config.ts) into a temporary folder and sums the gzip sizes (level 9)
//    of its .js files.
// Targets: first render ≤ 200 ms, filter ≤ 50 ms, scroll p95 ≤ 16 ms, renderer JS ≤ 400 KB gzip. Prints a table,
// then one summary line, and exits 1 when a target is missed.
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { ScenarioName, ScenarioResult } from '../../renderer/bench/bench-api.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The same flags as test/e2e/support/preview-session.ts.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TARGETS = { firstRenderMs: 200, filterMs: 50, scrollP95Ms: 16, rendererJsKb: 400 };
const SCENARIOS: ScenarioName[] = ['cards', 'statement'];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Vite builds in production mode only with NODE_ENV=production (React's production build). */
async function viteBuild(configFile: string, outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      configFile: join(ROOT, configFile),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Static files of `dir`, on loopback only; nothing outside `dir` is served. */
function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function measurePage(dir: string): Promise<Record<ScenarioName, ScenarioResult>> {
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`);
    await page.waitForFunction(() => window.cardDeskBench !== undefined);
    await page.evaluate(() => window.cardDeskBench?.ready);
    const results = {} as Record<ScenarioName, ScenarioResult>;
    for (const name of SCENARIOS) {
      const result = await page.evaluate((n) => window.cardDeskBench?.run(n), name);
      if (result === undefined) throw new Error(`the bench page did not run ${name}`);
      results[name] = result;
    }
    if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

async function rendererJsGzipKb(dir: string): Promise<{ kb: number; files: number }> {
  await viteBuild('vite.renderer.config.ts', dir);
  const js = filesUnder(dir).filter((file) => file.endsWith('.js'));
  const bytes = js.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files: js.length };
}

const f1 = (n: number) => n.toFixed(1);

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

const work = mkdtempSync(join(tmpdir(), 'card-desk-bench-ui-'));
try {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const benchDir = join(work, 'bench');
  const rendererDir = join(work, 'renderer');
  process.stdout.write('bench:ui: building the bench page and the renderer (production)…\n');
  await viteBuild('vite.bench.config.ts', benchDir);
  const results = await measurePage(benchDir);
  const bundle = await rendererJsGzipKb(rendererDir);

  const failures: string[] = [];
  const check = (label: string, value: number, target: number): string => {
    const ok = Number.isFinite(value) && value <= target;
    if (!ok) failures.push(`${label} ${f1(value)} > ${String(target)}`);
    return ok ? 'ok' : 'MISSED';
  };

  const widths = [34, 10, 10, 8];
  const lines = [row(['measure (100,000 rows)', 'value', 'target', ''], widths)];
  for (const name of SCENARIOS) {
    const r = results[name];
    if (!r.reachedEnd) failures.push(`${name}: the last row was not on screen after scrolling to the end`);
    lines.push(
      row(
        [
          `${name}: first render (median of 5)`,
          `${f1(r.firstRender.median)} ms`,
          `${String(TARGETS.firstRenderMs)} ms`,
          check(`${name} first render`, r.firstRender.median, TARGETS.firstRenderMs),
        ],
        widths,
      ),
      row([`  cold first mount`, `${f1(r.firstRender.cold)} ms`, '', ''], widths),
      row([`  hand-over → commit (median)`, `${f1(r.firstRender.commitMedian)} ms`, '', ''], widths),
      row(
        [
          `${name}: filter (median of 5)`,
          `${f1(r.filter.median)} ms`,
          `${String(TARGETS.filterMs)} ms`,
          check(`${name} filter`, r.filter.median, TARGETS.filterMs),
        ],
        widths,
      ),
      ...r.filter.samples.map((s) =>
        row([`  "${s.needle}" → ${String(s.matches)} rows`, `${f1(s.ms)} ms`, '', ''], widths),
      ),
      row(
        [
          `${name}: scroll work/frame p95`,
          `${f1(r.scroll.workP95)} ms`,
          `${String(TARGETS.scrollP95Ms)} ms`,
          check(`${name} scroll p95`, r.scroll.workP95, TARGETS.scrollP95Ms),
        ],
        widths,
      ),
      row(
        [
          `  p50 / max over ${String(r.scroll.frames)} frames`,
          `${f1(r.scroll.workP50)} / ${f1(r.scroll.workMax)}`,
          '',
          '',
        ],
        widths,
      ),
      row([`  rAF interval p95`, `${f1(r.scroll.intervalP95)} ms`, '', ''], widths),
    );
  }
  lines.push(
    row(
      [
        `renderer JS, gzip (${String(bundle.files)} files)`,
        `${f1(bundle.kb)} KB`,
        `${String(TARGETS.rendererJsKb)} KB`,
        check('renderer-js', bundle.kb, TARGETS.rendererJsKb),
      ],
      widths,
    ),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const failure of failures) process.stdout.write(`missed: ${failure}\n`);

  const part = (name: ScenarioName) => {
    const r = results[name];
    return `${name} first ${f1(r.firstRender.median)}ms filter ${f1(r.filter.median)}ms scroll-p95 ${f1(r.scroll.workP95)}ms`;
  };
  process.stdout.write(
    `bench:ui ${SCENARIOS.map(part).join(' · ')} · renderer-js ${f1(bundle.kb)}KB gz · ${failures.length === 0 ? 'PASS' : 'FAIL'}\n`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
