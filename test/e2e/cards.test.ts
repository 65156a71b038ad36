// Browser test of the Cards screens: a card issued through the bridge, then everything an operator does with it
// through the UI (open, activate, balance and statement, CSV export, block/unblock, PIN, identification, secret
// data, limits, close), with 0 serious accessibility violations in each state and no console error.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi, Language } from '../../common/contract/index.ts';
import {
  openPreview,
  screenshot as saveScreenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

/** Long enough that the leak scan at close (the PIN is a canary) never meets it by chance in ids or times. */
const PIN = '739158264013';

let session: PreviewSession;
let page: Page;
let cardId: string;
let clientId: string;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 0 serious violations on the page as it is. */
/** A whole-page screenshot from the top (the sticky header would otherwise sit where the page was scrolled). */
async function screenshot(target: Page, name: string): Promise<void> {
  await target.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await saveScreenshot(target, name);
}

async function expectAccessible(): Promise<void> {
  // The pointer rests where the last click left it; a hovered control is not the state under test.
  await page.mouse.move(1, 1);
  const check = (): Promise<string[]> => seriousA11yViolations(page);
  let serious = await check();
  // On a loaded machine a dialog's content is now and then measured mid-render (dark text blended as if faded);
  // a real violation is still there half a second later.
  if (serious.length > 0) {
    await page.waitForTimeout(500);
    serious = await check();
  }
  expect(serious).toEqual([]);
}

async function status(): Promise<string | null> {
  return page.getByTestId('card-status').getAttribute('data-status');
}

async function expectStatus(expected: string): Promise<void> {
  await expect.poll(status, { timeout: 10_000 }).toBe(expected);
}

/** Waits for the last action's outcome notice and returns its tone (success for done). */
async function actionTone(): Promise<string | null> {
  const notice = page.getByTestId('action-outcome');
  await notice.waitFor({ timeout: 10_000 });
  return notice.getAttribute('data-tone');
}

async function setLanguage(language: Language): Promise<void> {
  await page.evaluate(
    (lng) => (window as unknown as { cardDesk: CardDeskApi }).cardDesk.settings.update({ language: lng }),
    language,
  );
}

/**
 * Loads the app afresh (a new document: going to the same URL again would only change its hash) and waits for
 * the frame. openApp's own wait (expect.poll) works inside tests only, and this runs in beforeAll too.
 */
async function reload(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(await session.link());
  await page.getByTestId('active-profile-name').filter({ hasText: 'Sandbox' }).waitFor({ timeout: 15_000 });
}

/**
 * The open dialog, once its opening transition is over: axe would measure contrast mid-fade. The transition may
 * start a frame after the dialog appears, so the dialog must stay settled (opaque, no transition running in its
 * portal) for a while, not just once.
 */
async function openedDialog(): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        const portal = el.closest('[data-portal]') ?? el;
        const settled = (): boolean =>
          getComputedStyle(el).opacity === '1' &&
          !document.getAnimations().some((a) => {
            const target = (a.effect as KeyframeEffect | null)?.target;
            return target instanceof Node && portal.contains(target);
          });
        let since: number | undefined;
        const tick = (now: number): void => {
          if (!settled()) since = undefined;
          else if (since === undefined) since = now;
          else if (now - since > 300) {
            resolve();
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  return dialog;
}

async function openCardFromSection(): Promise<void> {
  await page.getByTestId('nav-cards').click();
  await page.getByTestId('open-card-id').fill(cardId);
  await page.getByTestId('open-card-id').press('Enter');
  await page.getByTestId('card-summary').waitFor();
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1280, height: 900 } });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await reload();
  // English first (the app starts in Russian); the page is loaded again in it.
  await setLanguage('en');
  await reload();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(session.url).origin,
  });
  // A client (product 2000, minimal) and a virtual card, through the bridge; and a PIN key for entered PINs.
  const setup = await page.evaluate(async () => {
    const api = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
    await api.vault.createPinKey({ profileId: 'sandbox' });
    const client = await api.clients.create({
      draft: {
        product_id: 2000,
        client: { phone: 77012345678, type: 1, resident: 1, first_name: 'Aigerim', last_name: 'Nurlanova' },
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
  clientId = setup.clientId;
  cardId = setup.cardId;
  expect(cardId).not.toBe('');
});

afterAll(async () => {
  await session.close();
});

describe('the Cards screens', () => {
  it('lists the recently issued card and opens a card by its id, shown as not activated', async () => {
    await page.getByTestId('nav-cards').click();
    const recent = page.getByTestId('recent-card');
    await expect.poll(() => recent.count(), { timeout: 10_000 }).toBe(1);
    expect(await recent.first().textContent()).toContain(cardId);
    expect(await recent.first().textContent()).toContain(clientId);
    await screenshot(page, 'cards-en');
    await expectAccessible();

    // An empty id is refused next to the field, and focus goes there.
    await page.getByTestId('open-card-submit').click();
    await expect.poll(() => page.getByText('Enter a card ID').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-card-id');

    // An id the bank does not know: said in words, on the card page.
    await page.getByTestId('open-card-id').fill('no-such-card');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('card-error').textContent())
      .toContain('No card with this ID exists at the bank.');
    await expectAccessible();
    await page.getByTestId('back-to-cards').click();

    // Keyboard: type the id and press Enter.
    await page.getByTestId('open-card-id').fill(cardId);
    await page.keyboard.press('Enter');
    await expectStatus('inactive');
    expect(await page.getByTestId('card-status').textContent()).toBe('Not activated');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Card \d{6}\*{6}\d{4}$/);
    expect(await page.getByTestId('card-summary').textContent()).toContain('Instant Card');
    // Only what an inactive card allows.
    expect(await page.getByTestId('action-activate').count()).toBe(1);
    expect(await page.getByTestId('action-block').count()).toBe(0);
    expect(await page.getByTestId('action-setPin').count()).toBe(0);
    await expectAccessible();
  });

  it('activates the card, then shows its balance and statement', async () => {
    await page.getByTestId('action-activate').click();
    expect(await actionTone()).toBe('success');
    await expectStatus('active');
    expect(await page.getByTestId('action-block').count()).toBe(1);
    expect(await page.getByTestId('action-activate').count()).toBe(0);

    await expect.poll(() => page.getByTestId('balance-amount').first().textContent(), { timeout: 10_000 }).toMatch(/₸/);
    // The inactive card's empty statement may still show while the active card's is fetched.
    await expect
      .poll(() => page.getByTestId('statement-count').textContent(), { timeout: 10_000 })
      .toMatch(/^[1-9]\d* rows?$/);
    const total = Number(/^(\d+)/.exec((await page.getByTestId('statement-count').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(await page.getByTestId('statement-table').locator('tbody tr.vtable-row').count()).toBe(total);
    await screenshot(page, 'card-en');
    await expectAccessible();
  });

  it('filters the statement by type and text, and exports what is shown as CSV without card numbers', async () => {
    const count = (): Promise<string | null> => page.getByTestId('statement-count').textContent();
    const total = Number(/^(\d+)/.exec((await count()) ?? '')?.[1]);

    await page.getByTestId('statement-type').selectOption('replenishment');
    await expect.poll(count).toBe(`1 of ${String(total)}`);
    await page.getByTestId('statement-type').selectOption('');
    await page.getByTestId('statement-filter').fill('FREEDOM PAY TOP-UP');
    await expect.poll(count).toBe(`1 of ${String(total)}`);
    // Types are shown, and found, by their word: "Top-up" for replenishment.
    await page.getByTestId('statement-filter').fill('top-up');
    await expect.poll(count).toBe(`1 of ${String(total)}`);
    expect(await page.getByTestId('statement-table').locator('tbody tr.vtable-row').first().textContent()).toContain(
      'Top-up',
    );
    await page.getByTestId('statement-filter').fill('no such merchant');
    await expect.poll(count).toBe(`0 of ${String(total)}`);
    expect(await page.getByTestId('statement-table').textContent()).toContain('Nothing matches the filter.');
    await page.getByTestId('statement-filter').fill('');
    await expect.poll(count).toMatch(/rows?$/);
    await screenshot(page, 'card-statement-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-export').click()]);
    const from = await page.getByTestId('statement-from').inputValue();
    const to = await page.getByTestId('statement-to').inputValue();
    const last4 = /(\d{4})$/.exec((await page.getByTestId('card-mask').textContent()) ?? '')?.[1] ?? '';
    expect(download.suggestedFilename()).toBe(`statement-${last4}-${from}-${to}.csv`);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Date,Type,Amount,Fee,Currency,Merchant,Place,MCC,RRN');
    expect(lines.length).toBe(total + 1);
    // No full card number in the export (RRNs are 12 digits; a PAN would be 13–19).
    expect(csv).not.toMatch(/\d{13,19}/);

    // The extended statement for the same period: balances, authorizations, operations.
    await page.getByTestId('tab-extended').click();
    await page.getByTestId('extended-statement').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('extended-statement').getByTestId('balance-amount').textContent()).toMatch(/₸/);
    expect(await page.getByTestId('no-authorizations').count()).toBe(1);
    expect(await page.getByTestId('extended-operations').locator('tbody tr.vtable-row').count()).toBe(total);
    await expectAccessible();
    await page.getByTestId('tab-statement').click();
  });

  it('blocks with a reason and a note, then unblocks', async () => {
    await page.getByTestId('action-block').click();
    const dialog = page.getByRole('dialog');
    await openedDialog();
    await expectAccessible();
    // No reason is chosen for the operator: sending without one says so and sends nothing.
    expect(await dialog.getByTestId('reason').inputValue()).toBe('');
    await dialog.getByTestId('submit').click();
    await expect.poll(() => dialog.textContent()).toContain('Choose a reason from the list.');
    expect(session.ipcRecords.some((r) => r.method === 'cards.block')).toBe(false);
    await dialog.getByTestId('reason').selectOption('lost');
    await dialog.getByTestId('note').fill('client called the hotline');
    await dialog.getByTestId('note').press('Enter');
    expect(await actionTone()).toBe('success');
    await expectStatus('blocked');
    expect(await page.getByTestId('card-status').textContent()).toBe('Blocked');
    expect(await page.getByTestId('action-outcome-name').textContent()).toBe('Action: Block');
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('action-unblock').click();
    await openedDialog();
    await dialog.getByTestId('reason').selectOption('found');
    await dialog.getByTestId('submit').click();
    expect(await actionTone()).toBe('success');
    await expectStatus('active');
    await expectAccessible();
  });

  it('sets the PIN, generated and entered; the typed PINs leave the form after submit', async () => {
    const dialog = page.getByRole('dialog');
    await page.getByTestId('action-setPin').click();
    await openedDialog();
    await dialog.getByTestId('submit').click();
    expect(await actionTone()).toBe('success');
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('action-setPin').click();
    await openedDialog();
    await dialog.getByTestId('pin-entered').check();
    // Two different PINs: refused next to the field, and both cleared.
    await dialog.getByTestId('pin').fill(PIN);
    await dialog.getByTestId('pin-repeat').fill(`${PIN.slice(0, -1)}9`);
    await dialog.getByTestId('submit').click();
    await expect.poll(() => dialog.getByText('The two PINs differ').count()).toBe(1);
    expect(await dialog.getByTestId('pin').inputValue()).toBe('');
    expect(await dialog.getByTestId('pin-repeat').inputValue()).toBe('');
    await expectAccessible();

    await dialog.getByTestId('pin').fill(PIN);
    await dialog.getByTestId('pin-repeat').fill(PIN);
    await dialog.getByTestId('pin-repeat').press('Enter');
    expect(await actionTone()).toBe('success');
    expect(await page.getByTestId('action-outcome-name').textContent()).toBe('Action: Set PIN');
    await dialog.waitFor({ state: 'detached' });
  });

  it('resets the PIN counter after confirmation and records an identification', async () => {
    await page.getByTestId('action-resetPinCounter').click();
    const dialog = page.getByRole('dialog');
    await openedDialog();
    await expectAccessible();
    await page.getByTestId('confirm-submit').click();
    expect(await actionTone()).toBe('success');
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('action-identify').click();
    await openedDialog();
    // Identified by is required: the error is shown next to it.
    await dialog.getByTestId('submit').click();
    await expect.poll(() => dialog.getByText('Enter who identified the cardholder').count()).toBe(1);
    await dialog.getByTestId('idn-date').fill('2026-01-15');
    await dialog.getByTestId('idn-time').fill('10:30');
    await dialog.getByTestId('idn-by').fill('Operator Aliya, branch 12');
    await dialog.getByTestId('idn-by').press('Enter');
    expect(await actionTone()).toBe('success');
    await dialog.waitFor({ state: 'detached' });
    // Sent with the workstation's offset, as RFC 3339.
    expect(session.ipcPayloads.some((p) => /"idnDate":"2026-01-15T10:30:00[+-]\d{2}:\d{2}"/.test(p))).toBe(true);
  });

  it('reveals the secret data for a while, and masks it again on blur and on leaving the screen', async () => {
    expect(await page.getByTestId('secret-masked').textContent()).toContain(
      await page.getByTestId('card-mask').textContent(),
    );
    await page.getByTestId('secret-reveal').click();
    await page.getByTestId('reveal-reason').selectOption('client_verification');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('secret-revealed').waitFor({ timeout: 10_000 });
    const shown = (await page.getByTestId('secret-pan').textContent()) ?? '';
    expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const pan = shown.replace(/ /g, '');
    expect(luhnValid(pan)).toBe(true);
    expect(await page.getByTestId('secret-cvv').textContent()).toMatch(/^\d{3,4}$/);
    expect(await page.getByTestId('secret-countdown').textContent()).toMatch(/Hidden again in (30|29|28) seconds/);

    await page.getByTestId('copy-pan').click();
    await expect.poll(() => page.getByTestId('copy-notice').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pan);
    await screenshot(page, 'card-secret-en');
    await expectAccessible();

    // The window loses focus: the values are gone at once.
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await page.getByTestId('secret-masked').waitFor();
    // …and main is told, so it ends the window's content protection.
    await expect
      .poll(() => session.ipcRecords.filter((r) => r.method === 'cards.concealSecret' && r.kind === 'request').length)
      .toBeGreaterThan(0);
    expect(await page.getByTestId('secret-revealed').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(shown);

    // Revealed again, then the operator leaves the screen: gone, and the clipboard emptied.
    await page.getByTestId('secret-reveal').click();
    await page.getByTestId('reveal-reason').selectOption('client_verification');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('secret-revealed').waitFor({ timeout: 10_000 });
    await page.getByTestId('copy-pan').click();
    await expect.poll(() => page.getByTestId('copy-notice').count()).toBe(1);
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('cards-screen').waitFor();
    expect(await page.locator('body').textContent()).not.toContain(shown);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('');
    await openCardFromSection();
    expect(await page.getByTestId('secret-masked').count()).toBe(1);
    expect(await page.getByTestId('secret-revealed').count()).toBe(0);
  });

  it('lists the card limits and sets one', async () => {
    await page.getByTestId('tab-limits').click();
    await page.getByTestId('limits-empty').waitFor({ timeout: 10_000 });
    await page.getByTestId('limit-type').selectOption('withdrawal_atm');
    await page.getByTestId('limit-period').selectOption('month');
    await page.getByTestId('limit-max').fill('15,5');
    await page.getByTestId('limit-submit').click();
    await expect.poll(() => page.getByText('Enter an amount such as').count()).toBe(1);
    await page.getByTestId('limit-max').fill('50000');
    await page.getByTestId('limit-max').press('Enter');
    await expect
      .poll(() => page.getByTestId('limit-outcome').getAttribute('data-tone'), { timeout: 10_000 })
      .toBe('success');
    const table = page.getByTestId('limits-table');
    await table.waitFor({ timeout: 10_000 });
    const row = (await table.locator('tbody tr').first().textContent()) ?? '';
    expect(row).toContain('ATM withdrawals');
    expect(row).toContain('Per month');
    expect(row).toMatch(/50[\s,.\u00a0\u202f]?000/);
    expect(row).toContain('₸');
    await expectAccessible();
  });

  it('closes the card after the last four digits are typed; a closed card offers no action', async () => {
    const mask = (await page.getByTestId('card-mask').textContent()) ?? '';
    const last4 = mask.slice(-4);
    await page.getByTestId('action-close').click();
    const dialog = page.getByRole('dialog');
    await openedDialog();
    await expectAccessible();
    await dialog.getByTestId('reason').selectOption('client_request');
    await dialog.getByTestId('note').fill('moving abroad');
    expect(await page.getByTestId('confirm-submit').isDisabled()).toBe(true);
    await page.getByTestId('confirm-word').fill('0000' === last4 ? '1111' : '0000');
    expect(await page.getByTestId('confirm-submit').isDisabled()).toBe(true);
    await page.getByTestId('confirm-word').fill(last4);
    // The card has money on it (its activation statement): the balance must be acknowledged first.
    expect(await page.getByTestId('confirm-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('close-acknowledge').check();
    await page.getByTestId('confirm-word').press('Enter');
    expect(await actionTone()).toBe('success');
    await expectStatus('closed');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('no-actions').textContent()).toContain('closed');
    for (const action of ['activate', 'block', 'unblock', 'setPin', 'resetPinCounter', 'identify', 'close']) {
      expect(await page.getByTestId(`action-${action}`).count()).toBe(0);
    }
    expect(await page.getByTestId('secret-reveal').count()).toBe(0);
    await expectAccessible();
  });

  it('shows the card page in Russian', async () => {
    await setLanguage('ru');
    await reload();
    await openCardFromSection();
    await expectStatus('closed');
    await expect.poll(() => page.getByTestId('statement-count').textContent(), { timeout: 10_000 }).toMatch(/^\d+ /);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Карта /);
    await screenshot(page, 'card-ru');
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('recent-card').first().waitFor();
    await screenshot(page, 'cards-ru');
    await expectAccessible();
    await setLanguage('en');
  });

  it('made no console error (CSP violations included)', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
