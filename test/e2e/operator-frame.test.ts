// Browser test of the frame's promises to the operator (docs/operator-ui.md, frame and navigation; forms and
// drafts): the frame names who is signed in; empty tables tell "nothing yet" from "hidden by the filter" and
// clear it; half-filled forms survive a change of section and a lock, signing in again as the same operator
// returns to the screen they were on, and switching operator drops them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClientAndCard } from './support/main-screens.ts';
import { openPreview, type PreviewSession } from './support/preview-session.ts';
import { TEST_ADMIN } from '../support/sign-in.ts';

let session: PreviewSession;
let page: Page;

async function reload(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(await session.link());
  await page.getByTestId('active-profile-name').filter({ hasText: 'Sandbox' }).waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 }, language: 'en' });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await reload();
});

afterAll(async () => {
  await session.close();
});

describe('the frame', () => {
  it('names who is signed in, with their roles', async () => {
    expect(await page.getByTestId('frame-operator-name').textContent()).toBe(TEST_ADMIN.name);
    expect(await page.getByTestId('frame-operator-roles').textContent()).toContain('Administrator');
    expect(await page.getByTestId('lock-button').isEnabled()).toBe(true);
  });
});

describe('empty tables', () => {
  it('say how many rows the filter hides, and clear it', async () => {
    await seedClientAndCard(page);
    await page.getByTestId('nav-requests').click();
    // The default filter shows open work only; both writes are done.
    const empty = page.getByTestId('requests-empty');
    await expect.poll(() => empty.getAttribute('data-empty')).toBe('filtered');
    expect(await empty.textContent()).toContain('2 hidden');
    expect(await empty.textContent()).not.toContain('No requests');
    await page.getByTestId('requests-empty-clear').click();
    await expect.poll(() => page.getByTestId('requests-table').locator('tbody tr.vtable-row').count()).toBe(2);

    await page.getByTestId('nav-journal').click();
    await page.getByTestId('journal-text').fill('no-such-operation');
    await page.getByTestId('journal-search').click();
    const journalEmpty = page.getByTestId('journal-empty');
    await expect.poll(() => journalEmpty.getAttribute('data-empty')).toBe('filtered');
    expect(await journalEmpty.textContent()).toContain('2 hidden');
    await page.getByTestId('journal-empty-clear').click();
    await expect.poll(() => page.getByTestId('journal-table').locator('tbody tr.vtable-row').count()).toBe(2);
    expect(await page.getByTestId('journal-text').inputValue()).toBe('');
  });
});

describe('drafts', () => {
  it('keep a half-filled form across a change of section', async () => {
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-tab-new').click();
    await page.getByTestId('client-last-name').fill('Draftova');
    await page.getByTestId('client-first-name').fill('Dana');
    await page.getByTestId('nav-gift').click();
    await page.getByTestId('gift-cardholder').fill('GIFT HOLDER');
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('nav-clients').click();
    // Back on the tab of the half-filled form.
    expect(await page.getByTestId('clients-tab-new').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('client-last-name').inputValue()).toBe('Draftova');
    expect(await page.getByTestId('client-first-name').inputValue()).toBe('Dana');
  });

  it('keep them across a lock, and signing in again returns to the same screen', async () => {
    await page.getByTestId('nav-gift').click();
    expect(await page.getByTestId('gift-cardholder').inputValue()).toBe('GIFT HOLDER');
    await page.getByTestId('lock-button').click();
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('gift-cardholder').count()).toBe(0);
    expect(await page.getByTestId('sign-in-id').inputValue()).toBe(TEST_ADMIN.operatorId);
    await page.getByTestId('sign-in-secret').fill(TEST_ADMIN.secret);
    await page.getByTestId('sign-in-secret').press('Enter');

    await expect
      .poll(() => page.getByTestId('nav-gift').getAttribute('aria-current'), { timeout: 10_000 })
      .toBe('page');
    expect(await page.getByTestId('gift-cardholder').inputValue()).toBe('GIFT HOLDER');
    await page.getByTestId('nav-clients').click();
    expect(await page.getByTestId('client-last-name').inputValue()).toBe('Draftova');
  });

  it('go when the operator switches: the next one starts from a clean desk', async () => {
    await page.getByTestId('frame-operator').click();
    await page.getByTestId('frame-switch-operator').click();
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('switch-operator').count()).toBe(0);
    await page.getByTestId('sign-in-id').fill(TEST_ADMIN.operatorId);
    await page.getByTestId('sign-in-secret').fill(TEST_ADMIN.secret);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('frame').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('nav-clients').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('clients-tab-new').click();
    expect(await page.getByTestId('client-last-name').inputValue()).toBe('');
  });
});
