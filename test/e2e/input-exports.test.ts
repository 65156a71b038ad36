// Browser test, in Russian at 1024×700: the new-client form refuses a birth date in the future or before 1900 and
// offers only ISO countries, by name in the operator's language; the extended statement filters by type and text
// and exports the rows shown as a CSV a Russian Excel opens cleanly (BOM, ';', decimal comma, local time with
// offset). docs/operator-ui.md, Clients and cards, Exports.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { openApp, openPreview, screenshot, type PreviewSession } from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
let cardId = '';

const byTestId = (id: string): Locator => page.getByTestId(id);

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

function localDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 } });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await openApp(session);
  // Russian, and an activated card with a statement (top-up and purchases with kopecks), through the bridge.
  const setup = await page.evaluate(async () => {
    const api = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
    await api.settings.update({ language: 'ru' });
    const client = await api.clients.create({
      draft: {
        product_id: 2000,
        client: { phone: 77012345679, type: 1, resident: 1, first_name: 'Aigerim', last_name: 'Nurlanova' },
      },
    });
    if (client.kind !== 'done') return { error: JSON.stringify(client) };
    const card = await api.cards.issue({ clientId: String(client.result.client_id) });
    if (card.kind !== 'done') return { error: JSON.stringify(card) };
    const id = (card.result.cards as { card_id: string }[])[0]?.card_id ?? '';
    const activated = await api.cards.activate({ cardId: id });
    if (activated.kind !== 'done') return { error: JSON.stringify(activated) };
    return { cardId: id };
  });
  if ('error' in setup) throw new Error(`setup failed: ${setup.error}`);
  cardId = setup.cardId;
  // The app reads the language at start: Russian is the default, so a reload is needed only if it was not.
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'ru') await openApp(session);
}, 60_000);

afterAll(async () => {
  await session.close();
});

describe('new-client form: input checks', () => {
  it('refuses a birth date in the future and one before 1900, in the operator language', async () => {
    await byTestId('nav-clients').click();
    await byTestId('clients-tab-new').click();
    const birthdate = byTestId('client-birthdate');
    await birthdate.fill(localDay(1));
    await byTestId('client-submit').click();
    expect(await errorOf(birthdate)).toBe('Дата рождения не может быть в будущем.');
    await birthdate.fill('1899-12-31');
    expect(await errorOf(birthdate)).toBe('Дата рождения не может быть раньше 1900 года.');
    await birthdate.fill(localDay(0));
    await expect.poll(() => birthdate.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('offers countries by their Russian names and refuses a code outside ISO 3166', async () => {
    const country = byTestId('client-country');
    await country.click();
    await page.keyboard.type('QQQ');
    await expect.poll(() => page.getByText('Такой страны нет').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await byTestId('client-person-id').click();
    // Nothing was chosen: the field is empty and, for product 1000, required.
    expect(await country.inputValue()).toBe('');
    expect(await errorOf(country)).toBe('Обязательно');

    await country.click();
    await page.keyboard.type('казах');
    const option = page.getByRole('option', { name: 'Казахстан (KAZ)' });
    await expect.poll(() => option.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => country.inputValue()).toBe('Казахстан (KAZ)');
    await expect.poll(() => country.getAttribute('aria-invalid')).not.toBe('true');
    await screenshot(page, 'client-form-country-ru-1024x700');
    // The registration address's country is the same list.
    await byTestId('client-address1-country').click();
    await page.keyboard.type('KGZ');
    await expect.poll(() => page.getByRole('option', { name: 'Киргизия (KGZ)' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });
});

describe('extended statement: filters and CSV export', () => {
  const count = (): Promise<string | null> => byTestId('extended-count').textContent();

  it('filters the operations by type and by text', async () => {
    await byTestId('nav-cards').click();
    await byTestId('open-card-id').fill(cardId);
    await byTestId('open-card-id').press('Enter');
    await byTestId('tab-extended').click();
    await byTestId('extended-statement').waitFor({ timeout: 10_000 });
    await expect.poll(count).toMatch(/^\d+ строк/);
    const total = Number(/^(\d+)/.exec((await count()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(1);

    await byTestId('extended-type').selectOption('replenishment');
    await expect.poll(count).toBe(`1 из ${String(total)}`);
    await byTestId('extended-type').selectOption('purchase');
    await expect.poll(count).toBe(`${String(total - 1)} из ${String(total)}`);
    await byTestId('extended-type').selectOption('');
    // Text: the merchant, and the type's word in Russian.
    await byTestId('extended-filter').fill('top-up');
    await expect.poll(count).toBe(`1 из ${String(total)}`);
    await byTestId('extended-filter').fill('пополнение');
    await expect.poll(count).toBe(`1 из ${String(total)}`);
    await byTestId('extended-filter').fill('нет такой операции');
    await expect.poll(count).toBe(`0 из ${String(total)}`);
    await byTestId('extended-filter').fill('');
    await expect.poll(count).toMatch(/строк/);
    await byTestId('extended-operations').scrollIntoViewIfNeeded();
    await screenshot(page, 'card-extended-statement-ru-1024x700');
  });

  it('exports the rows shown as a CSV for a Russian Excel: BOM, ";", decimal comma, local time with offset', async () => {
    await byTestId('extended-type').selectOption('purchase');
    await expect.poll(count).toMatch(/^\d+ из/);
    const shown = Number(/^(\d+) из/.exec((await count()) ?? '')?.[1]);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('extended-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^statement-extended-\d{4}-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Дата;Тип;Сумма;Комиссия;Валюта;Торговая точка;Место;MCC;RRN');
    expect(lines.length).toBe(shown + 1);
    for (const line of lines.slice(1)) {
      const [time, type, amount] = line.split(';');
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
      expect(type).toBe('Покупка');
      expect(amount).toMatch(/^\d+(,\d{1,2})?$/);
    }
    // The sandbox's purchases carry kopecks: at least one amount has a decimal comma.
    expect(lines.slice(1).some((line) => /^[^;]*;[^;]*;\d+,\d/.test(line))).toBe(true);
    await byTestId('extended-type').selectOption('');
  });

  it('made no console error', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
