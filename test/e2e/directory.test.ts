// Browser test of finding a client or a card (docs/operator-ui.md): a client and a card made in the preview are
// found from the frame's search box by last four, phone, name fragment and whole card number, and Enter opens the
// result; the client page shows the client's data as this workstation knows it, and an unknown client id offers
// no actions.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import {
  openApp,
  openPreview,
  screenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
const made = { clientId: '', cardId: '', pan: '', mask: '' };

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 } });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await openApp(session);
  // The client and its card are made through the same contract the screens use; finding them is what is tested.
  Object.assign(
    made,
    await page.evaluate(async () => {
      const { cardDesk } = window as unknown as { cardDesk: CardDeskApi };
      const done = (o: { kind: string; result?: unknown }): unknown => {
        if (o.kind !== 'done') throw new Error(JSON.stringify(o));
        return o.result;
      };
      const draft = {
        product_id: 2000,
        client: {
          phone: 77017773344,
          type: 1,
          resident: 1,
          first_name: 'Madina',
          last_name: 'Zhaksylykova',
          birthdate: '1988-07-15',
          person_id: '880715400777',
        },
      } as const;
      const clientId = (done(await cardDesk.clients.create({ draft })) as { client_id: string }).client_id;
      const cardId =
        (done(await cardDesk.cards.issue({ clientId })) as { cards: { card_id: string }[] }).cards[0]?.card_id ?? '';
      const mask = (done(await cardDesk.cards.info({ cardId })) as { card: { card_mask: string } }).card.card_mask;
      const secret = await cardDesk.cards.revealSecret({ cardId, reason: 'client_verification' });
      const pan = (done(secret) as { pan: string }).pan;
      await cardDesk.cards.concealSecret({});
      return { clientId, cardId, pan, mask };
    }),
  );
}, 60_000);

afterAll(async () => {
  await session.close();
});

async function searchFor(text: string): Promise<string[]> {
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('directory-search-input');
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  const hits = page.getByTestId('directory-hit');
  // The hits of a previous search stay until this one's answer replaces them: clear them first.
  await input.fill('');
  await expect.poll(() => hits.count()).toBe(0);
  await input.fill(text);
  await hits.first().waitFor();
  return hits.evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-kind') ?? ''}:${el.getAttribute('data-id') ?? ''}`),
  );
}

describe('finding a client or a card', () => {
  it('finds the card by its last four digits, with its mask and status', async () => {
    expect(await searchFor(made.pan.slice(-4))).toContain(`card:${made.cardId}`);
    const hit = page.locator(`[data-testid="directory-hit"][data-id="${made.cardId}"]`);
    expect(await hit.textContent()).toContain(made.mask);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'directory-search-1024');
    await page.keyboard.press('Escape');
  });

  it('finds the client by phone and by a fragment of the name, and Enter opens the client page', async () => {
    expect(await searchFor('7773344')).toEqual([`client:${made.clientId}`]);
    expect(await searchFor('zhaksy')).toEqual([`card:${made.cardId}`, `client:${made.clientId}`]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('client-data').waitFor();
    expect(await page.getByTestId('client-data-name').textContent()).toBe('Zhaksylykova Madina');
    expect(await page.getByTestId('client-data-product').textContent()).toContain('2000');
    expect(await page.getByTestId('client-data-phone').textContent()).toContain('701 777 3344');
    expect(await page.getByTestId('client-data-person-id').textContent()).toBe('********0777');
    expect(await page.getByTestId('client-phone').count()).toBe(1);
    await screenshot(page, 'directory-client-data-1024');
    expect(await page.getByTestId('directory-search-input').inputValue()).toBe('');
  });

  it('finds the card by its whole number typed in groups, and opens it with Enter', async () => {
    const grouped = made.pan.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(await searchFor(grouped)).toEqual([`card:${made.cardId}`]);
    await page.keyboard.press('Enter');
    await page.getByTestId('card-screen').waitFor();
    // The typed number is gone from the box once the card is open.
    expect(await page.getByTestId('directory-search-input').inputValue()).toBe('');
  });

  it('says a client id this workstation does not know is not known, and offers nothing for it', async () => {
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('open-client-id').fill('no-such-client-77');
    await page.getByTestId('open-client-submit').click();
    await page.getByTestId('client-not-known').waitFor();
    expect(await page.getByTestId('client-phone').count()).toBe(0);
    expect(await page.getByTestId('client-issue-virtual').count()).toBe(0);
    await screenshot(page, 'directory-client-not-known-1024');
  });
});
