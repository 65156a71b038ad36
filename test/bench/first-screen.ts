// The time from opening the preview's link to the first screen on screen, in Chromium, as an operator opens the
// app: the real preview server (main/preview/cli.ts, a fresh data folder) serving a production renderer build.
// "On screen" is the first animation frame in which a screen's heading (an h1: a section's or the lock screen's)
// is in the document, timed from the navigation's start (performance.now()'s origin). Each run opens its link
// in a new browser context, so nothing is cached between runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const LINK_LINE = /^Card Desk preview: (http:\/\/127\.0\.0\.1:\d+\/#code=[A-Za-z0-9_-]+)$/;

declare global {
  interface Window {
    cardDeskFirstScreenAt?: number;
  }
}

/** Runs in the page before its scripts: notes the first frame that shows a screen heading. */
function watchFirstScreen(): void {
  const look = (): void => {
    if (document.querySelector('h1') !== null) window.cardDeskFirstScreenAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** Milliseconds from navigation start to the first screen, once per run (each a fresh context). */
export async function firstScreenMs(rendererDir: string, runs: number): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'card-desk-bench-first-screen-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'main/preview/cli.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARD_DESK_DATA_DIR: dataDir } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const links: string[] = [];
  const waiting: ((link: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const link = LINK_LINE.exec(line)?.[1];
    if (link === undefined) return;
    const waiter = waiting.shift();
    if (waiter === undefined) links.push(link);
    else waiter(link);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the preview exited (${String(code)}): ${stderr}`));
    });
  });
  exited.catch(() => undefined); // also when it exits after the runs, at our own kill
  const nextLink = () =>
    Promise.race([
      exited,
      new Promise<string>((resolve) => {
        const link = links.shift();
        if (link === undefined) waiting.push(resolve);
        else resolve(link);
      }),
    ]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const link = await nextLink();
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(watchFirstScreen);
      await page.goto(link);
      await page.waitForFunction(() => window.cardDeskFirstScreenAt !== undefined, undefined, { timeout: 30_000 });
      samples.push(await page.evaluate(() => window.cardDeskFirstScreenAt ?? Number.NaN));
      await context.close();
    }
    return samples;
  } finally {
    await browser.close();
    if (child.exitCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
