// The time from opening the preview's link to the first screen on screen, in Chromium, as an operator opens the
// app: the real preview server (main/preview/cli.ts, a fresh data folder) serving a production renderer build.
// "On screen" is the first animation frame in which a screen's heading (an h1: a section's or the lock screen's)
// is in the document, timed from the navigation's start (performance.now()'s origin). Each run opens its link
// in a new browser context, so nothing is cached between runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';
import { startPreviewProcess } from '../support/preview-links.ts';

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
  const preview = startPreviewProcess(rendererDir, dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const link = await preview.next();
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
    await preview.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
