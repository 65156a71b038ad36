// Browser test of the frame at a small branch PC's screen, 1024×700 (docs/operator-ui.md, frame and navigation):
// every main screen is visited and nothing may stick out sideways or be cut (the page, a table, a cell, a
// label); the sections fold into an icon-only rail with Ctrl+B and stay folded across a lock.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { horizontalOverflow, mainScreens, seedClientAndCard, settle, type Seeded } from './support/main-screens.ts';
import { openApp, openPreview, type PreviewSession } from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
let seed: Seeded;

// The data comes through the bridge, so the language does not matter here: the first test sets it per screen.
beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 } });
  page = await openApp(session);
  page.setDefaultTimeout(10_000);
  seed = await seedClientAndCard(page);
});

afterAll(async () => {
  await session.close();
});

describe('at 1024×700', () => {
  // Kyrgyz has the longest words (a card status no column fits, cut inside its pill).
  it('no main screen overflows or cuts text sideways, in Kyrgyz, English and Russian', async () => {
    const problems: string[] = [];
    for (const language of ['ky', 'en', 'ru'] as const) {
      await page.evaluate(
        (lng) => (window as unknown as { cardDesk: CardDeskApi }).cardDesk.settings.update({ language: lng }),
        language,
      );
      await openApp(session);
      for (const screen of mainScreens(seed)) {
        await screen.open(page);
        await settle(page);
        for (const problem of await horizontalOverflow(page)) problems.push(`${language} ${screen.name}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('folds the sections into an icon-only rail with Ctrl+B, and the screen gets the width', async () => {
    await page.getByTestId('nav-requests').click();
    const mainWidth = (): Promise<number> => page.locator('#main').evaluate((el) => el.clientWidth);
    const wide = await mainWidth();
    await page.keyboard.press('Control+b');
    await expect.poll(() => page.getByTestId('frame').getAttribute('data-rail')).toBe('true');
    expect(await mainWidth()).toBeGreaterThan(wide + 100);
    // The links keep their names and shortcuts for keyboard and screen-reader users.
    expect(
      await page
        .getByRole('button', { name: 'Запросы' })
        .or(page.getByRole('button', { name: 'Requests' }))
        .count(),
    ).toBe(1);
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.getByTestId('nav-clients').getAttribute('aria-current')).toBe('page');
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByTestId('nav-toggle').click();
    await expect.poll(() => page.getByTestId('frame').getAttribute('data-rail')).toBe('false');
  });
});
