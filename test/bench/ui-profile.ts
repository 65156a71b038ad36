// Profiling aid for bench:ui (not a benchmark): builds the bench page, mounts one scenario's 100,000 rows, scrolls
// it from top to bottom under the V8 sampling profiler and a Blink trace, and prints where the main thread's time
// went: the hottest JavaScript functions (self time) and the rendering phases (style, layout, paint, …).
// Usage: npx node test/bench/ui-profile.ts [cards|statement]. SWAP=<file> builds the page with another
// VirtualTable (compare two versions in the same conditions); KEEP=1 keeps the unminified build to read;
// JS=0 leaves the sampling profiler off (it slows JavaScript down), for the CPU per frame and the phases alone.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { ScenarioName } from '../../renderer/bench/bench-api.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';
import { MARKS } from '../../renderer/bench/bench-api.ts';
import { cpuPerWindow, traceEvents } from './trace-cpu.ts';
import { percentile } from './stats.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const scenario = (process.argv[2] ?? 'statement') as ScenarioName;
const sampling = process.env.JS !== '0';
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const work = mkdtempSync(join(tmpdir(), 'card-desk-ui-profile-'));
try {
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    configFile: join(ROOT, 'vite.bench.config.ts'),
    logLevel: 'silent',
    build: { outDir: work, emptyOutDir: true, minify: false },
    // SWAP=<file>: build the page with another VirtualTable (an A/B comparison in the same conditions).
    plugins:
      process.env.SWAP === undefined
        ? []
        : [
            {
              name: 'swap',
              enforce: 'pre',
              resolveId: (id) =>
                id.endsWith('/components/VirtualTable.tsx') ? join(ROOT, process.env.SWAP!) : undefined,
            },
          ],
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(work, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(work + sep) || !existsSync(file) || !statSync(file).isFile())
      return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`);
  await page.waitForFunction(() => window.cardDeskBench !== undefined);
  await page.evaluate(() => window.cardDeskBench?.ready);
  await page.evaluate((n) => window.cardDeskBench!.mount(n), scenario);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'blink.user_timing'] });
  if (sampling) await cdp.send('Profiler.start');
  const result = await page.evaluate(() => window.cardDeskBench!.scroll());
  const profile: Profile = sampling ? (await cdp.send('Profiler.stop')).profile : { nodes: [] };
  const events = traceEvents(await browser.stopTracing());
  await browser.close();
  server.close();

  const micros = new Map<number, number>();
  profile.samples?.forEach((id, i) => micros.set(id, (micros.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${String(f.lineNumber)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (micros.get(node.id) ?? 0));
  }
  const frames = result.frames;
  process.stdout.write(
    `${scenario}: ${String(frames)} frames, wall work p50 ${result.workP50.toFixed(1)} p95 ${result.workP95.toFixed(1)} ms\n`,
  );
  const cpu = cpuPerWindow(events, MARKS.scroll);
  const mean = cpu.reduce((sum, ms) => sum + ms, 0) / cpu.length;
  const profiled = sampling ? ' (the sampling profiler on: JS=0 for true figures)' : '';
  process.stdout.write(
    `CPU per frame (trace) mean ${mean.toFixed(2)} p50 ${percentile(cpu, 50).toFixed(1)} p95 ${percentile(cpu, 95).toFixed(1)} ms${profiled}\n`,
  );
  if (sampling) process.stdout.write('JavaScript self time per frame (µs), top 30:\n');
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30))
    process.stdout.write(`  ${(us / frames).toFixed(0).padStart(6)}  ${key}\n`);
  // The renderer's main thread only (where the page's marks are): other threads' work does not delay a frame.
  const main = events.find((e) => e.name.startsWith('bench-scroll-'));
  const phases = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.dur !== undefined && e.pid === main?.pid && e.tid === main.tid)
      phases.set(e.name, (phases.get(e.name) ?? 0) + (e.tdur ?? e.dur));
  const recalcs = events.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X');
  const elements = recalcs.reduce(
    (sum, e) => sum + ((e as { args?: { elementCount?: number } }).args?.elementCount ?? 0),
    0,
  );
  process.stdout.write(
    `style recalcs: ${String(recalcs.length)}, elements restyled per frame: ${(elements / frames).toFixed(0)}\n`,
  );
  process.stdout.write('Main-thread trace events (thread µs per frame, nested ones overlap), top 20:\n');
  for (const [name, us] of [...phases].sort((a, b) => b[1] - a[1]).slice(0, 20))
    process.stdout.write(`  ${(us / frames).toFixed(0).padStart(6)}  ${name}\n`);
} finally {
  if (process.env.KEEP === undefined) rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`kept ${work}\n`);
}
