// Browser test (ARCHITECTURE §6): Playwright drives the real renderer in Debian Chromium through the preview
// server, started as `npm run preview` starts it (main/preview/cli.ts) and opened at the URL it prints.
// Chromium is required: CI installs it (TOOLCHAIN.md); a missing browser fails this file, it is not skipped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, splitMethod } from '../../preload/contract.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
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
const SCREENSHOT = join(ROOT, 'test-results', 'preview-home.png');

const rendererDir = tempDir('card-desk-e2e-renderer-');
const dataDir = tempDir('card-desk-e2e-data-');
let server: ChildProcess | undefined;
let url = '';
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

/** Starts the preview CLI and resolves with the one line it prints on stdout. */
function startPreviewProcess(): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'main/preview/cli.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARD_DESK_DATA_DIR: dataDir } },
  );
  server = child;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`the preview exited (${String(code)}) before printing its URL: ${stderr}`));
    });
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH`,
    );
  }
  await build({
    configFile: join(ROOT, 'vite.renderer.config.ts'),
    logLevel: 'silent',
    build: { outDir: rendererDir, emptyOutDir: true },
  });
  const line = await startPreviewProcess();
  const match = /^Card Desk preview: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43})$/.exec(line);
  expect(match, line).not.toBeNull();
  url = match?.[1] ?? '';
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});

describe('the renderer in Chromium through the preview', () => {
  it('shows the app, the Sandbox profile and its environment, and tests the connection', async () => {
    await page.goto(url);
    await expect.poll(() => page.getByTestId('transport').textContent()).toBe('preview');
    await expect.poll(() => page.getByTestId('active-profile-name').textContent()).toBe('Sandbox');
    const badge = page.getByTestId('active-profile').getByTestId('environment-badge');
    expect(await badge.getAttribute('data-environment')).toBe('sandbox');
    expect(await badge.textContent()).toBe('Sandbox');
    // The environment has its own colour (sandbox green), not the default text colour.
    const colour = await page.evaluate(
      `getComputedStyle(document.querySelector('[data-testid="active-profile"] [data-testid="environment-badge"]')).color`,
    );
    expect(colour).toBe('rgb(30, 123, 60)');
    expect(await page.getByTestId('lock-state').textContent()).toBe('Unlocked');
    await expect.poll(() => page.getByTestId('profiles').locator('li').count()).toBe(1);

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByTestId('test-result').textContent(), { timeout: 15_000 })
      .toMatch(/signature accepted/i);

    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('has the contract bridge, no token in the address bar and nothing in web storage', async () => {
    const groups = await page.evaluate('Object.keys(window.cardDesk).sort()');
    // Every group of the contract, and `on` for events: nothing more, nothing less.
    const expected = [...new Set(METHOD_NAMES.map((name) => splitMethod(name)[0])), 'on'].sort();
    expect(groups).toEqual(expected);
    expect(await page.evaluate('typeof window.cardDesk.cards.block')).toBe('function');
    expect(await page.evaluate('Object.isFrozen(window.cardDesk)')).toBe(true);
    expect(await page.evaluate('location.hash')).toBe('');
    expect(await page.evaluate('location.href')).not.toContain('token');
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('calls the contract from the page and gets its typed errors', async () => {
    const info = await page.evaluate('window.cardDesk.app.info({})');
    expect(info).toMatchObject({ transport: 'preview', electron: null });
    const refused = await page.evaluate(
      'window.cardDesk.profiles.switch({ profileId: "kz-nowhere" }).then(() => "ok", (e) => e.name + ":" + e.code)',
    );
    expect(refused).toBe('CardDeskError:preview_sandbox_only');
  });

  it('receives contract events over the shared event stream', async () => {
    const event = await page.evaluate(`new Promise((resolve) => {
      const off = window.cardDesk.on('profiles.switched', (payload) => { off(); resolve(payload); });
      setTimeout(() => window.cardDesk.profiles.switch({ profileId: 'sandbox' }), 200);
    })`);
    expect(event).toEqual({ profileId: 'sandbox' });
  });

  it('refuses a page opened without the token', async () => {
    const origin = new URL(url).origin;
    const fresh = await browser!.newPage();
    await fresh.goto(`${origin}/`);
    await expect.poll(() => fresh.getByRole('alert').textContent()).toMatch(/preview_token_required/);
    await fresh.close();
  });
});
