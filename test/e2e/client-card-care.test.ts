// Browser test of what an operator must not get wrong about a client and a card (docs/operator-ui.md, clients and
// cards): a phone change keeps the client's product, linking a card already linked says so, an entered PIN
// without a PIN key says what is missing and offers to create it, the card's timeline shows each action with its
// reason, and closing a card with money on it shows the balance and asks for it to be acknowledged.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi, JournalEntryView } from '../../common/contract/index.ts';
import {
  openApp,
  openPreview,
  screenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

/** Long enough that the leak scan at close (the PIN is a canary) never meets it by chance in ids or times. */
const PIN = '582039174626';
const OUTCOME = { timeout: 20_000 };

let session: PreviewSession;
let page: Page;
/** A client of product 2000 with no card (the phone form had nothing to take a product from). */
let bareClient = '';
/** A client of product 2000 with one active card. */
let clientId = '';
let cardId = '';

const byTestId = (id: string): Locator => page.getByTestId(id);

/** The newest journal entry of an operation, as the contract answers it. */
function latest(op: string): Promise<JournalEntryView | undefined> {
  return page.evaluate(
    async (name) =>
      (await (window as unknown as { cardDesk: CardDeskApi }).cardDesk.journal.search({ op: name, limit: 1 }))
        .entries[0],
    op,
  );
}

async function openClient(id: string): Promise<void> {
  await byTestId('nav-clients').click();
  await byTestId('open-client-id').fill(id);
  await byTestId('open-client-id').press('Enter');
  await byTestId('client-phone').waitFor();
}

async function openCard(id: string): Promise<void> {
  await byTestId('nav-cards').click();
  await byTestId('open-card-id').fill(id);
  await byTestId('open-card-id').press('Enter');
  await byTestId('card-summary').waitFor();
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 }, language: 'en' });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await openApp(session);
  // Fresh install: no PIN key is created here.
  const setup = await page.evaluate(async () => {
    const desk = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
    const draft = {
      product_id: 2000 as const,
      client: { phone: 77015550101, type: 1 as const, resident: 1 as const, first_name: 'Dana', last_name: 'Sarsen' },
    };
    const bare = await desk.clients.create({ draft });
    const client = await desk.clients.create({ draft: { ...draft, client: { ...draft.client, phone: 77015550102 } } });
    if (bare.kind !== 'done' || client.kind !== 'done') return { error: 'client.create failed' };
    const clientId = String(client.result.client_id);
    const card = await desk.cards.issue({ clientId });
    if (card.kind !== 'done') return { error: JSON.stringify(card) };
    const cardId = (card.result.cards as { card_id: string }[])[0]?.card_id ?? '';
    const activated = await desk.cards.activate({ cardId });
    if (activated.kind !== 'done') return { error: JSON.stringify(activated) };
    return { bare: String(bare.result.client_id), clientId, cardId };
  });
  if ('error' in setup) throw new Error(`setup failed: ${String(setup.error)}`);
  bareClient = setup.bare;
  clientId = setup.clientId;
  cardId = setup.cardId;
});

afterAll(async () => {
  await session.close();
});

describe('a client', () => {
  it('changes the phone of a client without cards and keeps its product (2000)', async () => {
    await openClient(bareClient);
    await expect.poll(() => byTestId('phone-product').textContent(), OUTCOME).toContain('2000');
    const phone = byTestId('phone-new').getByRole('textbox');
    await phone.fill('+7 701 555 0199');
    await byTestId('phone-submit').click();
    await expect.poll(() => byTestId('phone-outcome').getAttribute('data-tone'), OUTCOME).toBe('success');
    expect((await latest('client.update'))?.params.product_id).toBe(2000);
    await screenshot(page, 'client-phone-product-1024');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says that a card already linked to this client is already linked', async () => {
    await openClient(clientId);
    await byTestId('link-card-id').fill(cardId);
    await byTestId('link-submit').click();
    await expect.poll(() => byTestId('link-outcome').textContent(), OUTCOME).toContain('already linked to this client');
  });
});

describe('a card', () => {
  it('says an entered PIN needs a PIN key, creates it from the dialog, then sets the PIN', async () => {
    await openCard(cardId);
    await byTestId('action-setPin').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('pin-entered').check();
    await dialog.getByTestId('pin').fill(PIN);
    await dialog.getByTestId('pin-repeat').fill(PIN);
    await dialog.getByTestId('submit').click();
    const error = dialog.getByTestId('action-error');
    await expect.poll(() => error.textContent(), OUTCOME).toContain('no PIN key');
    expect(await error.textContent()).not.toContain('merchant secret');
    await screenshot(page, 'card-pin-key-offer-1024');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('create-pin-key').click();
    await expect.poll(() => dialog.getByTestId('pin-key-created').isVisible(), OUTCOME).toBe(true);
    await dialog.getByTestId('pin').fill(PIN);
    await dialog.getByTestId('pin-repeat').fill(PIN);
    await dialog.getByTestId('submit').click();
    await expect.poll(() => byTestId('action-outcome').getAttribute('data-tone'), OUTCOME).toBe('success');
  });

  it('shows each block and unblock with its reason in the timeline, newest first', async () => {
    await byTestId('action-block').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('reason').selectOption('lost');
    await dialog.getByTestId('submit').click();
    await expect.poll(() => byTestId('card-status').getAttribute('data-status'), OUTCOME).toBe('blocked');
    await byTestId('action-unblock').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('reason').selectOption('found');
    await dialog.getByTestId('submit').click();
    await expect.poll(() => byTestId('card-status').getAttribute('data-status'), OUTCOME).toBe('active');
    const rows = byTestId('timeline-table').locator('tbody tr.vtable-row');
    await expect.poll(() => rows.count(), OUTCOME).toBeGreaterThanOrEqual(4);
    expect(await rows.nth(0).textContent()).toMatch(/Unblock card.*Card found/);
    expect(await rows.nth(1).textContent()).toMatch(/Block card.*Lost/);
    expect(await rows.nth(2).textContent()).toContain('Set PIN');
    expect(await byTestId('card-timeline').textContent()).toContain('Done');
    await byTestId('card-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'card-timeline-1024');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('refuses to close a card with money on it unless the balance is acknowledged', async () => {
    // Main refuses it too, whatever the renderer does.
    const refused = await page.evaluate(async (id) => {
      try {
        const desk = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
        await desk.cards.close({ cardId: id, reason: 'other', note: '', confirm: true });
        return 'sent';
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    }, cardId);
    expect(refused).toBe('balance_not_acknowledged');

    await byTestId('action-close').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('close-balance').textContent(), OUTCOME).toMatch(/₸/);
    const four = ((await byTestId('card-mask').textContent()) ?? '').slice(-4);
    await dialog.getByTestId('confirm-word').fill(four);
    expect(await dialog.getByTestId('confirm-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('close-acknowledge').check();
    expect(await dialog.getByTestId('confirm-submit').isDisabled()).toBe(false);
    await screenshot(page, 'card-close-balance-1024');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('confirm-submit').click();
    await expect.poll(() => byTestId('card-status').getAttribute('data-status'), OUTCOME).toBe('closed');
  });
});
