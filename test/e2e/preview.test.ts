// Browser test (docs/architecture.md, tests): the real renderer in Debian Chromium through the preview server, started as
// `npm run preview` starts it. The frame: profile, environment colour, connection; the bridge and its hygiene.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, splitMethod } from '../../common/contract/index.ts';
import {
  openApp,
  openPreview,
  screenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;

beforeAll(async () => {
  session = await openPreview();
});

afterAll(async () => {
  await session.close();
});

describe('the renderer in Chromium through the preview', () => {
  it('shows the frame: the Sandbox profile in its colour, the connection checked, no CSP violation', async () => {
    const page = await openApp(session);
    const badge = page.getByTestId('active-profile').getByTestId('environment-badge');
    expect(await badge.getAttribute('data-environment')).toBe('sandbox');
    // The environment has its own colour (sandbox green), not the default text colour.
    expect(await badge.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(30, 123, 60)');
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('online');
    await screenshot(page, 'frame');
    expect(session.consoleErrors).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('has the contract bridge, no token in the address bar and nothing in web storage', async () => {
    const page = session.page;
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
    const page = session.page;
    const info = await page.evaluate('window.cardDesk.app.info({})');
    expect(info).toMatchObject({ transport: 'preview', electron: null });
    const refused = await page.evaluate(
      'window.cardDesk.profiles.switch({ profileId: "kz-nowhere" }).then(() => "ok", (e) => e.name + ":" + e.code)',
    );
    expect(refused).toBe('CardDeskError:preview_sandbox_only');
  });

  it('receives contract events over the shared event stream', async () => {
    const event = await session.page.evaluate(`new Promise((resolve) => {
      const off = window.cardDesk.on('profiles.switched', (payload) => { off(); resolve(payload); });
      setTimeout(() => window.cardDesk.profiles.switch({ profileId: 'sandbox' }), 200);
    })`);
    expect(event).toEqual({ profileId: 'sandbox' });
  });

  it('refuses a page opened without the token, in words', async () => {
    const origin = new URL(session.url).origin;
    const fresh = await session.browser.newPage();
    await fresh.goto(`${origin}/`);
    await expect.poll(() => fresh.getByRole('alert').textContent()).toMatch(/without its access token/);
    await fresh.close();
  });
});
