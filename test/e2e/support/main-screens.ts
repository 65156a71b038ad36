// Every main screen of the app, reached as an operator reaches it, for the layout test at 1024×700 and the
// screenshots in every language (test/e2e/layout.test.ts, test/e2e/screenshots.test.ts).
import type { Page } from 'playwright-core';
import type { CardDeskApi } from '../../../common/contract/index.ts';

export interface Seeded {
  clientId: string;
  cardId: string;
}

/** A client (product 2000) and a virtual card, through the bridge, so the client and card pages have data. */
export async function seedClientAndCard(page: Page): Promise<Seeded> {
  const setup = await page.evaluate(async () => {
    const api = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
    const client = await api.clients.create({
      draft: {
        product_id: 2000,
        client: { phone: 77012345670, type: 1, resident: 1, first_name: 'Aigerim', last_name: 'Nurlanova' },
      },
    });
    if (client.kind !== 'done') return { error: JSON.stringify(client) };
    const clientId = String(client.result.client_id);
    const card = await api.cards.issue({ clientId });
    if (card.kind !== 'done') return { error: JSON.stringify(card) };
    const cards = card.result.cards as { card_id: string }[];
    return { clientId, cardId: cards[0]?.card_id ?? '' };
  });
  if ('error' in setup) throw new Error(`setup failed: ${setup.error}`);
  return setup;
}

/**
 * Waits until no loader is left on the page, the fonts are in, no transition or animation runs, and two frames
 * have been laid out: what is measured or pictured then is the settled screen (a fixed pause instead cost
 * 150 ms a screen and proved none of it).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.mantine-Loader-root').length === 0 &&
      document.fonts.status === 'loaded' &&
      document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve();
          });
        });
      }),
  );
}

export interface MainScreen {
  name: string;
  open: (page: Page) => Promise<void>;
}

async function section(page: Page, name: string, ready: string): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
  await page.getByTestId(ready).first().waitFor();
}

/** The main screens in the order an operator meets them: sections, the client and card pages, journal and settings tabs. */
export function mainScreens(seed: Seeded): MainScreen[] {
  const settingsTab = (tab: string): MainScreen => ({
    name: `settings-${tab}`,
    open: async (page) => {
      await section(page, 'settings', 'settings-screen');
      await page.getByTestId(`settings-tab-${tab}`).click();
      await page.getByTestId(`settings-panel-${tab}`).waitFor();
    },
  });
  return [
    { name: 'clients', open: (page) => section(page, 'clients', 'open-client-id') },
    {
      name: 'client',
      open: async (page) => {
        await section(page, 'clients', 'open-client-id');
        await page.getByTestId('open-client-id').fill(seed.clientId);
        await page.getByTestId('open-client-id').press('Enter');
        await page.getByTestId('client-back').waitFor();
      },
    },
    { name: 'cards', open: (page) => section(page, 'cards', 'open-card-id') },
    {
      name: 'card',
      open: async (page) => {
        await section(page, 'cards', 'open-card-id');
        await page.getByTestId('open-card-id').fill(seed.cardId);
        await page.getByTestId('open-card-id').press('Enter');
        await page.getByTestId('card-summary').waitFor();
      },
    },
    { name: 'requests', open: (page) => section(page, 'requests', 'requests-screen') },
    { name: 'bulk', open: (page) => section(page, 'bulk', 'bulk-screen') },
    { name: 'gift', open: (page) => section(page, 'gift', 'gift-issue-form') },
    {
      name: 'journal-operations',
      open: async (page) => {
        await section(page, 'journal', 'journal-screen');
        await page.getByTestId('tab-operations').click();
      },
    },
    {
      name: 'journal-audit',
      open: async (page) => {
        await section(page, 'journal', 'journal-screen');
        await page.getByTestId('tab-audit').click();
      },
    },
    ...['profiles', 'secret', 'preferences', 'security', 'operators', 'about'].map(settingsTab),
  ];
}

/**
 * What sticks out sideways: the document wider than the window, a scrolling box (a table's) wider than its
 * frame, an element past the window's right edge, and table cells or labels whose text is cut (unless the cell
 * shows the whole text as its title, or a table's cell does on hover).
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : cls ? `.${cls}` : ''} "${el.textContent.trim().slice(0, 40)}"`;
    };
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page ${String(doc.scrollWidth)} > ${String(doc.clientWidth)}`);
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
      // Visually hidden text for screen readers is a 1 px box by design.
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
        // A cell that shortens a long text with an ellipsis is fine when the whole text is in its title.
        const text = el.textContent.trim();
        // No text, nothing cut: a switch's track hides its thumb's travel.
        if (text === '') continue;
        // A virtual table's cell gets that title while the pointer rests on it (use-cut-text-title.ts).
        const hovered = el.closest('.vtable tbody') !== null;
        if (hovered) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        const titled = el.closest('[title]') ?? el.querySelector('[title]');
        const whole = titled?.getAttribute('title')?.trim() === text;
        if (hovered) el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
        if (whole) continue;
        out.push(`cut ${name(el)}: ${String(el.scrollWidth)} > ${String(el.clientWidth)}`);
        continue;
      }
      let clipped = false;
      for (let up = el.parentElement; up !== null && !clipped; up = up.parentElement) {
        clipped = getComputedStyle(up).overflowX !== 'visible';
      }
      const rect = el.getBoundingClientRect();
      if (!clipped && rect.width > 0 && rect.right > doc.clientWidth + 1 && style.position !== 'fixed') {
        out.push(`past the edge ${name(el)}: right ${String(Math.round(rect.right))}`);
      }
    }
    return out;
  });
}
