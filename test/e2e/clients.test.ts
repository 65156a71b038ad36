// Browser test of the Clients screens through the preview and its embedded sandbox: the new-client form (every
// field of client.create, docs/card-api.md) with its validation (nothing is sent while a field is wrong), creating a client, finding it again, and
// the client page: its cards, issuing virtual and plastic cards, changing the phone, linking a card.
import type { Locator, Page } from 'playwright-core';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let clientId = '';

/** A tiny but real-looking PDF: what the form checks is the `%PDF-` signature and the size. */
const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const OUTCOME_TIMEOUT = 20_000;

beforeAll(async () => {
  session = await openPreview();
  page = session.page;
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await session.close();
});

/** client.create operations in the journal: proves whether the form sent anything. */
function createdCount(): Promise<number> {
  return page.evaluate(async () => {
    const { cardDesk } = window as unknown as { cardDesk: CardDeskApi };
    const found = await cardDesk.journal.count({ op: 'client.create' });
    return found.count;
  });
}

/** Focus a field and type into it from the keyboard, replacing what it held. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** The error text Mantine shows under a field (linked by aria-describedby). */
async function errorOf(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter((id) => id.endsWith('-error'))
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

async function expectNoSeriousViolations(): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

async function expectNoSeriousViolationsInConfirmDialog(dialog: Locator): Promise<void> {
  // Contrast is measured once the dialog has faded in.
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await expectNoSeriousViolations();
}

function unexpectedConsoleErrors(): string[] {
  return session.consoleErrors;
}

/** Full-page screenshots of a scrolled page would show the sticky header half-way down. */
async function screenshotFromTop(name: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await screenshot(page, name);
}

const byTestId = (id: string): Locator => page.getByTestId(id);
const form = (): Locator => byTestId('client-form');

describe('Clients: find and create', () => {
  it('opens on the Clients section with the find tab: open by id and an empty recent list', async () => {
    await openApp(session);
    await openAppIn(session, 'en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Clients');
    await expect.poll(() => byTestId('recent-clients-empty').isVisible()).toBe(true);
    // An empty id is refused in words, nothing navigates.
    await byTestId('open-client-submit').click();
    expect(await errorOf(byTestId('open-client-id'))).toBe('Required');
    await expectNoSeriousViolations();
  });

  it('refuses an empty form: errors next to the fields, focus on the first, nothing sent', async () => {
    await byTestId('clients-tab-new').click();
    await expectNoSeriousViolations(); // the empty form
    await screenshotFromTop('clients-en');
    await byTestId('client-last-name').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('client-form-invalid').isVisible()).toBe(true);
    expect(await errorOf(byTestId('client-last-name'))).toBe('Required');
    expect(await errorOf(byTestId('client-first-name'))).toBe('Required');
    // Product 1000: country, national id, document and the registration address are required.
    expect(await errorOf(byTestId('client-country'))).toBe('Required');
    expect(await errorOf(byTestId('client-person-id'))).toBe('Required');
    expect(await errorOf(byTestId('client-document'))).toBe('Required');
    expect(await errorOf(byTestId('client-address1-postal_code'))).toBe('Required');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('client-last-name');
    expect(await createdCount()).toBe(0);
    await expectNoSeriousViolations(); // the form with errors
    await screenshotFromTop('clients-errors-en');
  });

  it('makes document, country, national id and address optional for product 2000', async () => {
    await form().getByRole('radio', { name: /^2000/ }).check();
    await expect.poll(() => byTestId('product-requirements').textContent()).toMatch(/optional/);
    await expect.poll(() => byTestId('client-document').getAttribute('aria-invalid')).not.toBe('true');
    await expect.poll(() => byTestId('client-country').getAttribute('aria-invalid')).not.toBe('true');
    expect(await byTestId('client-person-id').getAttribute('required')).toBeNull();
    expect(await form().getByText('Identity document (optional)').isVisible()).toBe(true);
    // Back to 1000: required again, with its marks.
    await form().getByRole('radio', { name: /^1000/ }).check();
    expect(await errorOf(byTestId('client-document'))).toBe('Required');
    expect(await byTestId('client-person-id').getAttribute('required')).not.toBeNull();
  });

  it('refuses a Cyrillic name, a bad phone and wrong documents without sending anything', async () => {
    await typeInto(byTestId('client-last-name'), 'Иванов');
    expect(await errorOf(byTestId('client-last-name'))).toMatch(/Latin letters only/);

    const phone = byTestId('client-phone').getByRole('textbox', { name: 'Mobile phone' });
    await typeInto(phone, '12345');
    await page.keyboard.press('Tab');
    expect(await errorOf(phone)).toMatch(/not a valid phone number/);

    const fileInput = form().locator('input[type="file"]');
    const huge = Buffer.alloc(2 * 1024 * 1024 + 1, 0x20);
    huge.write('%PDF-1.4', 0, 'latin1');
    await fileInput.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: huge });
    expect(await errorOf(byTestId('client-document'))).toMatch(/huge\.pdf is .* more than the 2 MB allowed/);
    await fileInput.setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('GIF89a…') });
    expect(await errorOf(byTestId('client-document'))).toMatch(/photo\.pdf is not a PDF file/);

    await byTestId('client-submit').click();
    await expect.poll(() => byTestId('client-form-invalid').isVisible()).toBe(true);
    expect(await createdCount()).toBe(0);
    // The input is kept as typed.
    expect(await byTestId('client-last-name').inputValue()).toBe('Иванов');
    await expectNoSeriousViolations();
  });

  it('creates a client for product 1000 from the keyboard and shows its id', async () => {
    await typeInto(byTestId('client-last-name'), 'IVANOV');
    await typeInto(byTestId('client-first-name'), 'IVAN');
    const phone = byTestId('client-phone').getByRole('textbox', { name: 'Mobile phone' });
    await typeInto(phone, '+7 701 234 5678');
    // The country is chosen from the ISO list: type part of the name or the code, Enter takes the first match.
    await typeInto(byTestId('client-country'), 'kaz');
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('client-country').inputValue()).toBe('Kazakhstan (KAZ)');
    await typeInto(byTestId('client-person-id'), '900101300123');
    await form()
      .locator('input[type="file"]')
      .setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF });
    await expect.poll(() => byTestId('client-document').getAttribute('aria-invalid')).not.toBe('true');
    expect(
      await form()
        .getByText(/Attached: passport\.pdf, [\d.]+ kB/)
        .isVisible(),
    ).toBe(true);
    await typeInto(byTestId('client-address1-country'), 'KAZ');
    await page.keyboard.press('Enter');
    await typeInto(byTestId('client-address1-postal_code'), '050000');
    await typeInto(byTestId('client-address1-address_line1'), 'Almaty');
    await typeInto(byTestId('client-address1-address_line2'), 'Abay avenue');
    await typeInto(byTestId('client-address1-address_line3'), '10');
    expect(await createdCount()).toBe(0);

    await page.keyboard.press('Enter');
    const outcome = byTestId('client-create-outcome');
    await expect.poll(() => outcome.getAttribute('data-tone'), { timeout: OUTCOME_TIMEOUT }).toBe('success');
    const text = (await byTestId('created-client-id').textContent()) ?? '';
    clientId = /New client ID: (\S+)/.exec(text)?.[1] ?? '';
    expect(clientId).not.toBe('');
    expect(await createdCount()).toBe(1);
    // Reset only after done: a fresh, empty form.
    expect(await byTestId('client-last-name').inputValue()).toBe('');
    await expectNoSeriousViolations();
  });

  it('lists the new client under recent clients, with a masked phone', async () => {
    await byTestId('clients-tab-find').click();
    const row = byTestId('recent-client').filter({ hasText: clientId });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/\*+5678/);
    expect(await row.textContent()).not.toContain('7012345678');
    await expectNoSeriousViolations();
    await screenshotFromTop('clients-find-en');
  });
});

describe('Client page', () => {
  const table = (): Locator => byTestId('client-cards');
  const rows = (): Locator => table().locator('tbody tr.vtable-row');

  it('opens by id, shows that the client has no cards yet', async () => {
    await typeInto(byTestId('open-client-id'), clientId);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Client ${clientId}`);
    await expect.poll(() => table().getByText('This client has no cards yet.').isVisible()).toBe(true);
    await expectNoSeriousViolations();
  });

  it('issues a virtual card after confirmation and lists it with its masked number', async () => {
    await byTestId('issue-virtual').click();
    const dialog = page.getByRole('dialog', { name: 'Issue a virtual card?' });
    await expect.poll(() => dialog.textContent()).toMatch(`A new virtual card will be issued to client ${clientId}`);
    await expectNoSeriousViolationsInConfirmDialog(dialog);
    await dialog.getByTestId('confirm-submit').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => byTestId('issue-virtual-outcome').getAttribute('data-tone'), { timeout: OUTCOME_TIMEOUT })
      .toBe('success');
    expect(await byTestId('issue-virtual-card-id').textContent()).toMatch(/New card ID: \S+/);
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toMatch(/\d{6}\*{6}\d{4}/);
    expect(await rows().first().textContent()).toContain('Virtual');
  });

  it('refuses a Cyrillic embossed name before asking anything', async () => {
    const name = byTestId('plastic-name');
    await typeInto(name, 'иванов');
    await page.keyboard.press('Enter');
    expect(await errorOf(name)).toMatch(/upper-case Latin letters/);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('issues a plastic card with the name upper-cased as typed', async () => {
    const name = byTestId('plastic-name');
    await typeInto(name, 'ivanov ivan');
    expect(await name.inputValue()).toBe('IVANOV IVAN');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Issue a plastic card?' });
    await expect.poll(() => dialog.textContent()).toMatch('with the name IVANOV IVAN');
    await dialog.getByTestId('confirm-submit').click();
    await expect
      .poll(() => byTestId('issue-plastic-outcome').getAttribute('data-tone'), { timeout: OUTCOME_TIMEOUT })
      .toBe('success');
    await expect.poll(() => rows().count()).toBe(2);
    expect(await table().textContent()).toContain('Plastic');
    expect(await table().textContent()).toContain('IVANOV IVAN');
    expect(await name.inputValue()).toBe(''); // ready for the next card
  });

  it('changes the phone for the product the client was created with', async () => {
    await expect
      .poll(() => byTestId('phone-product').textContent(), { timeout: OUTCOME_TIMEOUT })
      .toBe('1000 · Freedom Wallet Card');
    const phone = byTestId('phone-new').getByRole('textbox');
    await byTestId('phone-submit').click();
    expect(await errorOf(phone)).toBe('Required');
    await typeInto(phone, '+996 555 123 456');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => byTestId('phone-outcome').getAttribute('data-tone'), { timeout: OUTCOME_TIMEOUT })
      .toBe('success');
  });

  it('says in words that an unknown card cannot be linked', async () => {
    await typeInto(byTestId('link-card-id'), 'no-such-card');
    await page.keyboard.press('Enter');
    const outcome = byTestId('link-outcome');
    await expect.poll(() => outcome.getAttribute('data-tone'), { timeout: OUTCOME_TIMEOUT }).toBe('error');
    expect(await outcome.textContent()).toContain('No card with this ID exists at the bank. Check the ID.');
    await expectNoSeriousViolations(); // the client page with cards and outcomes
    await screenshotFromTop('client-en');
  });

  it('filters the cards and opens one with the keyboard; the breadcrumb leads back to Clients', async () => {
    const plastic = (await rows().filter({ hasText: 'Plastic' }).textContent()) ?? '';
    const lastFour = /\d{6}\*{6}(\d{4})/.exec(plastic)?.[1] ?? '';
    await typeInto(byTestId('client-cards-filter'), lastFour);
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Plastic');
    await typeInto(byTestId('client-cards-filter'), 'nothing like this');
    await expect.poll(() => table().getByText('Nothing matches the filter.').isVisible()).toBe(true);
    await typeInto(byTestId('client-cards-filter'), '');
    await expect.poll(() => rows().count()).toBe(2);
    await rows().first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('nav-cards').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => table().count()).toBe(0);
    // Back to the client, then to Clients by the breadcrumb.
    await byTestId('nav-clients').click();
    await typeInto(byTestId('open-client-id'), clientId);
    await page.keyboard.press('Enter');
    await byTestId('client-back').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Clients');
    expect(unexpectedConsoleErrors()).toEqual([]);
  });
});

describe('in Russian', () => {
  const rows = (): Locator => byTestId('client-cards').locator('tbody tr.vtable-row');

  it('shows both screens translated', async () => {
    await openAppIn(session, 'ru');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Клиенты');
    await byTestId('clients-tab-new').click();
    await byTestId('client-submit').click();
    await expect.poll(() => byTestId('client-form-invalid').isVisible()).toBe(true);
    expect(await errorOf(byTestId('client-last-name'))).toBe('Обязательно');
    await expectNoSeriousViolations();
    await screenshotFromTop('clients-ru');

    await byTestId('clients-tab-find').click();
    await typeInto(byTestId('open-client-id'), clientId);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Клиент ${clientId}`);
    await expect.poll(() => rows().count()).toBe(2);
    expect(await byTestId('client-cards-count').textContent()).toBe('2 карты');
    await expectNoSeriousViolations();
    await screenshotFromTop('client-ru');
    expect(unexpectedConsoleErrors()).toEqual([]);
  });
});

describe('Client page: what can go wrong', () => {
  it('says in words when the client does not exist', async () => {
    await openAppIn(session, 'en');
    await byTestId('clients-tab-find').click();
    await typeInto(byTestId('open-client-id'), 'cl_nobody');
    await page.keyboard.press('Enter');
    const error = byTestId('client-cards-error');
    await expect
      .poll(() => error.textContent(), { timeout: OUTCOME_TIMEOUT })
      .toContain('No client with this ID exists at the bank. Check the ID.');
    await expectNoSeriousViolations();
    await byTestId('client-back').click();
  });

  it('shows a write whose answer was lost as being checked, with the way to Requests', async () => {
    await typeInto(byTestId('open-client-id'), clientId);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Client ${clientId}`);
    // The change reaches nobody's answer, and Request status cannot say either: the outcome is unknown.
    await injectFault(session, [
      { op: 'client.update', kind: 'http_500', count: 1 },
      { op: 'request.status', kind: 'http_500', count: 20 },
    ]);
    try {
      await typeInto(byTestId('phone-new').getByRole('textbox'), '+998 90 123 45 67');
      await page.keyboard.press('Enter');
      const outcome = byTestId('phone-outcome');
      await expect.poll(() => outcome.getAttribute('data-tone'), { timeout: OUTCOME_TIMEOUT }).toBe('warning');
      expect(await outcome.textContent()).toContain('Do not repeat the operation');
      await expectNoSeriousViolations();
      await byTestId('phone-outcome-requests').click();
      await expect.poll(() => byTestId('nav-requests').getAttribute('aria-current')).toBe('page');
    } finally {
      await clearFaults(session);
    }
    expect(unexpectedConsoleErrors()).toEqual([]);
  });
});
