// The bench page of bench:ui (renderer/bench), built and measured in Chromium: see ui-bench.ts for what is measured.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import {
  MARKS,
  type FilterResult,
  type FirstRenderResult,
  type ScenarioName,
  type ScrollResult,
} from '../../renderer/bench/bench-api.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';
import { CPU_TRACE_CATEGORIES, cpuPerWindow, traceEvents } from './trace-cpu.ts';

const ROOT = join(import.meta.dirname, '..', '..');
export const SCENARIOS: ScenarioName[] = ['cards', 'statement'];

export interface ScenarioResult {
  searchIndexMs: number;
  firstRender: FirstRenderResult;
  filter: FilterResult;
  scroll: ScrollResult;
  /** Main-thread CPU ms per measured window (from the trace): mounts, filters, scrolled frames. */
  cpu: { first: number[]; filter: number[]; scroll: number[] };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The page must answer within `ms`: a measurement that never settles fails the run instead of hanging it. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`bench:ui: ${what} did not finish within ${String(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Vite builds in production mode only with NODE_ENV=production (React's production build). */
export async function viteBuild(configFile: string, outDir: string, manifest = false): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      configFile: join(ROOT, configFile),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
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
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(server);
    });
  });
}

export async function measurePage(dir: string): Promise<Record<ScenarioName, ScenarioResult>> {
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
    await within(
      30_000,
      'the page start',
      page.evaluate(() => window.cardDeskBench?.ready),
    );
    const results = {} as Record<ScenarioName, ScenarioResult>;
    for (const name of SCENARIOS) {
      const step = <T>(what: string, run: () => Promise<T>) => within(180_000, `${name} ${what}`, run());
      const searchIndexMs = await step('search index', () =>
        page.evaluate((n) => window.cardDeskBench!.searchIndexMs(n), name),
      );
      await browser.startTracing(page, { categories: CPU_TRACE_CATEGORIES });
      const firstRender = await step('first render', () =>
        page.evaluate((n) => window.cardDeskBench!.firstRender(n), name),
      );
      const filter = await step('filter', () => page.evaluate((n) => window.cardDeskBench!.filter(n), name));
      const scroll = await step('scroll', () => page.evaluate(() => window.cardDeskBench!.scroll()));
      const events = traceEvents(await browser.stopTracing());
      await page.evaluate(() => window.cardDeskBench!.clear());
      results[name] = {
        searchIndexMs,
        firstRender,
        filter,
        scroll,
        cpu: {
          first: cpuPerWindow(events, MARKS.first),
          filter: cpuPerWindow(events, MARKS.filter),
          scroll: cpuPerWindow(events, MARKS.scroll),
        },
      };
    }
    if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}
