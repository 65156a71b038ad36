// Browser test of live reconciliation (docs/architecture.md, live reconciliation): a block whose answer and first
// Request status looks are lost stays "checking"; the card page says when Card Desk asks the bank next and keeps
// the card's actions waiting; with no click, the background check settles it and the page shows the new status
// (and, for a PIN set, offers its confirmation).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import {
  clearFaults,
  injectFault,
  openPreview,
  seriousA11yViolations,
  screenshot,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
let cardId: string;
let clientId: string;

type Win = { cardDesk: CardDeskApi };

async function reload(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(await session.link());
  await page.getByTestId('active-profile-name').filter({ hasText: 'Sandbox' }).waitFor({ timeout: 15_000 });
}

const status = (): Promise<string | null> => page.getByTestId('card-status').getAttribute('data-status');

/** A write whose answer is lost, then every Request status look until clearFaults (more than the test makes). */
/** The bank never answers a status look (until the faults are cleared). */
const STATUS_FAILS = { op: 'request.status', kind: 'http_500', count: 1000 };
const STATUS_LOST = [{ op: 'card.block', kind: 'reset_after_commit' }, STATUS_FAILS];

/**
 * Waits until the first background check has failed (the open check is on its second attempt), then lets the bank
 * answer: the next planned check, with no click, is the one that settles the operation. Clearing only then keeps
 * the checking state for as long as the test looks at it, and costs one back-off step (docs/architecture.md,
 * live reconciliation) instead of waiting for a fixed number of failures to run out.
 */
async function answerAfterFailedCheck(item: Locator): Promise<void> {
  await expect
    .poll(async () => Number(await item.getAttribute('data-attempt')), { timeout: 20_000, interval: 250 })
    .toBeGreaterThanOrEqual(2);
  await clearFaults(session);
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1280, height: 900 }, language: 'en' });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await reload();
  const setup = await page.evaluate(async () => {
    const api = (window as unknown as Win).cardDesk;
    const client = await api.clients.create({
      draft: {
        product_id: 2000,
        client: { phone: 77012340011, type: 1, resident: 1, first_name: 'Dana', last_name: 'Live' },
      },
    });
    if (client.kind !== 'done') return { error: JSON.stringify(client) };
    const card = await api.cards.issue({ clientId: String(client.result.client_id) });
    if (card.kind !== 'done') return { error: JSON.stringify(card) };
    const id = (card.result.cards as { card_id: string }[])[0]?.card_id ?? '';
    const activated = await api.cards.activate({ cardId: id });
    return activated.kind === 'done'
      ? { cardId: id, clientId: String(client.result.client_id) }
      : { error: JSON.stringify(activated) };
  });
  if ('error' in setup) throw new Error(`setup failed: ${setup.error}`);
  cardId = setup.cardId;
  clientId = setup.clientId;
});

afterAll(async () => {
  await session.close();
});

describe('live reconciliation', () => {
  it('settles a checking block with no click, and the card page shows it', async () => {
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('open-card-id').fill(cardId);
    await page.getByTestId('open-card-id').press('Enter');
    await expect.poll(status).toBe('active');

    // The bank blocks the card but the answer is lost, and so are the call's Request status looks and every
    // background check's until the faults are cleared below: it stays checking while the page is inspected.
    await injectFault(session, STATUS_LOST);
    await page.getByTestId('action-block').click();
    await page.getByRole('dialog').getByTestId('reason').selectOption('lost');
    await page.getByRole('dialog').getByTestId('note').fill('live check');
    await page.getByRole('dialog').getByTestId('submit').click();

    // Checking: the page says what Card Desk is doing, with a count-down, and the actions wait.
    const notice = page.getByTestId('card-open-checks');
    await notice.waitFor({ timeout: 15_000 });
    // While the write is in flight it shows as sending; once its answer is lost, as checking.
    await expect
      .poll(() => notice.getByTestId('card-open-checks-item').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('unknown');
    expect(await notice.textContent()).toMatch(/Block card — Asking the bank (again in \d+ s|now) \(attempt \d\)/);
    expect(await notice.getByTestId('card-open-checks-waiting').textContent()).toContain(
      'Actions on this card wait until the bank has answered',
    );
    expect(await page.getByTestId('action-block').isDisabled()).toBe(true);
    expect(await page.getByTestId('action-close').isDisabled()).toBe(true);
    expect(await status()).toBe('active');
    await screenshot(page, 'card-checking-en');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // No click: once a background check has failed and the next is planned, the bank answers again; that next
    // check settles it, and the page follows.
    await answerAfterFailedCheck(notice.getByTestId('card-open-checks-item'));
    await expect.poll(status, { timeout: 40_000, interval: 250 }).toBe('blocked');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await page.getByTestId('action-settled').textContent()).toContain('The bank has answered');
    expect(await page.getByTestId('action-unblock').isDisabled()).toBe(false);
    // The page was never reloaded and nothing was re-checked from it.
    const asked = session.ipcRecords.filter((r) => r.kind === 'request').map((r) => r.method);
    expect(asked).not.toContain('requests.recheck');
    expect(asked).not.toContain('requests.reconcileAll');
    await clearFaults(session);
  }, 60_000);

  it('offers the confirmation of a PIN set whose answer was lost, once it has settled done', async () => {
    // Still on the blocked card's page. The PIN set's answer is lost, then every status look until cleared.
    await injectFault(session, [{ op: 'card.setPin', kind: 'reset_after_commit' }, STATUS_FAILS]);
    await page.getByTestId('action-setPin').click();
    await page.getByRole('dialog').getByTestId('submit').click();
    const notice = page.getByTestId('card-open-checks');
    await notice.waitFor({ timeout: 15_000 });
    // Not known to be done: nothing to print yet.
    expect(await page.getByTestId('action-print').count()).toBe(0);

    await answerAfterFailedCheck(notice.getByTestId('card-open-checks-item'));
    await page.getByTestId('action-settled').getByTestId('action-print').click({ timeout: 40_000 });
    const preview = page.getByTestId('action-print-preview');
    await preview.getByRole('dialog').waitFor();
    const sheet = (await preview.textContent()) ?? '';
    expect(sheet).toContain('PIN set');
    const pinSet = await page.evaluate(async () => {
      const found = await (window as unknown as Win).cardDesk.journal.search({ op: 'card.setPin', limit: 1 });
      return found.entries[0];
    });
    expect(pinSet?.state).toBe('done');
    expect(sheet).toContain(pinSet?.requestId);
    await preview.getByRole('button', { name: 'Close' }).first().click();
    await preview.getByRole('dialog').waitFor({ state: 'detached' });
  }, 60_000);

  it('keeps the client action whose operation is open waiting, and lets it go once settled', async () => {
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('open-client-id').fill(clientId);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Client ${clientId}`);
    await injectFault(session, [{ op: 'client.update', kind: 'reset_after_commit' }, STATUS_FAILS]);
    await page.getByTestId('phone-new').getByRole('textbox').fill('+998 90 123 45 68');
    await page.getByTestId('phone-submit').click();
    const notice = page.getByTestId('client-open-checks');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/Change client phone — Asking the bank (again in \d+ s|now)/);
    expect(await page.getByTestId('client-phone-waiting').textContent()).toContain('Change client phone');
    expect(await page.getByTestId('phone-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('issue-virtual').isDisabled()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // No click: it settles after a failed background check, and the form may be used again.
    await answerAfterFailedCheck(notice.getByTestId('client-open-checks-item'));
    await expect.poll(() => notice.count(), { timeout: 40_000, interval: 250 }).toBe(0);
    expect(await page.getByTestId('phone-submit').isDisabled()).toBe(false);
    await clearFaults(session);
  }, 60_000);
});
