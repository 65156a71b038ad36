// Browser test of dialogs and long requests (docs/operator-ui.md, dialogs and long requests): a write to a slow bank
// says how long it has waited and what happens, the dialog may be closed while it goes on, the header counts it,
// and its outcome shows once it settles; a gift card sale is confirmed first, with its product and amount; the
// card data is revealed only with a reason; an old refusal gives way to the next action.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import {
  clearFaults,
  injectFault,
  openApp,
  openPreview,
  openWithShortcut,
  screenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
let cardId: string;

type Win = { cardDesk: CardDeskApi };

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 }, language: 'en' });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await openApp(session);
  const setup = await page.evaluate(async () => {
    const api = (window as unknown as Win).cardDesk;
    const client = await api.clients.create({
      draft: {
        product_id: 2000,
        client: { phone: 77012340021, type: 1, resident: 1, first_name: 'Saule', last_name: 'Slow' },
      },
    });
    if (client.kind !== 'done') return { error: JSON.stringify(client) };
    const card = await api.cards.issue({ clientId: String(client.result.client_id) });
    if (card.kind !== 'done') return { error: JSON.stringify(card) };
    const id = (card.result.cards as { card_id: string }[])[0]?.card_id ?? '';
    const activated = await api.cards.activate({ cardId: id });
    return activated.kind === 'done' ? { cardId: id } : { error: JSON.stringify(activated) };
  });
  if ('error' in setup) throw new Error(`setup failed: ${setup.error}`);
  cardId = setup.cardId;
});

afterAll(async () => {
  await session.close();
});

const status = (): Promise<string | null> => page.getByTestId('card-status').getAttribute('data-status');

describe('dialogs and long requests', () => {
  it('lets the operator close the dialog of a write to a slow bank, counts it, and shows its outcome', async () => {
    await openWithShortcut(page, 'cards');
    await page.getByTestId('open-card-id').fill(cardId);
    await page.getByTestId('open-card-id').press('Enter');
    await expect.poll(status).toBe('active');

    // Every answer of the bank now takes 12 s (under the client's 15 s deadline).
    await injectFault(session, [], 12_000);
    await page.getByTestId('action-block').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('reason').selectOption('lost');
    await dialog.getByTestId('note').fill('slow bank');
    await dialog.getByTestId('submit').click();

    // While it waits: how long, and what happens; the dialog may be closed; the header counts it.
    const waiting = dialog.getByTestId('write-waiting');
    await expect.poll(() => waiting.textContent(), { timeout: 5000 }).toMatch(/ [2-5] s/);
    expect(await waiting.textContent()).toContain('even if you close this dialog');
    await expect.poll(() => page.getByTestId('pending-count').textContent(), { timeout: 5000 }).toContain('1');
    await screenshot(page, 'action-waiting-en');
    await dialog.getByTestId('write-waiting-close').click();
    await dialog.waitFor({ state: 'detached' });
    await clearFaults(session);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The card page says the request goes on; once the bank answers, the outcome shows.
    expect(await page.getByTestId('action-in-flight').textContent()).toContain('Block');
    const settled = page.getByTestId('background-outcome');
    await expect.poll(() => settled.getAttribute('data-tone'), { timeout: 30_000 }).toBe('success');
    expect(await settled.textContent()).toContain('Block');
    await screenshot(page, 'action-settled-background-en');
    await expect.poll(status, { timeout: 10_000 }).toBe('blocked');
    await expect.poll(() => page.getByTestId('pending-count').count()).toBe(0);
    await page.getByTestId('background-outcome-dismiss').click();
    await expect.poll(() => settled.count()).toBe(0);
  }, 60_000);

  it('reveals the card data only with a reason, and "other" only with a note', async () => {
    await page.getByTestId('secret-reveal').click();
    const form = page.getByTestId('reveal-form');
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => form.textContent()).toContain('Choose why you reveal the card data.');
    await page.getByTestId('reveal-reason').selectOption('other');
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => form.textContent()).toContain('Say in the note why you reveal the card data.');
    expect(session.ipcRecords.some((r) => r.method === 'cards.revealSecret')).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('reveal-note').fill('branch audit');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('secret-revealed').waitFor();
    await page.getByTestId('secret-hide').click();
    const audit = await page.evaluate(() =>
      (window as unknown as Win).cardDesk.journal.audit({ action: 'card.secret.reveal' }),
    );
    expect(audit.entries[0]?.details).toEqual({ cardId, reason: 'other', note: 'branch audit' });
  });

  it('confirms a gift card sale with its product and amount before anything is sent', async () => {
    await openWithShortcut(page, 'gift');
    // A refusal from an earlier action, still on screen.
    await page.getByTestId('gift-lookup-card-id').fill('999');
    await page.getByTestId('gift-resend').click();
    const refused = page.getByTestId('gift-send-outcome');
    await expect.poll(() => refused.getAttribute('data-tone')).toBe('error');

    await page.getByTestId('gift-cardholder').fill('Aliya Gift');
    await page.getByTestId('gift-phone').locator('input[type=tel]').fill('701 234 0021');
    await page.getByTestId('gift-product-select').selectOption('2');
    await page.getByTestId('gift-issue-submit').click();
    const summary = page.getByTestId('gift-sale-summary');
    await expect.poll(() => summary.textContent()).toContain('₸10,000.00');
    expect(await summary.textContent()).toMatch(
      /^Gift card 10000 KZT.* for ₸10,000\.00 to Aliya Gift, \+7 701 234 0021\./,
    );
    await screenshot(page, 'gift-sale-confirm-en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await summary.waitFor({ state: 'detached' });
    expect(session.ipcRecords.some((r) => r.method === 'gift.issue')).toBe(false);

    await page.getByTestId('gift-issue-submit').click();
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => page.getByTestId('gift-issued').textContent(), { timeout: 15_000 }).toContain('was issued');
    // The new action made the old refusal stale: it is gone.
    expect(await refused.count()).toBe(0);
  });
});
