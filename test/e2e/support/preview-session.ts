// One browser session against the real preview server (main/preview/cli.ts, as `npm run preview` starts it) and
// its embedded sandbox, in Debian Chromium through playwright-core. Each test file opens its own session with its
// own data folder; the renderer is built once by build-renderer.ts.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { ApprovableMethod, CardDeskApi, Language } from '../../../common/contract/index.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium.ts';
import { startPreviewProcess, type PreviewProcess } from '../../support/preview-links.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { prepareDataDir } from './data-template.ts';
import { previewApi, signInAdmin, type Call } from './preview-operators.ts';
import { browserStorage, expectNoLeaks, type IpcRecord } from './session-leaks.ts';

export type { IpcRecord } from './session-leaks.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screens');

export interface PreviewSession {
  /** The preview's address without a code (`http://127.0.0.1:<port>/`): it opens nothing by itself. */
  url: string;
  /**
   * The next link the preview printed, each handed out once: a link opens the preview once, and the preview prints
   * the next one when it has been used (main/preview/index.ts). Open every link you take.
   */
  link(): Promise<string>;
  dataDir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  consoleErrors: string[];
  /** Every contract call the page made and its answer, as JSON text. */
  ipcPayloads: string[];
  /** The same, with the method and direction: the leak scan at close knows what docs/card-api.md, sensitive data allows where. */
  ipcRecords: IpcRecord[];
  sandboxUrl(): string;
  /** Signs the test administrator in through the preview's own API unless someone is (see openPreview). */
  signIn(): Promise<void>;
  close(): Promise<void>;
}

/** The preview on `dataDir`, and its address (without a code: it opens nothing by itself) and first link. */
async function startPreview(
  dataDir: string,
  rendererDir: string,
): Promise<{ preview: PreviewProcess; url: string; firstLink: string }> {
  const preview = startPreviewProcess(rendererDir, dataDir);
  const firstLink = await preview.next();
  return { preview, url: `${new URL(firstLink).origin}/`, firstLink };
}

export interface PreviewOptions {
  viewport?: { width: number; height: number };
  dataDir?: string;
  /**
   * Sign the test administrator (every role) in before the page loads, so a test starts in the app as before
   * operators existed (default). false: the page meets the first-start or sign-in screen.
   */
  signIn?: boolean;
  /**
   * The actions under dual control, set as the administrator's provisioned policy before the preview starts:
   * none by default, so a test acts alone; 'default' leaves the built-in choice.
   */
  dualControl?: readonly ApprovableMethod[] | 'default';
  /** The operator's language, set before the page first loads (as the administrator: needs signIn). */
  language?: 'en' | 'ru' | 'kk' | 'ky' | 'uz';
}

/** A Chromium of the file's own, with one context and page. */
async function openBrowser(viewport: { width: number; height: number }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport });
  return { browser, context, page: await context.newPage() };
}

export async function openPreview(options: PreviewOptions = {}): Promise<PreviewSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  }
  // Chromium starts while the data folder is made, the preview starts and signs the administrator in.
  const opened = openBrowser(options.viewport ?? { width: 1280, height: 800 });
  const dataDir = options.dataDir ?? tempDir('card-desk-e2e-data-');
  const signIn = options.signIn ?? true;
  let started: { preview: PreviewProcess; url: string; call: Call };
  try {
    await prepareDataDir(dataDir, options.dataDir === undefined, options.dualControl ?? []);
    const { preview, url, firstLink } = await startPreview(dataDir, inject('rendererDir'));
    started = { preview, url, call: await previewApi(url, firstLink) };
    if (signIn) await signInAdmin(started.call);
    const language = options.language && (await started.call('settings.update', { language: options.language }));
    if (language && !language.ok) throw new Error(`setting the language: ${language.error?.code ?? '?'}`);
  } catch (error) {
    void opened.then(({ browser }) => browser.close()).catch(() => undefined);
    throw error;
  }
  const { preview, url, call } = started;
  const { browser, context, page } = await opened;
  const consoleErrors: string[] = [];
  const ipcPayloads: string[] = [];
  const ipcRecords: IpcRecord[] = [];
  const pendingReads: Promise<unknown>[] = [];
  const methodOf = (url: string): string | undefined => {
    const path = new URL(url).pathname;
    return path.startsWith('/api/') && path !== '/api/events' ? path.slice('/api/'.length) : undefined;
  };
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const method = methodOf(request.url());
    if (method === undefined) return;
    const text = request.postData() ?? '';
    ipcPayloads.push(text);
    ipcRecords.push({ method, kind: 'request', text });
  });
  page.on('response', (response) => {
    const method = methodOf(response.url());
    if (method === undefined) return;
    pendingReads.push(
      response.text().then(
        (text) => {
          ipcPayloads.push(text);
          ipcRecords.push({ method, kind: 'response', text });
        },
        () => undefined,
      ),
    );
  });
  return {
    url,
    link: () => preview.next(),
    dataDir,
    browser,
    context,
    page,
    consoleErrors,
    ipcPayloads,
    ipcRecords,
    sandboxUrl() {
      const instance = JSON.parse(readFileSync(join(dataDir, 'sandbox-instance.json'), 'utf8')) as {
        url: string | null;
      };
      if (instance.url === null) throw new Error('the embedded sandbox has not started yet');
      return instance.url;
    },
    signIn: () => (signIn ? signInAdmin(call) : Promise.resolve()),
    async close() {
      await Promise.allSettled(pendingReads);
      const storage = await browserStorage(page);
      await browser.close();
      // Stopped here, it exits cleanly.
      const code = await preview.stop();
      if (code !== undefined) expect(code).toBe(0);
      // The leak scan: data folder, the preview's output, browser storage, every IPC payload but the few
      // docs/card-api.md, sensitive data allows.
      expectNoLeaks({ dataDir, output: preview.output(), storage, ipcRecords });
    },
  };
}

/** Runs axe-core in the page (evaluate is not subject to the page's CSP) and returns serious/critical violations,
 * once transitions have finished: a half-faded dialog or button would read as low contrast. A spinner's endless
 * animation is not waited for. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const ending = () =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0)).length;
  await expect.poll(() => page.evaluate(ending)).toBe(0);
  // Once per document (it stays until the next navigation): parsing axe's source again was half of each check.
  if (await page.evaluate(() => !('axe' in window))) await page.evaluate(axe.source);
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

/** 0 serious violations. */
export async function expectStillAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Opens a section with its own shortcut, as the navigation shows it (Alt+<n>). */
export async function openWithShortcut(page: Page, section: string): Promise<void> {
  const shortcut = await page
    .getByTestId(`nav-${section}`)
    .getByText(/^Alt\+\d$/)
    .textContent();
  await page.keyboard.press(shortcut ?? '');
}

/** Saves `test-results/screens/<name>.png` (the whole page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The embedded sandbox's fault API (docs/card-api.md, sandbox). */
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

/** Opens the app, waits until the frame is there (profile loaded), and returns the page. Works in hooks too. */
export async function openApp(session: PreviewSession): Promise<Page> {
  // A test that locked the session or switched operator comes back to the app as the administrator.
  await session.signIn();
  // A fresh document with a fresh link: going from the app's own address to a link would only change the hash.
  await session.page.goto('about:blank');
  await session.page.goto(await session.link());
  await session.page
    .getByTestId('active-profile-name')
    .filter({ hasText: /^Sandbox$/ })
    .waitFor({ timeout: 15_000 });
  return session.page;
}

/** Sets the operator's language and opens the app again in it: the app reads the language at start. */
export async function openAppIn(session: PreviewSession, language: Language): Promise<Page> {
  await session.page.evaluate(
    (lng) => (window as unknown as { cardDesk: CardDeskApi }).cardDesk.settings.update({ language: lng }),
    language,
  );
  return openApp(session);
}
