// Printed confirmations and the statement PDF (docs/operator-ui.md, "Printing"): each printable view opened in
// the preview is rendered to PDF by Chromium with the print media, as the browser's print would, and its text
// read back with pdf.js: the operation, the card's mask, totals, and never a whole card number; A4 and 80 mm.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import {
  latestCode,
  openApp,
  openAppIn,
  openPreview,
  ROOT,
  screenshot,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;
let clientId: string;
let cardId: string;
let mask: string;

const MM = 72 / 25.4;
/** A whole card number: 16 to 19 digits in a row. */
const CARD_NUMBER = /(?<!\d)\d{16,19}(?!\d)/;

interface Printed {
  text: string;
  width: number;
  height: number;
  pages: number;
}

const PRINTED = join(ROOT, 'test-results', 'print');

/**
 * The page as it prints now, read back: its text (items joined by spaces) and its first sheet's size in mm. The
 * PDF is kept as test-results/print/<name>.pdf, to be looked at.
 */
async function printed(name: string, layout: 'a4' | 'receipt'): Promise<Printed> {
  // The page size comes from the document's named page (print.css): printed before the preview's document is in
  // the print root, the page is empty and has page.pdf's default size, US Letter. A frame later a receipt has its
  // length too (receipt-length.ts runs once it has rendered).
  await page.locator(`.print-root .print-doc-${layout}`).waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync(PRINTED, { recursive: true });
  writeFileSync(join(PRINTED, `${name}.pdf`), bytes);
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const [, , width = 0, height = 0] = (await pdf.getPage(1)).view;
  const result = { text: parts.join('\n'), width: width / MM, height: height / MM, pages: pdf.numPages };
  await pdf.destroy();
  return result;
}

async function chooseLayout(preview: string, label: string): Promise<void> {
  await page.getByTestId(`${preview}-layout`).getByText(label, { exact: true }).click();
}

/** The words the checks look for, in the operator's language. */
const WORDS = {
  en: { receipt: 'Receipt 80 mm', signature: "Operator's signature", close: 'Close' },
  kk: { receipt: 'Түбіртек 80 мм', signature: 'Оператордың қолы', close: 'Жабу' },
};
let words = WORDS.en;
/** The first prints of the PIN set and of the gift card sold, to compare their reprints with. */
let pinSetSheet = '';
let giftSaleSheet = '';
let giftCardId = '';

async function useLanguage(language: keyof typeof WORDS): Promise<void> {
  await openAppIn(session, language);
  words = WORDS[language];
}

/**
 * Both layouts of the open confirmation, A4 and an 80 mm receipt, each with the operation and the mask; returns
 * the A4 sheet's text.
 */
async function expectBothLayouts(preview: string, operation: string): Promise<string> {
  await chooseLayout(preview, 'A4');
  const a4 = await printed(`${preview}-a4`, 'a4');
  expect(a4.width).toBeCloseTo(210, 0);
  expect(a4.height).toBeCloseTo(297, 0);
  await chooseLayout(preview, words.receipt);
  const receipt = await printed(`${preview}-receipt`, 'receipt');
  if (preview === 'issue-virtual-print-preview') await screenshot(page, `${preview}-en`);
  expect(receipt.width).toBeCloseTo(80, 0);
  // The roll is cut where the receipt ends, on one page.
  expect(receipt.height).toBeLessThan(200);
  expect(receipt.pages).toBe(1);
  for (const sheet of [a4, receipt]) {
    expect(sheet.text).toContain(operation);
    expect(sheet.text).toContain(mask);
    expect(sheet.text).toContain('Sandbox');
    expect(sheet.text).toContain(words.signature);
    expect(sheet.text).not.toMatch(CARD_NUMBER);
  }
  return a4.text;
}

/** The value printed after `label` on a confirmation, up to the next label. */
function printedFact(text: string, label: string, next: string): string | undefined {
  return new RegExp(`${label}\\s+(.+?)\\s+${next}`).exec(text)?.[1];
}

async function closePreview(preview: string): Promise<void> {
  await page.getByTestId(preview).getByRole('button', { name: words.close }).first().click();
  await page.getByTestId(preview).waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 }, language: 'en' });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await openApp(session);
  const setup = await page.evaluate(async () => {
    const api = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
    const client = await api.clients.create({
      draft: {
        product_id: 2000,
        client: { phone: 77012345678, type: 1, resident: 1, first_name: 'Aigerim', last_name: 'Nurlanova' },
      },
    });
    if (client.kind !== 'done') return { error: JSON.stringify(client) };
    return { clientId: String(client.result.client_id) };
  });
  if ('error' in setup) throw new Error(`setup failed: ${setup.error}`);
  clientId = setup.clientId;
}, 60_000);

afterAll(async () => {
  await session.close();
});

describe('printing', () => {
  it('prints a card issued, in A4 and as an 80 mm receipt, with the mask and no card number', async () => {
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('open-client-id').fill(clientId);
    await page.keyboard.press('Enter');
    await page.getByTestId('issue-virtual').click();
    await page.getByRole('dialog').getByTestId('confirm-submit').click();
    await page.getByTestId('issue-virtual-print').click({ timeout: 15_000 });
    cardId =
      /New card ID: (\S+)/.exec((await page.getByTestId('issue-virtual-card-id').textContent()) ?? '')?.[1] ?? '';
    const preview = page.getByTestId('issue-virtual-print-preview');
    await expect.poll(() => preview.getByTestId('print-doc').textContent(), { timeout: 10_000 }).toMatch(/\*{2,}|•/);
    const facts = await page.evaluate(async (id) => {
      const info = await (window as unknown as { cardDesk: CardDeskApi }).cardDesk.cards.info({ cardId: id });
      return info.kind === 'done' ? info.result.card.card_mask : '';
    }, cardId);
    mask = facts;
    expect(mask).not.toBe('');
    await expectBothLayouts('issue-virtual-print-preview', 'Card issued');

    // Print goes through the contract; the preview has no printer, so the browser prints the page.
    await page.evaluate(() => {
      const w = window as unknown as { printed: string[] };
      w.printed = [];
      window.print = () => w.printed.push(document.querySelector('.print-root .print-doc')?.className ?? '');
    });
    await page.getByTestId('issue-virtual-print-preview-go').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed))
      .toEqual(['print-doc print-doc-receipt']);
    expect(session.ipcRecords.some((r) => r.method === 'print.page' && r.kind === 'request')).toBe(true);
    await closePreview('issue-virtual-print-preview');
  });

  it('prints a PIN set without the PIN, and the statement as a PDF with its totals', async () => {
    await page.getByTestId('issue-virtual-open-card').click();
    await page.getByTestId('action-activate').click();
    await expect
      .poll(() => page.getByTestId('card-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('active');
    await page.getByTestId('action-setPin').click();
    await page.getByTestId('submit').click();
    await page.getByTestId('action-print').click({ timeout: 15_000 });
    pinSetSheet = await expectBothLayouts('action-print-preview', 'PIN set');
    await closePreview('action-print-preview');

    await expect.poll(() => page.getByTestId('statement-count').textContent(), { timeout: 10_000 }).toMatch(/^\d+/);
    await page.getByTestId('statement-pdf').click();
    const sheet = await printed('statement', 'a4');
    await screenshot(page, 'statement-pdf-preview-en');
    expect(sheet.width).toBeCloseTo(210, 0);
    expect(sheet.text).toContain('Card statement');
    expect(sheet.text).toContain(mask);
    expect(sheet.text).toMatch(/Debits, KZT\s+₸[\d,.]+/);
    expect(sheet.text).toMatch(/Credits, KZT\s+₸[\d,.]+/);
    expect(sheet.text).toMatch(/Operations\s+\d+/);
    expect(sheet.text).toContain('FREEDOM PAY TOP-UP');
    expect(sheet.text).not.toMatch(CARD_NUMBER);
    // Save as PDF asks main for the file; the preview makes none, so the browser's print dialog opens instead.
    await page.getByTestId('statement-pdf-preview-go').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed.at(-1)))
      .toBe('print-doc print-doc-a4');
    expect(session.ipcRecords.some((r) => r.method === 'print.pdf' && r.kind === 'request')).toBe(true);
    await closePreview('statement-pdf-preview');
  });

  it("prints a card closed, in the operator's language (Kazakh)", async () => {
    await useLanguage('kk');
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('open-card-id').fill(cardId);
    await page.getByTestId('open-card-id').press('Enter');
    await page.getByTestId('action-close').click();
    // Money on the card is acknowledged first, where the dialog asks for it.
    await page.getByTestId('close-form').waitFor();
    await expect.poll(() => page.getByTestId('close-balance-reading').count(), { timeout: 10_000 }).toBe(0);
    if ((await page.getByTestId('close-acknowledge').count()) > 0) await page.getByTestId('close-acknowledge').check();
    await page.getByTestId('confirm-word').fill(mask.slice(-4));
    await page.getByTestId('confirm-word').press('Enter');
    await page.getByTestId('action-print').click({ timeout: 15_000 });
    const closed = await expectBothLayouts('action-print-preview', 'Растау: карта жабылды');
    // The closing's reason, from its journal record, in the operator's language.
    expect(printedFact(closed, 'Себебі', 'Сұрау нөмірі')).toBe('Клиенттің өтініші бойынша');
    await closePreview('action-print-preview');
    // In the card's timeline, each confirmation's Print button is whole in its cell at 1024 px, in Kazakh too.
    const reprints = page.getByTestId('timeline-table').getByTestId('timeline-print');
    await expect.poll(() => reprints.count(), { timeout: 10_000 }).toBe(3);
    const whole = await reprints.evaluateAll((buttons) =>
      buttons.map((button) => {
        const cell = button.closest('td')?.getBoundingClientRect();
        return cell !== undefined && button.getBoundingClientRect().right <= cell.right;
      }),
    );
    expect(whole).toEqual([true, true, true]);
    await useLanguage('en');
  });

  it("prints a confirmation again from the card's timeline: the same operation, time and reference", async () => {
    await page.getByTestId('nav-cards').click();
    await page.getByTestId('open-card-id').fill(cardId);
    await page.getByTestId('open-card-id').press('Enter');
    const timeline = page.getByTestId('timeline-table');
    // The issue, the PIN set and the closing print again; the activation has no confirmation.
    await expect.poll(() => timeline.getByTestId('timeline-print').count(), { timeout: 10_000 }).toBe(3);
    await timeline.getByRole('button', { name: 'Print the confirmation again: PIN set' }).click();
    const again = await expectBothLayouts('timeline-print-preview', 'PIN set');
    for (const [label, next] of [
      ['Reference', 'Outcome'],
      ['Date and time', 'Card'],
    ] as const) {
      expect(printedFact(pinSetSheet, label, next)).toBeDefined();
      expect(printedFact(again, label, next)).toBe(printedFact(pinSetSheet, label, next));
    }
    await screenshot(page, 'timeline-reprint-en');
    await closePreview('timeline-print-preview');
  });

  it('prints a gift card sold', async () => {
    await page.getByTestId('nav-gift').click();
    await page.getByTestId('gift-cardholder').fill('Aigerim Sadykova');
    await page.getByTestId('gift-phone').locator('input[type=tel]').fill('701 234 5678');
    await page.getByTestId('gift-product-select').selectOption('2');
    await page.getByTestId('gift-issue-card-id').press('Enter');
    // The sale is confirmed first, where the screen asks for it.
    const otp = page.getByTestId('gift-otp');
    const confirm = page.getByRole('dialog').getByTestId('confirm-submit');
    await otp.or(confirm).first().waitFor({ timeout: 15_000 });
    if (await confirm.isVisible()) await confirm.click();
    await otp.waitFor({ timeout: 15_000 });
    await page.getByTestId('gift-otp').fill(await latestCode(session, '77012345678'));
    await page.getByTestId('gift-otp').press('Enter');
    await page.getByTestId('gift-print').click({ timeout: 15_000 });
    const facts = page.getByTestId('gift-confirm-facts').locator('dd.mono');
    mask = (await facts.last().textContent()) ?? '';
    giftCardId = (await facts.first().textContent()) ?? '';
    giftSaleSheet = await expectBothLayouts('gift-print-preview', 'Gift card sold');
    await closePreview('gift-print-preview');
  });

  it("prints a gift card's sale again from its lookup: the same amount, time and reference", async () => {
    await page.getByTestId('gift-lookup-card-id').fill(giftCardId);
    await page.getByTestId('gift-lookup-card-id').press('Enter');
    await page.getByTestId('gift-lookup-facts').waitFor();
    await page.getByTestId('gift-lookup-print').click();
    const again = await expectBothLayouts('gift-lookup-print-preview', 'Gift card sold');
    for (const [label, next] of [
      ['Amount', 'Reference'],
      ['Reference', 'Outcome'],
      ['Date and time', 'Card'],
    ] as const) {
      expect(printedFact(giftSaleSheet, label, next)).toBeDefined();
      expect(printedFact(again, label, next)).toBe(printedFact(giftSaleSheet, label, next));
    }
    await closePreview('gift-lookup-print-preview');

    // A gift card the bank does not know has nothing to print again.
    await page.getByTestId('gift-lookup-card-id').fill('999');
    await page.getByTestId('gift-lookup-card-id').press('Enter');
    await page.getByTestId('gift-lookup-error').waitFor();
    expect(await page.getByTestId('gift-lookup-print').count()).toBe(0);
  });
});
