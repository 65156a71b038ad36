// Attacks on what a browser keeps of the preview's link (main/preview/credentials.ts): the address bar, the tab's
// history, and the profile on disk (History, Sessions, Tabs, caches), as another program or person at the machine
// would read them once the operator has opened the preview. Whatever credential they hold must open nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack } from '../../support/attack.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openPreview, type PreviewSession } from '../support/preview-session.ts';

let session: PreviewSession;
const profileDir = tempDir('card-desk-chromium-profile-');
let context: BrowserContext;
let page: Page;
/** The link as the preview printed it, and the credential it carries (its fragment's value). */
let link: string;
let linkSecret: string;
/** The session token the page got, if it traded the link for one. */
let sessionToken: string | undefined;

beforeAll(async () => {
  session = await openPreview();
  // A browser with a profile on disk, as an operator's own browser has.
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/auth/exchange') return;
    void response.json().then(
      (body: { value?: { token?: string } }) => (sessionToken = body.value?.token),
      () => undefined,
    );
  });
  link = await session.link();
  linkSecret = new URL(link).hash.replace(/^#[a-z]+=/, '');
  await page.goto(link);
  await page
    .getByTestId('active-profile-name')
    .filter({ hasText: /^Sandbox$/ })
    .waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await context.close().catch(() => undefined);
  await session.close();
});

/** What a credential found somewhere opens: the contract with it as the token, or a trade of it as a code. */
async function opensSomething(secret: string): Promise<boolean> {
  const origin = new URL(session.url).origin;
  const asToken = await fetch(`${origin}/api/app.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Card-Desk-Token': secret },
    body: '{}',
  });
  const asCode = await fetch(`${origin}/auth/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: secret }),
  });
  return asToken.status === 200 || asCode.status === 200;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
}

describe('what the browser keeps of the preview link', () => {
  it('the address bar and the tab history hold neither the code nor a token once the page has loaded', () =>
    attack('preview: credentials in the address bar and the tab history', async () => {
      const href = await page.evaluate(() => location.href);
      const cdp = await context.newCDPSession(page);
      const { entries } = await cdp.send('Page.getNavigationHistory');
      const seen = [href, ...entries.map((e) => e.url)].join('\n');
      expect(seen).toContain(new URL(session.url).origin);
      expect(seen).not.toContain(linkSecret);
      if (sessionToken !== undefined) expect(seen).not.toContain(sessionToken);
      expect(seen).not.toMatch(/[#?&](code|token)=/);
    }));

  it('a second tab opened with the used link gets nothing', () =>
    attack('preview: reopen a used link in another tab', async () => {
      const other = await context.newPage();
      await other.goto(link);
      await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/without its access token/);
      const reply = await other.evaluate(() =>
        (window as unknown as { cardDesk: { app: { info(a: object): Promise<unknown> } } }).cardDesk.app.info({}).then(
          () => 'answered',
          (e: unknown) => (e as { code?: string }).code,
        ),
      );
      expect(reply).toBe('preview_token_required');
      await other.close();
    }));

  it('the browser profile on disk (History, Sessions, Tabs, caches) holds nothing that opens the preview', () =>
    attack('preview: credentials read from the browser profile', async () => {
      // Closing the browser writes out its history and session files, as quitting it does.
      await context.close();
      const files = filesUnder(profileDir);
      const holding = (secret: string) => files.filter((f) => readFileSync(f).includes(secret));
      // The link itself is in the browser's History, as any visited address is: the attacker has it.
      expect(holding(linkSecret).map((f) => f.slice(profileDir.length))).toContain('/Default/History');
      expect(await opensSomething(linkSecret)).toBe(false);
      expect(sessionToken).toBeDefined();
      expect(holding(sessionToken ?? '')).toEqual([]);
    }));
});
