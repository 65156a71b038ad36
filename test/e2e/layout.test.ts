// Browser test of the frame at a small branch PC's screen, 1024×700 (docs/operator-ui.md, frame and navigation):
// every main screen is visited and nothing may stick out sideways or be cut (the page, a table, a cell, a
// label); the sections fold into an icon-only rail with Ctrl+B and stay folded across a lock.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { horizontalOverflow, mainScreens, seedClientAndCard, settle, type Seeded } from './support/main-screens.ts';
import { openApp, openAppIn, openPreview, type PreviewSession } from './support/preview-session.ts';

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

/** The texts of the rendered cells of `columns` (by place) that their cell, or a pill inside, cuts short. */
async function cutCells(table: string, columns: number[]): Promise<string[]> {
  const found = await page.getByTestId(table).evaluate((root, places) => {
    const isCut = (el: Element | null | undefined) => el instanceof HTMLElement && el.scrollWidth > el.clientWidth;
    const rows = [...root.querySelectorAll('tbody tr.vtable-row')];
    const cut = rows.flatMap((row) =>
      places.map((i) => row.children[i]).filter((td) => isCut(td) || isCut(td?.firstElementChild)),
    );
    return { rows: rows.length, cut: cut.map((td) => td?.textContent ?? '') };
  }, columns);
  expect(found.rows, table).toBeGreaterThan(0);
  return found.cut;
}

describe('at 1024×700', () => {
  // Kyrgyz has the longest words (a card status no column fits, cut inside its pill).
  it('no main screen overflows or cuts text sideways, in Kyrgyz, English and Russian', async () => {
    const problems: string[] = [];
    for (const language of ['ky', 'en', 'ru'] as const) {
      await openAppIn(session, language);
      for (const screen of mainScreens(seed)) {
        await screen.open(page);
        await settle(page);
        for (const problem of await horizontalOverflow(page)) problems.push(`${language} ${screen.name}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // Cut text has its tooltip (above); these columns an operator reads at a glance must not be cut at all.
  it("keeps a card's mask and status, and a statement's date, amount and RRN whole, scrollbar or not", async () => {
    // Enough cards for the client's list to scroll (a vertical scrollbar takes width from the columns), and the
    // seeded card active, with operations in its statement.
    await page.evaluate(async ({ clientId, cardId }) => {
      const api = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
      for (let i = 0; i < 10; i++) await api.cards.issue({ clientId });
      await api.cards.activate({ cardId });
    }, seed);
    const screens = mainScreens(seed);
    const open = async (name: string) => {
      await screens.find((screen) => screen.name === name)?.open(page);
      await settle(page);
    };
    const cut: string[] = [];
    // Kyrgyz "not activated" fits no column: it is cut inside its pill, whole on hover (the test above).
    const cardColumns = { ky: [0], en: [0, 1], ru: [0, 1] };
    for (const language of ['ky', 'en', 'ru'] as const) {
      await openAppIn(session, language);
      await open('client');
      await page.getByTestId('client-cards-refresh').click();
      await expect.poll(() => page.getByTestId('client-cards-count').textContent()).toMatch(/^11\D/);
      const list = page.getByTestId('client-cards').locator('.vtable-scroll');
      expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      cut.push(...(await cutCells('client-cards', cardColumns[language])).map((text) => `${language} card: ${text}`));
      await open('card');
      await expect.poll(() => page.getByTestId('statement-count').textContent()).toMatch(/^[1-9]/);
      cut.push(...(await cutCells('statement-table', [0, 2, 7])).map((text) => `${language} statement: ${text}`));
    }
    expect(cut).toEqual([]);
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
