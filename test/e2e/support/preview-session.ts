// One browser session against the real preview server (main/preview/cli.ts, as `npm run preview` starts it) and
// its embedded sandbox, in Debian Chromium through playwright-core. Each test file opens its own session with its
// own data folder; the renderer is built once by build-renderer.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screens');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

export interface PreviewSession {
  url: string;
  dataDir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  consoleErrors: string[];
  /** Every contract call the page made, as JSON text: for leak scans. */
  ipcPayloads: string[];
  sandboxUrl(): string;
  close(): Promise<void>;
}

function startPreview(dataDir: string, rendererDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'main/preview/cli.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARD_DESK_DATA_DIR: dataDir } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const match = /^Card Desk preview: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43})$/.exec(line);
      if (match?.[1] === undefined) reject(new Error(`unexpected first line from the preview: ${line}`));
      else resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => {
      reject(new Error(`the preview exited (${String(code)}) before printing its URL: ${stderr}`));
    });
  });
}

export async function openPreview(
  options: { viewport?: { width: number; height: number }; dataDir?: string } = {},
): Promise<PreviewSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  }
  const dataDir = options.dataDir ?? tempDir('card-desk-e2e-data-');
  const { child, url } = await startPreview(dataDir, inject('rendererDir'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const ipcPayloads: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) ipcPayloads.push(request.postData() ?? '');
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && !response.url().includes('/api/events')) {
      response.text().then(
        (text) => ipcPayloads.push(text),
        () => undefined,
      );
    }
  });
  return {
    url,
    dataDir,
    browser,
    context,
    page,
    consoleErrors,
    ipcPayloads,
    sandboxUrl() {
      const instance = JSON.parse(readFileSync(join(dataDir, 'sandbox-instance.json'), 'utf8')) as {
        url: string | null;
      };
      if (instance.url === null) throw new Error('the embedded sandbox has not started yet');
      return instance.url;
    },
    async close() {
      await browser.close();
      if (child.exitCode === null) {
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    },
  };
}

/** Runs axe-core in the page (evaluate is not subject to the page's CSP) and returns serious/critical violations. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${String(v.impact)}): ${v.nodes.slice(0, 3).join(', ')}`);
}

/** Saves `test-results/screens/<name>.png` (the whole page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The embedded sandbox's fault API (SPEC §9). */
export async function injectFault(
  session: PreviewSession,
  next: { op: string; kind: string; count?: number }[],
  latencyMs?: number,
): Promise<void> {
  const response = await fetch(`${session.sandboxUrl()}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...(latencyMs === undefined ? {} : { latency_ms: latencyMs }), next }),
  });
  expect(response.status).toBe(200);
}

export async function clearFaults(session: PreviewSession): Promise<void> {
  await fetch(`${session.sandboxUrl()}/_sandbox/faults`, { method: 'DELETE' });
}

/** The newest one-time code the sandbox sent to a phone (digits without +). */
export async function latestCode(session: PreviewSession, phone: string): Promise<string> {
  const response = await fetch(`${session.sandboxUrl()}/_sandbox/outbox?phone=${phone}`);
  const messages = (await response.json()) as { code?: string }[];
  const code = messages.filter((m) => m.code !== undefined).at(-1)?.code;
  if (code === undefined) throw new Error(`no code in the sandbox outbox for ${phone}`);
  return code;
}

/** Opens the app, waits until the frame is there (profile loaded), and returns the page. */
export async function openApp(session: PreviewSession): Promise<Page> {
  await session.page.goto(session.url);
  await expect
    .poll(() => session.page.getByTestId('active-profile-name').textContent(), { timeout: 15_000 })
    .toBe('Sandbox');
  return session.page;
}
