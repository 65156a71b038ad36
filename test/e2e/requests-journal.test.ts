// Browser test: the Requests and Journal screens against the preview's embedded sandbox. A write whose answer
// is lost (timeout after commit) shows as open with a spinner and settles to Done live, without a reload; a
// refused write shows the bank's reason in words; the Journal searches by operation and outcome, validates its
// dates, exports CSV without card numbers, and its Audit tab lists a reveal of card data.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import {
  clearFaults,
  injectFault,
  openApp,
  openAppIn,
  openPreview,
  screenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
let clientId: string;
let cardId: string;
/** The block whose every copy failed before the bank recorded it. */
let lostBlockId: string;

/** `window.cardDesk` inside page functions (they run in the page, so they cannot close over test variables). */
type Win = { cardDesk: CardDeskApi };

/** Waits until no CSS transition runs (a drawer sliding, a button's loader fading), for checks and pictures. */
async function settle(): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length))
    .toBe(0);
}

/** A screenshot of the settled page. */
async function picture(name: string): Promise<void> {
  await settle();
  await screenshot(page, name);
}

/**
 * 0 serious axe violations, judged once transitions (a drawer sliding in, an overlay fading) have ended and with
 * the pointer parked off the content: a half-faded or hovered colour is not the state being checked.
 */
async function expectAccessible(): Promise<void> {
  await page.mouse.move(1, 1);
  await settle();
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Switches the UI language the way the operator's setting does, and reloads the app with it. */
async function useLanguage(language: 'en' | 'ru'): Promise<void> {
  await openAppIn(session, language);
}

/** The state chips are checkboxes: Space toggles them, as an operator on the keyboard does. */
async function toggleChip(testId: string): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Space');
}

function requestRows(text: string) {
  return page.getByTestId('requests-table').locator('tbody tr.vtable-row').filter({ hasText: text });
}

function blockRow(state: string) {
  return requestRows('Block card').filter({ has: page.locator(`[data-state="${state}"]`) });
}

beforeAll(async () => {
  session = await openPreview({ language: 'en' });
});

afterAll(async () => {
  await session.close();
});

// Every step keeps the console clean: CSP violations and page errors show up there.
afterEach(() => {
  expect(session.consoleErrors).toEqual([]);
});

describe('Requests', () => {
  it('starts with a client and a card made through the bridge, a refused block and a block never received', async () => {
    page = await openApp(session);
    const created = await page.evaluate(
      (phone) =>
        (window as unknown as Win).cardDesk.clients.create({
          draft: { product_id: 2000, client: { phone, type: 1, resident: 1, first_name: 'ALMA', last_name: 'TEST' } },
        }),
      77011234567,
    );
    if (created.kind !== 'done') throw new Error(`client.create: ${JSON.stringify(created)}`);
    clientId = String(created.result.client_id);
    const issued = await page.evaluate(
      (id) => (window as unknown as Win).cardDesk.cards.issue({ clientId: id }),
      clientId,
    );
    if (issued.kind !== 'done') throw new Error(`card.issue: ${JSON.stringify(issued)}`);
    cardId = String((issued.result.cards as { card_id: string }[])[0]?.card_id);
    // Blocking a card that is not active yet is refused by the bank: a failed entry with a business reason.
    const refused = await page.evaluate(
      (id) => (window as unknown as Win).cardDesk.cards.block({ cardId: id, reason: 'lost', note: 'e2e' }),
      cardId,
    );
    expect(refused).toMatchObject({ kind: 'failed', code: 'invalid_card_state' });
    // Every copy of this block fails before the bank records it: the outcome is unknown now, and once every
    // copy could have arrived, Request status proves the bank never received it.
    await injectFault(session, [{ op: 'card.block', kind: 'http_500', count: 3 }]);
    const lost = await page.evaluate(
      (id) => (window as unknown as Win).cardDesk.cards.block({ cardId: id, reason: 'stolen', note: 'e2e' }),
      cardId,
    );
    expect(lost.kind).toBe('unknown');
    lostBlockId = lost.key;
  });

  it('shows a write whose answer was lost as open, re-checks it, and turns it Done live', async () => {
    // The screen is open before the write starts: the write is not announced until it ends, so the screen's
    // watch on open work must bring it in.
    await page.getByTestId('nav-requests').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Requests');
    await expect.poll(() => requestRows('Block card').count()).toBe(1);
    await injectFault(session, [{ op: 'card.activate', kind: 'timeout_after_commit', count: 1 }]);
    // Started from the page and not awaited: the client waits for its 15 s deadline, then asks Request status.
    await page.evaluate((id) => {
      void (window as unknown as Win).cardDesk.cards.activate({ cardId: id }).catch(() => undefined);
    }, cardId);
    const activation = requestRows('Activate card');
    await expect.poll(() => activation.count(), { timeout: 15_000 }).toBe(1);
    const state = activation.getByTestId('entry-state');
    expect(['sending', 'unknown']).toContain(await state.getAttribute('data-state'));
    expect(await activation.textContent()).toContain(`Card ${cardId}`);
    // The default view is open work: the lost block shows as "Checking", the refused one is not in it.
    const blocks = requestRows('Block card');
    await expect.poll(() => blocks.count()).toBe(1);
    expect(await blocks.getByTestId('entry-state').getAttribute('data-state')).toBe('unknown');
    expect(await blocks.getByTestId('entry-state').textContent()).toBe('Checking');
    await picture('requests-en');
    await expectAccessible();

    // "Re-check now" on the row: the request is still being delivered, so it stays open, in words.
    await activation.getByTestId('row-recheck').click();
    await expect
      .poll(() => page.getByTestId('recheck-result').textContent(), { timeout: 10_000 })
      .toMatch(/Activate card .* is still open/);

    // The details drawer, opened from the keyboard: Enter on the row.
    await activation.focus();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('entry-details');
    await expect.poll(() => details.isVisible()).toBe(true);
    expect(await details.getByTestId('details-request-id').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await details.getByTestId('entry-explanation').textContent()).toMatch(/Do not repeat the operation/);
    await expectAccessible();
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);

    // Show every state: the row stays in view when it settles, and the refused block appears.
    await toggleChip('state-chip-all');
    await expect.poll(() => blocks.count()).toBe(2);
    expect(await blockRow('failed').textContent()).toContain("The card's current status does not allow");
    // No reload: the requests.changed event refreshes the list when the client settles it.
    await expect
      .poll(() => activation.getByTestId('entry-state').getAttribute('data-state'), { timeout: 40_000 })
      .toBe('done');
    expect(await activation.getByTestId('row-recheck').count()).toBe(0);
    await clearFaults(session);
  }, 60_000);

  it('tells in words that a request never reached the bank, and leads to its card', async () => {
    // Re-checked (as the row's button does) until every copy could have arrived: then it is "not received".
    await expect
      .poll(
        async () =>
          (
            await page.evaluate(
              (id) => (window as unknown as Win).cardDesk.requests.recheck({ requestId: id }),
              lostBlockId,
            )
          ).state,
        { timeout: 25_000, interval: 2_000 },
      )
      .toBe('not_received');
    // The list follows the event: the row now says so, without a reload.
    await expect.poll(() => blockRow('not_received').count()).toBe(1);
    expect(await blockRow('not_received').textContent()).toContain('The bank never received it; nothing was done.');
    await blockRow('not_received').click();
    const explanation = page.getByTestId('entry-explanation');
    expect(await explanation.textContent()).toContain(
      'The bank never received this request, so nothing was done. You may do the operation again.',
    );
    await picture('requests-not-received-en');
    await expectAccessible();
    // The card it concerns is one click away.
    await explanation.getByTestId('open-target').click();
    await expect.poll(() => page.getByTestId('requests-screen').count()).toBe(0);
    await page.getByTestId('nav-requests').click();
  }, 40_000);

  it('filters by operation and text, opens a refused request with its reason, and reconciles all', async () => {
    await toggleChip('state-chip-all');
    await page.getByTestId('op-filter').selectOption('card.block');
    await expect.poll(() => page.getByTestId('requests-count').textContent()).toMatch(/^2 of \d+$/);
    await page.getByTestId('op-filter').selectOption('');
    // The text is looked for in main (request id, operation, parameters): the card issued to the client.
    await page.getByTestId('text-filter').fill(clientId);
    await expect.poll(() => requestRows('Issue virtual card').count()).toBe(1);
    await requestRows('Issue virtual card').click();
    expect(await page.getByTestId('entry-explanation').textContent()).toContain('Done.');
    await page.keyboard.press('Escape');
    await page.getByTestId('text-filter').fill('');

    await blockRow('failed').click();
    const explanation = page.getByTestId('entry-explanation');
    expect(await explanation.getAttribute('data-tone')).toBe('error');
    expect(await explanation.textContent()).toContain("The card's current status does not allow this action");
    expect(await explanation.locator('details').textContent()).toContain('invalid_card_state');
    await picture('requests-details-en');
    await expectAccessible();
    await page.keyboard.press('Escape');

    await page.getByTestId('reconcile-all').click();
    await expect
      .poll(() => page.getByTestId('reconcile-summary').textContent(), { timeout: 15_000 })
      .toMatch(/Checked \d+ open requests? with the bank/);
    await expectAccessible();
  });
});

describe('Journal', () => {
  it('searches by operation and outcome, validates dates, and exports CSV without card numbers', async () => {
    await page.getByTestId('nav-journal').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Journal');
    const rows = page.getByTestId('journal-table').locator('tbody tr.vtable-row');
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toBe('5 operations found.');
    // One profile on this workstation: no Profile column, and its room goes to the others.
    const headers = await page.getByTestId('journal-table').getByRole('columnheader').allTextContents();
    expect(headers).toContain('Who');
    expect(headers).not.toContain('Profile');
    await picture('journal-en');
    await expectAccessible();

    await page.getByTestId('journal-op').selectOption('card.activate');
    await page.getByTestId('journal-outcome').selectOption('done');
    // Enter in a field submits the search.
    await page.getByTestId('journal-text').press('Enter');
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toBe('1 operation found.');
    expect(await rows.first().textContent()).toContain('Activate card');

    await page.getByTestId('journal-op').selectOption('');
    await page.getByTestId('journal-outcome').selectOption('failed');
    await page.getByTestId('journal-search').click();
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toBe('1 operation found.');
    expect(await rows.first().textContent()).toContain('Block card');

    // A range that ends before it starts is refused next to the field, which takes focus; input is kept.
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    await from.fill('2030-01-02');
    await to.fill('2030-01-01');
    await page.getByTestId('journal-search').click();
    await expect.poll(() => page.getByText('The end date is before the start date.').count()).toBe(1);
    expect(await to.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await from.inputValue()).toBe('2030-01-02');
    await to.fill('2030-01-03');
    await page.getByTestId('journal-search').click();
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toBe('0 operations found.');

    // Today, any outcome: everything again; then the export.
    const today = new Date();
    const day = `${String(today.getFullYear())}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await from.fill(day);
    await to.fill(day);
    await page.getByTestId('journal-outcome').selectOption('any');
    await page.getByTestId('journal-search').click();
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toBe('5 operations found.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('journal-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^card-desk-journal-\d{8}-\d{4}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Time,Last change,Operation,State,Profile,Request ID,Parameters,Result,Error code');
    expect(lines).toHaveLength(6);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual(['Activate card', 'Block card', 'Block card', 'Create client', 'Issue virtual card']);
    // Local time with the offset, operation names and states in words (docs/operator-ui.md, Exports).
    expect(csv).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}/);
    expect(csv).toContain('invalid_card_state');
    expect(csv).toContain(',Not received,');
    // Masked parameters only: no card number, the phone's last four digits at most.
    expect(csv).not.toMatch(/\d{13,19}/);
    expect(csv).not.toContain('77011234567');
    expect(csv).toContain('*******4567');
  });

  it('lists a reveal of card data in the Audit tab', async () => {
    // Only the outcome's kind leaves the page: the card data itself is not needed here.
    const revealed = await page.evaluate(
      async (id) =>
        (await (window as unknown as Win).cardDesk.cards.revealSecret({ cardId: id, reason: 'card_reissue' })).kind,
      cardId,
    );
    expect(revealed).toBe('done');
    await page.evaluate(() => (window as unknown as Win).cardDesk.cards.concealSecret({}));

    await page.getByTestId('tab-audit').click();
    const reveal = page
      .getByTestId('audit-table')
      .locator('tbody tr.vtable-row')
      .filter({ hasText: 'Card data revealed' });
    await expect.poll(() => reveal.count()).toBe(1);
    expect(await reveal.textContent()).toContain(`Card: ${cardId}`);
    expect(await reveal.textContent()).toContain('Reason: Card re-issue');
    await page.getByTestId('audit-action').selectOption('settings.update');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => reveal.count()).toBe(0);
    await page.getByTestId('audit-action').selectOption('card.secret.reveal');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => reveal.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Card data revealed');
    expect(csv).not.toMatch(/\d{13,19}/);
    await picture('audit-en');
    await expectAccessible();
  });

  it('speaks Russian', async () => {
    await useLanguage('ru');
    await page.getByTestId('nav-requests').click();
    await toggleChip('state-chip-all');
    await expect.poll(() => requestRows('Активировать карту').count()).toBe(1);
    await picture('requests-ru');
    await expectAccessible();
    await page.getByTestId('nav-journal').click();
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toMatch(/^Найдено/);
    await picture('journal-ru');
    await expectAccessible();
  });
});
