// Browser test of the Gift cards screen through the preview and its embedded sandbox: products with their
// values, issuing a card, a wrong one-time code, activating with the code the sandbox sent, a new code,
// status lookup and sending the card data again; accessibility and CSP on every state; EN and RU screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearFaults,
  injectFault,
  latestCode,
  openApp,
  openAppIn,
  openPreview,
  screenshot,
  type PreviewSession,
  expectStillAccessible,
  openWithShortcut,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;

/** Two Kazakh mobile numbers, as typed and as the sandbox files them (E.164 digits). */
const HOLDER_A = { typed: '701 234 5678', digits: '77012345678', shown: '+7 701 234 5678' };
const HOLDER_B = { typed: '705 111 2233', digits: '77051112233', shown: '+7 705 111 2233' };

beforeAll(async () => {
  session = await openPreview();
  page = session.page;
});

afterAll(async () => {
  await session.close();
});

const focusedTestId = (): Promise<string | null | undefined> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

async function issue(name: string, holder: { typed: string }, product: string): Promise<void> {
  await page.getByTestId('gift-cardholder').fill(name);
  await page.getByTestId('gift-phone').locator('input[type=tel]').fill(holder.typed);
  await page.getByTestId('gift-product-select').selectOption(product);
  // Enter in the last field submits the form; the sale is confirmed in a dialog.
  await page.getByTestId('gift-issue-card-id').press('Enter');
  await page.getByTestId('confirm-submit').click();
}

const wrongCodeFor = (code: string): string => (code === '000000' ? '111111' : '000000');

describe('the Gift cards screen', () => {
  it('lists the products with their values in the operator language', async () => {
    await openApp(session);
    await openAppIn(session, 'en');
    await openWithShortcut(page, 'gift');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gift cards');
    const products = page.getByTestId('gift-product');
    await expect.poll(() => products.count(), { timeout: 15_000 }).toBe(3);
    expect(await products.nth(0).textContent()).toContain('Gift card 5000 KZT');
    expect(await page.getByTestId('gift-product-balance').allTextContents()).toEqual([
      '₸5,000.00',
      '₸10,000.00',
      '₸25,000.00',
    ]);
    // The products' remote images are never requested (the CSP would refuse them anyway).
    expect(await page.locator('img').count()).toBe(0);
    await expectStillAccessible(page);
  });

  it('refuses an incomplete form next to the fields, keeping what was typed', async () => {
    await page.getByTestId('gift-cardholder').fill('Aigerim Sadykova');
    await page.getByTestId('gift-issue-submit').click();
    await expect.poll(() => page.getByText("Type the holder's mobile number.").count()).toBe(1);
    expect(await page.getByText('Choose a product.').count()).toBe(1);
    expect(await page.getByTestId('gift-cardholder').inputValue()).toBe('Aigerim Sadykova');
    // The first invalid field (the phone number) has the focus.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('tel');
    await expectStillAccessible(page);
  });

  it('issues a card, refuses a wrong code in words and activates with the code from the SMS', async () => {
    await issue('Aigerim Sadykova', HOLDER_A, '2');
    const issued = page.getByTestId('gift-issued');
    await expect.poll(() => issued.textContent(), { timeout: 15_000 }).toContain('Gift card 700001 was issued');
    expect(await issued.textContent()).toContain(`An SMS with a one-time code was sent to ${HOLDER_A.shown}`);
    // The confirm step opens with the cursor in the code field.
    expect(await focusedTestId()).toBe('gift-otp');
    expect(await page.getByTestId('gift-otp').getAttribute('autocomplete')).toBe('one-time-code');
    await expectStillAccessible(page);

    const code = await latestCode(session, HOLDER_A.digits);
    await page.getByTestId('gift-otp').fill(wrongCodeFor(code));
    await page.getByTestId('gift-otp').press('Enter');
    const refused = page.getByTestId('gift-confirm-outcome');
    await expect
      .poll(() => refused.textContent())
      .toContain('The one-time code is wrong. Ask the holder for the latest code, or send a new one.');
    expect(await focusedTestId()).toBe('gift-otp');
    await expectStillAccessible(page);

    await page.getByTestId('gift-otp').fill(code);
    await page.getByTestId('gift-confirm-submit').click();
    await expect.poll(() => page.getByTestId('gift-activated').textContent()).toContain('700001 is activated');
    const facts = page.getByTestId('gift-confirm-facts');
    expect(await facts.getByTestId('gift-status').textContent()).toBe('Activated');
    expect(await facts.getByTestId('gift-balance').textContent()).toBe('₸10,000.00');
    expect(await facts.textContent()).toMatch(/\d{6}\*{6}\d{4}/);
    await screenshot(page, 'gift-en');
    await expectStillAccessible(page);
  });

  it('sends a new code: the old one stops working, the new one activates', async () => {
    await page.getByTestId('gift-issue-another').click();
    await issue('Timur Akhmetov', HOLDER_B, '1');
    await expect
      .poll(() => page.getByTestId('gift-issued').textContent(), { timeout: 15_000 })
      .toContain('Gift card 700002 was issued');
    const first = await latestCode(session, HOLDER_B.digits);

    await page.getByTestId('gift-resend-code').click();
    await expect
      .poll(() => page.getByTestId('gift-resend-code-outcome').textContent())
      .toContain(`A new one-time code was sent to ${HOLDER_B.shown}`);
    const second = await latestCode(session, HOLDER_B.digits);
    if (second !== first) {
      await page.getByTestId('gift-otp').fill(first);
      await page.getByTestId('gift-otp').press('Enter');
      await expect.poll(() => page.getByTestId('gift-confirm-outcome').textContent()).toContain('code is wrong');
    }
    await page.getByTestId('gift-otp').fill(second);
    await page.getByTestId('gift-otp').press('Enter');
    await expect.poll(() => page.getByTestId('gift-activated').textContent()).toContain('700002 is activated');
    expect(await page.getByTestId('gift-confirm-facts').getByTestId('gift-balance').textContent()).toBe('₸5,000.00');
    await expectStillAccessible(page);
  });

  it('looks a card up by id, sends its data again, and says when an id is not a number', async () => {
    const id = page.getByTestId('gift-lookup-card-id');
    await id.fill('70000l');
    await id.press('Enter');
    await expect.poll(() => page.getByText('A gift card ID is a whole number, e.g. 700001.').count()).toBe(1);
    expect(await id.inputValue()).toBe('70000l');

    await id.fill('700001');
    await id.press('Enter');
    const facts = page.getByTestId('gift-lookup-facts');
    await expect.poll(() => facts.getByTestId('gift-status').textContent()).toBe('Activated');
    expect(await facts.getByTestId('gift-balance').textContent()).toBe('₸10,000.00');

    await page.getByTestId('gift-resend').click();
    await expect
      .poll(() => page.getByTestId('gift-send-outcome').textContent())
      .toContain('The card data was sent to the holder again.');

    // An activated card takes no new code (docs/card-api.md, gift cards): none is offered.
    expect(await page.getByTestId('gift-lookup-resend-code').count()).toBe(0);

    await id.fill('123');
    await id.press('Enter');
    await expect
      .poll(() => page.getByTestId('gift-lookup-error').textContent())
      .toContain('The gift card ID is invalid or unknown.');
    await expectStillAccessible(page);

    // An id the form refuses next: the refusal of 123 goes, as it no longer answers the field.
    await id.fill('70000l');
    await id.press('Enter');
    await expect.poll(() => page.getByText('A gift card ID is a whole number, e.g. 700001.').count()).toBe(1);
    expect(await page.getByTestId('gift-lookup-error').count()).toBe(0);
  });

  it('says the result is being checked when the answer was lost, keeping the form as typed', async () => {
    await page.getByTestId('gift-issue-another').click();
    await injectFault(session, [{ op: 'gift.issue', kind: 'reset_before_commit', count: 5 }]);
    await issue('Dana Bekova', HOLDER_A, '3');
    const outcome = page.getByTestId('gift-issue-outcome');
    await expect.poll(() => outcome.getAttribute('data-tone'), { timeout: 20_000 }).toBe('warning');
    expect(await outcome.textContent()).toContain("Checking: the bank's answer did not arrive");
    expect(await page.getByTestId('gift-cardholder').inputValue()).toBe('Dana Bekova');
    expect(await page.getByTestId('gift-product-select').inputValue()).toBe('3');
    await clearFaults(session);
    await expectStillAccessible(page);
  });

  it('shows the screen in Russian', async () => {
    await openAppIn(session, 'ru');
    await openWithShortcut(page, 'gift');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Подарочные карты');
    await expect.poll(() => page.getByTestId('gift-product').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByTestId('gift-product').nth(0).textContent()).toContain('Подарочная карта 5000 ₸');
    await page.getByTestId('gift-lookup-card-id').fill('700001');
    await page.getByTestId('gift-lookup-card-id').press('Enter');
    await expect
      .poll(() => page.getByTestId('gift-lookup-facts').getByTestId('gift-status').textContent())
      .toBe('Активирована');
    expect(await page.getByTestId('gift-lookup-facts').getByTestId('gift-balance').textContent()).toMatch(
      /^10\s000,00\s₸$/,
    );
    await screenshot(page, 'gift-ru');
    await expectStillAccessible(page);
    expect(session.consoleErrors).toEqual([]);
  });
});
