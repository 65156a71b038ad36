// Browser test: tables read the journal a page at a time. With 5,000 operations in the journal, the Journal and
// Requests screens read one page at first and the next ones only as the operator scrolls; a change of an
// operation refreshes the first page, never every page read; an export still holds every operation.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_LIMIT, type CardDeskApi } from '../../common/contract/index.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { intent } from '../support/journal-records.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openApp, openPreview, type PreviewSession } from './support/preview-session.ts';

const OPERATIONS = 5_000;
let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  // The journal is filled before the preview opens the data folder: the embedded Sandbox profile's operations,
  // all settled (an open one would be reconciled in the background, and its changes would read pages too).
  // By the journal's own writer, in one transaction (group commit: the whole loop is one turn), not 10,000.
  const dataDir = tempDir('card-desk-e2e-paged-');
  const journal = Journal.open(dataDir, { durable: false, groupCommit: true });
  const start = Date.now() - OPERATIONS * 1000;
  for (let i = 0; i < OPERATIONS; i++) {
    const key = id(i);
    journal.recordIntent(intent(key, start + i * 1000, { op: 'card.block', profileId: 'sandbox' }));
    journal.recordOutcome({ key, at: start + i * 1000 + 10, state: i % 10 === 0 ? 'failed' : 'done' });
  }
  journal.close();
  session = await openPreview({ dataDir, language: 'en' });
  page = await openApp(session);
});

afterAll(async () => {
  await session.close();
});

/** How many times the page called a contract method so far. */
const calls = (method: string) => session.ipcRecords.filter((r) => r.method === method && r.kind === 'request').length;

/** The request ids of every page of `method` answered so far, page by page. */
const pagesOf = (method: string): string[][] =>
  session.ipcRecords
    .filter((r) => r.method === method && r.kind === 'response')
    .map((r) => (JSON.parse(r.text) as { value: { entries: { requestId: string }[] } }).value.entries)
    .map((entries) => entries.map((e) => e.requestId));
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The rows the table knows of (its accessible row count, less the header). */
async function rowCount(testId: string): Promise<number> {
  const count = await page.getByTestId(testId).locator('table').getAttribute('aria-rowcount');
  return Number(count) - 1;
}

async function scrollToEnd(testId: string): Promise<void> {
  await page
    .getByTestId(testId)
    .locator('.vtable-scroll')
    .evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
}

describe('paged tables', () => {
  it('Journal: the first render reads one page; scrolling reads the next', async () => {
    // Other screens read the journal too (recent clients, without a cursor, maybe again while this one opens):
    // count the paged reads only.
    const pagedReads = (): number =>
      session.ipcRecords.filter(
        (r) => r.method === 'journal.search' && r.kind === 'request' && r.text.includes('"cursor"'),
      ).length;
    // Its answers are the full pages (the recent clients read fewer than a page).
    const pagedAnswers = (): string[][] => pagesOf('journal.search').filter((p) => p.length === PAGE_LIMIT);
    const before = pagedReads();
    const answered = pagedAnswers().length;
    await page.getByTestId('nav-journal').click();
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toMatch(/^5,?000 operations found\.$/);
    await expect.poll(() => rowCount('journal-table')).toBe(PAGE_LIMIT);
    expect(pagedReads() - before).toBe(1);

    await scrollToEnd('journal-table');
    await expect.poll(() => rowCount('journal-table')).toBe(2 * PAGE_LIMIT);
    await scrollToEnd('journal-table');
    await expect.poll(() => rowCount('journal-table')).toBe(3 * PAGE_LIMIT);
    // Three pages shown; the table may have asked for the next one already (it reads ahead near the end), but
    // never more than that.
    expect(pagedReads() - before).toBeGreaterThanOrEqual(3);
    expect(pagedReads() - before).toBeLessThanOrEqual(4);
    // Newest first, each operation once, across pages.
    await expect.poll(() => pagedAnswers().length - answered).toBeGreaterThanOrEqual(3);
    const read = pagedAnswers()
      .slice(answered, answered + 3)
      .flat();
    expect(read).toEqual(Array.from({ length: 3 * PAGE_LIMIT }, (_, i) => id(OPERATIONS - 1 - i)));
  });

  it('renders only the rows in view, and the arrow keys bring the next row into view', async () => {
    const scroller = page.getByTestId('journal-table').locator('.vtable-scroll');
    // Rows rendered, rows in view (below the sticky header, above the bottom edge), and whether the focused row
    // is wholly in view.
    const rows = () =>
      scroller.evaluate(async (el) => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const top = el.querySelector('thead')?.getBoundingClientRect().bottom ?? 0;
        const bottom = el.getBoundingClientRect().bottom;
        const all = [...el.querySelectorAll('tr.vtable-row')].map((row) => row.getBoundingClientRect());
        const focused = document.activeElement?.closest('tr.vtable-row')?.getBoundingClientRect();
        return {
          rendered: all.length,
          inView: all.filter((box) => box.bottom > top && box.top < bottom).length,
          focusedInView: focused !== undefined && focused.top >= top - 1 && focused.bottom <= bottom + 1,
        };
      });
    await scroller.evaluate((el) => {
      el.scrollTop = 1_000;
    });
    const middle = await rows();
    expect(middle.inView).toBeGreaterThan(5);
    expect(middle.rendered).toBe(middle.inView);

    // The last row in view, then one key further down: the next row is scrolled in whole and focused.
    await scroller.locator('tr.vtable-row').last().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await rows()).focusedInView).toBe(true);
    for (let i = 0; i < middle.inView + 2; i++) await page.keyboard.press('ArrowUp');
    const after = await rows();
    expect(after.focusedInView).toBe(true);
    expect(after.rendered).toBe(after.inView);
  });

  it('Journal: the export holds every operation, read page by page', async () => {
    const before = calls('journal.search');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('journal-export').click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(OPERATIONS + 1);
    // At the contract's largest page: ten reads for 5,000 operations.
    expect(calls('journal.search') - before).toBe(OPERATIONS / 500);
  });

  it('Requests: one page at first, more on scroll, and a change refreshes the first page only', async () => {
    await page.getByTestId('nav-requests').click();
    // The chips are checkboxes: Space toggles one.
    await page.getByTestId('state-chip-all').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rowCount('requests-table')).toBe(PAGE_LIMIT);
    const first = calls('requests.list');
    await scrollToEnd('requests-table');
    await expect.poll(() => rowCount('requests-table')).toBe(2 * PAGE_LIMIT);
    expect(calls('requests.list')).toBe(first + 1);
    // A write of the operator: its change events read the first page again, not the two pages read.
    const before = calls('requests.list');
    await page.evaluate(() =>
      (window as unknown as { cardDesk: CardDeskApi }).cardDesk.cards.activate({ cardId: '1' }),
    );
    await expect.poll(() => rowCount('requests-table')).toBe(2 * PAGE_LIMIT + 1);
    // Only first pages were read again (no cursor), never the second page.
    const reads = session.ipcRecords
      .filter((r) => r.method === 'requests.list' && r.kind === 'request')
      .slice(before)
      .map((r) => (JSON.parse(r.text) as { cursor?: string | null }).cursor ?? null);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.every((cursor) => cursor === null)).toBe(true);
    await page
      .getByTestId('requests-table')
      .locator('.vtable-scroll')
      .evaluate((el) => {
        el.scrollTop = 0;
      });
    const firstRow = page.getByTestId('requests-table').locator('tbody tr.vtable-row').first();
    await expect.poll(() => firstRow.textContent()).toContain('Activate card');
  });

  it('tells "nothing matches" from "nothing yet"', async () => {
    await page.getByTestId('text-filter').fill('no-such-operation-anywhere');
    // Rows exist but the filter hides them all: how many, and a way to clear the filter.
    await expect.poll(() => page.getByTestId('requests-empty').getAttribute('data-empty')).toBe('filtered');
    expect(await page.getByTestId('requests-empty').textContent()).toMatch(
      /^Nothing matches the filter: [\d,]+ hidden\.Clear the filter$/,
    );
  });
});

describe('empty tables', () => {
  let empty: PreviewSession;
  let emptyPage: Page;

  beforeAll(async () => {
    empty = await openPreview({ language: 'en' });
    emptyPage = await openApp(empty);
  });

  afterAll(async () => {
    await empty.close();
  });

  const emptyText = (testId: string) => emptyPage.getByTestId(testId).textContent();

  it('say "nothing yet" for an empty journal, with a filter or without', async () => {
    await emptyPage.getByTestId('nav-requests').click();
    await expect.poll(() => emptyText('requests-empty')).toBe('No requests have been sent yet.');
    await emptyPage.getByTestId('nav-journal').click();
    await expect.poll(() => emptyText('journal-empty')).toBe('Nothing here yet.');
    // A filter over nothing at all hides nothing: still "nothing yet", never "nothing matches".
    await emptyPage.getByTestId('journal-outcome').selectOption('failed');
    await emptyPage.getByTestId('journal-search').click();
    await expect.poll(() => emptyPage.getByTestId('journal-empty').getAttribute('data-empty')).toBe('nothing');
  });
});
