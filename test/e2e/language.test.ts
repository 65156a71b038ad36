// Browser test of the UI in Kazakh, Kyrgyz and Uzbek on a Chromium without locale data for them: money, numbers
// and dates as CLDR has them (the app's own data, not the browser's), the environment, audited actions and
// their details and bulk problem details in words, gift product names labelled with their language.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openAppIn, openPreview, screenshot, type PreviewSession } from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;

type Lang = 'en' | 'kk' | 'ky' | 'uz';
const HEADER = 'product_id;phone;type;resident;first_name;last_name;card_kind';
const ROW = '2000;77009990001;1;1;Aigerim;Nura;virtual';

/** Chromium writes group and currency spaces as U+00A0 or U+202F: compared as plain spaces. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * The short month name CLDR gives a language, lower-case (Node carries full ICU data; the browser under test does
 * not). The stand-alone form may be capitalised where a date has it in lower case.
 */
const shortMonth = (language: Lang, at: Date): string =>
  new Intl.DateTimeFormat(language, { month: 'short' }).format(at).replace(/\.$/, '').toLowerCase();

async function openSection(section: string): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
}

/** Requests › the first entry's details, with every state shown (open work only by default). */
async function firstRequestDetails(): Promise<string> {
  await openSection('requests');
  const all = page.getByTestId('state-chip-all');
  await all.waitFor({ state: 'attached' });
  if (!(await all.isChecked())) {
    await all.focus();
    await page.keyboard.press('Space');
  }
  const row = page.getByTestId('requests-table').locator('tbody tr.vtable-row').first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  const details = page.getByTestId('entry-details');
  await details.waitFor();
  return plain(await details.textContent()).toLowerCase();
}

beforeAll(async () => {
  session = await openPreview();
  page = await openApp(session);
  // A journaled write (Requests shows its time) and a bulk job (audited with its rows and format).
  const created = await page.evaluate<{ kind: string }>(
    `window.cardDesk.clients.create({ draft: { product_id: 2000, client: { phone: 77019876543, type: 1, resident: 1,
      first_name: 'ALMA', last_name: 'TEST' } } })`,
  );
  expect(created.kind).toBe('done');
  const content = Buffer.from(`${HEADER}\n${ROW}\n`, 'utf8').toString('base64');
  const report = await page.evaluate<{ draftId?: string }>(
    `window.cardDesk.bulk.validate({ fileName: 'one.csv', contentBase64: '${content}' })`,
  );
  expect(report.draftId).toBeDefined();
  await page.evaluate(`window.cardDesk.bulk.start({ draftId: '${report.draftId ?? ''}' })`);
});

afterAll(async () => {
  await session.close();
});

describe('Kazakh, Kyrgyz and Uzbek', () => {
  it('kk: money, a date, the environment, audited actions and gift names in Kazakh', async () => {
    await openAppIn(session, 'kk');
    expect(await page.getByTestId('environment-badge').first().textContent()).toBe('Құмсалғыш');

    await openSection('gift');
    const balances = page.getByTestId('gift-product-balance');
    await expect.poll(() => balances.count(), { timeout: 15_000 }).toBe(3);
    expect(plain(await balances.first().textContent())).toBe('5 000,00 ₸');
    // The sandbox's products have a Russian and an English name: Russian is the closer one, and said so.
    expect(await page.getByTestId('gift-product-name').first().getAttribute('lang')).toBe('ru');
    expect(await page.getByTestId('gift-product-name-language').first().textContent()).toContain('(орысша)');
    await screenshot(page, 'language-gift-kk');

    const text = await firstRequestDetails();
    expect(text).toContain(shortMonth('kk', new Date()));
    expect(text).not.toMatch(/\bm\d{1,2}\b/);
    await page.keyboard.press('Escape');

    await openSection('journal');
    await page.getByTestId('tab-audit').click();
    const started = page.locator('[data-action="bulk.start"]').first();
    await started.waitFor({ timeout: 15_000 });
    expect(await started.textContent()).toBe('Жаппай тапсырма іске қосылды');
    const auditRow = page.locator('tr.vtable-row', { has: started });
    const auditDetails = plain(await auditRow.getByTestId('audit-details').textContent());
    expect(auditDetails).toContain('Жолдар: 1');
    expect(auditDetails).toContain('Пішім: Клиенттер');
    expect(auditDetails).not.toMatch(/jobId|rows:|format:/);

    // The date fields' calendar is in Kazakh too (Chromium's own date input follows the browser's locale), and
    // so is the pattern an empty field shows.
    expect(await page.getByTestId('audit-from').getAttribute('placeholder')).toBe('ЖЖЖЖ-АА-КК');
    await page.getByTestId('audit-from').click();
    const month = new Intl.DateTimeFormat('kk', { month: 'long' }).format(new Date()).toLowerCase();
    await expect
      .poll(async () => ((await page.locator('[data-dates-dropdown]').textContent()) ?? '').toLowerCase())
      .toContain(month);
    await screenshot(page, 'language-audit-kk');
    await page.keyboard.press('Escape');
  });

  it('kk: a bulk file problem is detailed in Kazakh', async () => {
    await openSection('bulk');
    await page.getByTestId('bulk-file-input').setInputFiles({
      name: 'extra.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${HEADER};nickname\n${ROW};x\n`, 'utf8'),
    });
    const detail = page.getByTestId('bulk-problem-detail').first();
    await detail.waitFor({ timeout: 15_000 });
    expect(await detail.textContent()).toBe('«Клиенттер» пішімінде мұндай баған жоқ');
  });

  it.each([
    ['ky', 'Кумсалгыч', '(орусча)'],
    ['uz', 'Qumdon', '(ruscha)'],
  ] as const)('%s: money and a date as CLDR has them', async (language, environment, nameNote) => {
    await openAppIn(session, language);
    expect(await page.getByTestId('environment-badge').first().textContent()).toBe(environment);
    await openSection('gift');
    const balances = page.getByTestId('gift-product-balance');
    await expect.poll(() => balances.count(), { timeout: 15_000 }).toBe(3);
    expect(plain(await balances.first().textContent())).toBe('5 000,00 ₸');
    expect(await page.getByTestId('gift-product-name-language').first().textContent()).toContain(nameNote);

    const text = await firstRequestDetails();
    expect(text).toContain(shortMonth(language, new Date()));
    expect(text).not.toMatch(/\bm\d{1,2}\b/);
    await screenshot(page, `language-requests-${language}`);
    await page.keyboard.press('Escape');
  });
});
