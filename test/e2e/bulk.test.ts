// Browser test of the Bulk issuance screen through the preview and its embedded sandbox: the template
// download; a file with problems listed row by row and column by column, nothing sent and nothing startable;
// the fixed file loaded in place and run live to completion; its result file (masked numbers only); the
// history; pause and resume; cancel. Accessibility and CSP on every state; EN and RU screenshots.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openApp,
  openAppIn,
  openPreview,
  screenshot,
  seriousA11yViolations,
  type PreviewSession,
} from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;

const HEADER = 'product_id;phone;type;resident;first_name;last_name;card_kind';
const TEMPLATE_HEADER = [
  'product_id',
  'phone',
  'type',
  'resident',
  'first_name',
  'last_name',
  'card_kind',
  'branch_id',
  'middle_name',
  'birthdate',
  'email',
  'country',
  'person_id',
  'language',
  'external_user_id',
  'address1_country',
  'address1_postal_code',
  'address1_city',
  'address1_street',
  'address1_building',
  'address2_country',
  'address2_postal_code',
  'address2_city',
  'address2_street',
  'address2_building',
  'embossed_name',
  'card_branch_id',
].join(';');

/** 0 → "a", 25 → "z", 26 → "ba": Latin-only name suffixes. */
function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

/** `count` valid rows with distinct Kazakh mobile numbers 7700 + 7 digits from `first` on. */
function validRows(count: number, first: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `2000;7700${String(first + i).padStart(7, '0')};1;1;Aigerim;Nur${letters(first + i)};virtual`,
  );
}

/** A CSV file as a spreadsheet saves it: UTF-8 with a BOM, CRLF lines. */
function csvFile(name: string, lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
}

const byTestId = (id: string) => page.getByTestId(id);
const jobState = () => byTestId('bulk-job-view').getAttribute('data-state');
const count = async (id: string): Promise<number> => Number((await byTestId(id).textContent())?.replace(/\D/g, ''));

async function expectAccessible(): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The section's own shortcut, as the navigation shows it (Alt+<n>). */
async function openWithShortcut(section: string): Promise<void> {
  const shortcut = await byTestId(`nav-${section}`)
    .getByText(/^Alt\+\d$/)
    .textContent();
  await page.keyboard.press(shortcut ?? '');
}

/** A dialog is checked once its opening transition is over (mid-fade colours are not what the operator sees). */
async function dialogOpen(): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const content = document.querySelector('.mantine-Modal-content');
        return content === null ? 'none' : getComputedStyle(content).opacity;
      }),
    )
    .toBe('1');
}

/** A full-page screenshot from the top (scrolled, the sticky header would be drawn mid-page). */
async function fullPageShot(name: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await screenshot(page, name);
}

async function requestOps(): Promise<string[]> {
  const { entries } = await page.evaluate<{ entries: { op: string }[] }>(
    'window.cardDesk.requests.list({ limit: 500 })',
  );
  return entries.map((e) => e.op);
}

async function uploadValid(name: string, rows: string[]): Promise<void> {
  await byTestId('bulk-file-input').setInputFiles(csvFile(name, [HEADER, ...rows]));
  await expect.poll(() => byTestId('bulk-report').getAttribute('data-valid'), { timeout: 15_000 }).toBe('true');
}

/** Start with the keyboard: Enter on Start, then Enter on the dialog's confirm button. */
async function startWithKeyboard(concurrency: string): Promise<void> {
  const field = byTestId('bulk-concurrency');
  await field.fill(concurrency);
  await field.press('Enter');
  await dialogOpen();
  await byTestId('confirm-submit').press('Enter');
  await expect.poll(() => byTestId('confirm-submit').count()).toBe(0);
}

beforeAll(async () => {
  session = await openPreview();
  page = session.page;
});

afterAll(async () => {
  await session.close();
});

describe('the Bulk issuance screen', () => {
  it('explains both formats and downloads the clients template', async () => {
    await openApp(session);
    await openAppIn(session, 'en');
    await openWithShortcut('bulk');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bulk issuance');
    expect(await byTestId('bulk-formats').textContent()).toContain('card_kind');
    expect(await byTestId('bulk-product-1000').textContent()).toMatch(/product 1000 .* one by one in Clients/);
    await expect.poll(() => byTestId('bulk-history').textContent()).toContain('No bulk job yet.');
    expect(await byTestId('bulk-job-none').isVisible()).toBe(true);
    await expectAccessible();

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('bulk-template-clients').click()]);
    expect(download.suggestedFilename()).toBe('card-desk-clients-template.csv');
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe(TEMPLATE_HEADER);
    expect(lines[1]).toMatch(/^2000;77012345678;1;1;Aigerim;Nurlanova;virtual;/);
  });

  it('lists every problem of a file by row and column, sends nothing and cannot start', async () => {
    // An unknown column: the header is refused before any row is read.
    await byTestId('bulk-file-input').setInputFiles(
      csvFile('clients-draft.csv', [`${HEADER};nickname`, `${validRows(1, 1)[0] ?? ''};Ai`]),
    );
    await expect.poll(() => byTestId('bulk-report').getAttribute('data-valid'), { timeout: 15_000 }).toBe('false');
    expect(await byTestId('bulk-problem-text').allTextContents()).toEqual([
      'The header has a column nickname that this format does not know. Remove or rename it.',
    ]);
    expect(await byTestId('bulk-problem-row').allTextContents()).toEqual(['1']);

    // The fixed header, with wrong rows: a Cyrillic name, a bad phone, a missing card kind.
    const rows = validRows(4, 1);
    await byTestId('bulk-reload-input').setInputFiles(
      csvFile('clients-draft.csv', [
        HEADER,
        rows[0] ?? '',
        '2000;77000000002;1;1;Айгерим;Nurb;virtual',
        '2000;12345;1;1;Aigerim;Nurc;virtual',
        '2000;77000000004;1;1;Aigerim;Nurd;',
      ]),
    );
    await expect.poll(() => byTestId('bulk-problem-text').count(), { timeout: 15_000 }).toBe(3);
    expect(await byTestId('bulk-report-summary').textContent()).toContain('3 problems found.');
    expect(await byTestId('bulk-problem-row').allTextContents()).toEqual(['3', '4', '5']);
    expect(await byTestId('bulk-problem-column').allTextContents()).toEqual(['first_name', 'phone', 'card_kind']);
    expect(await byTestId('bulk-problem-text').allTextContents()).toEqual([
      'Row 3, column first_name: the value is not valid.',
      'Row 4, column phone: not a valid phone number of Kazakhstan, Kyrgyzstan or Uzbekistan.',
      'Row 5, column card_kind: a value is required.',
    ]);
    expect(await byTestId('bulk-start').isDisabled()).toBe(true);
    expect(await byTestId('bulk-start-blocked').textContent()).toBe('Nothing can start while the file has problems.');
    expect(await requestOps()).not.toContain('client.create');
    await fullPageShot('bulk-report-en');
    await expectAccessible();
  });

  it('loads the fixed file in place and runs it live to completion', async () => {
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await byTestId('bulk-reload-input').setInputFiles(csvFile('bulk-25.csv', [HEADER, ...validRows(25, 100)]));
    await expect.poll(() => byTestId('bulk-report').getAttribute('data-valid'), { timeout: 15_000 }).toBe('true');
    expect(await byTestId('bulk-report-summary').textContent()).toBe('The file is valid: 25 rows are ready to run.');
    expect(await byTestId('bulk-report-format').textContent()).toBe('New clients with a card');
    // The screen stays where the operator was (the report is replaced, not the page).
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(400);

    // More than 32 rows at a time is refused next to the field, which keeps the focus and the input.
    await byTestId('bulk-concurrency').fill('40');
    await byTestId('bulk-concurrency').press('Enter');
    await expect.poll(() => byTestId('bulk-concurrency').getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId('bulk-start-form').textContent()).toContain('Enter a whole number from 1 to 32.');
    expect(await byTestId('confirm-submit').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulk-concurrency');
    expect(await byTestId('bulk-concurrency').inputValue()).toBe('40');

    await byTestId('bulk-concurrency').fill('4');
    await byTestId('bulk-start').click();
    await dialogOpen();
    expect(await byTestId('bulk-start-summary').textContent()).toBe(
      'Issue 25 cards for 25 new clients on profile Sandbox (Sandbox).',
    );
    await fullPageShot('bulk-confirm-en');
    await byTestId('confirm-submit').press('Enter');

    await expect.poll(jobState, { timeout: 10_000 }).toBe('running');
    expect(await byTestId('bulk-job-file').textContent()).toBe('bulk-25.csv');
    // Focus lands on the job's heading; the checked file is used up.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-job-title');
    expect(await byTestId('bulk-report').count()).toBe(0);
    await expectAccessible();
    await fullPageShot('bulk-running-en');

    // Progress moves while it runs: some value strictly between none and all is seen.
    const seen = new Set<number>();
    const deadline = Date.now() + 45_000;
    while ((await jobState()) !== 'completed' && Date.now() < deadline) {
      seen.add(await count('bulk-job-done'));
      await page.waitForTimeout(100);
    }
    expect(await jobState()).toBe('completed');
    expect([...seen].some((n) => n > 0 && n < 25)).toBe(true);
    expect(await count('bulk-job-done')).toBe(25);
    expect(await count('bulk-job-failed')).toBe(0);
    expect(await count('bulk-job-remaining')).toBe(0);
    expect(await byTestId('bulk-progress').getAttribute('aria-valuenow')).toBe('25');
    expect(await byTestId('bulk-job-announce').textContent()).toBe('The job for bulk-25.csv is completed.');

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('bulk-result').click()]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header = '', ...data] = csv.split('\r\n').filter((line) => line !== '');
    // In the operator's language, like the other exports: English words, ',' between cells.
    for (const column of ['Result', 'Client ID', 'Card ID', 'Card number']) expect(header.split(',')).toContain(column);
    expect(data).toHaveLength(25);
    const status = header.split(',').indexOf('Result');
    expect(data.every((line) => line.split(',')[status] === 'Done')).toBe(true);
    // Never a full card number: no run of 13 digits or more.
    expect(csv).not.toMatch(/\d{13,}/);

    const history = byTestId('bulk-history-table');
    expect(await history.getByTestId('bulk-history-file').first().textContent()).toContain('bulk-25.csv');
    expect(await history.getByTestId('bulk-history-counts').first().textContent()).toBe('25 / 0 / 25');
    expect(await history.getByTestId('bulk-job-state').first().textContent()).toBe('Completed');
    await fullPageShot('bulk-en');
    expect(session.consoleErrors).toEqual([]);
  });

  it('pauses a running job and resumes it to completion', async () => {
    await uploadValid('bulk-60.csv', validRows(60, 200));
    await startWithKeyboard('4');
    await expect.poll(jobState, { timeout: 10_000 }).toBe('running');
    await expect.poll(() => count('bulk-job-done'), { timeout: 15_000 }).toBeGreaterThan(0);
    await byTestId('bulk-pause').click();
    await expect.poll(jobState, { timeout: 20_000 }).toBe('paused');
    const done = await count('bulk-job-done');
    expect(done).toBeLessThan(60);
    expect(await count('bulk-job-remaining')).toBe(60 - done - (await count('bulk-job-failed')));
    expect(await byTestId('bulk-job-announce').textContent()).toBe('The job for bulk-60.csv is paused.');
    expect(await byTestId('bulk-job-halted').count()).toBe(0);
    // Paused on purpose: it stays paused.
    await page.waitForTimeout(1_000);
    expect(await count('bulk-job-done')).toBe(done);
    await expectAccessible();

    await byTestId('bulk-resume').click();
    await expect.poll(jobState, { timeout: 60_000 }).toBe('completed');
    expect(await count('bulk-job-done')).toBe(60);
  });

  it('cancels a job after a confirmation: rows not started are never sent', async () => {
    await uploadValid('bulk-cancel.csv', validRows(40, 300));
    await startWithKeyboard('2');
    await expect.poll(jobState, { timeout: 10_000 }).toBe('running');
    await byTestId('bulk-cancel').click();
    await dialogOpen();
    expect(await byTestId('bulk-cancel-summary').textContent()).toMatch(/rows? not started yet will never be sent/);
    await expectAccessible();
    await byTestId('confirm-submit').click();
    await expect.poll(jobState, { timeout: 20_000 }).toBe('cancelled');
    expect(await count('bulk-job-done')).toBeLessThan(40);
    expect(await byTestId('bulk-resume').count()).toBe(0);
    expect(await byTestId('bulk-pause').count()).toBe(0);
    const sent = (await requestOps()).filter((op) => op === 'client.create').length;
    // 25 + 60 rows before, and only the few this job had started.
    expect(sent).toBeLessThan(25 + 60 + 40);
  });

  it('opens a job from the history with the keyboard and speaks Russian', async () => {
    const rows = byTestId('bulk-history-table').locator('tbody tr.vtable-row');
    await expect.poll(() => rows.count()).toBe(3);
    // Oldest job (the first run, at the bottom): Enter on its row shows it above.
    await rows.last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('bulk-job-file').textContent()).toBe('bulk-25.csv');

    await openAppIn(session, 'ru');
    await openWithShortcut('bulk');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Массовый выпуск');
    await expect.poll(() => byTestId('bulk-history-table').locator('tbody tr.vtable-row').count()).toBe(3);
    // The newest is the cancelled job; the one before it ran to completion after its pause.
    await byTestId('bulk-history-table').locator('tbody tr.vtable-row').nth(1).click();
    await expect.poll(jobState).toBe('completed');
    expect(await byTestId('bulk-job-state').first().textContent()).toBe('Завершено');
    await byTestId('bulk-file-input').setInputFiles(
      csvFile('ошибки.csv', [HEADER, '2000;77000000002;1;1;Айгерим;Nurb;virtual']),
    );
    await expect
      .poll(() => byTestId('bulk-problem-text').allTextContents(), { timeout: 15_000 })
      .toEqual(['Строка 2, столбец first_name: недопустимое значение.']);
    expect(await byTestId('bulk-report-summary').textContent()).toContain('Найдена 1 ошибка.');
    await fullPageShot('bulk-ru');
    await expectAccessible();
    expect(session.consoleErrors).toEqual([]);
  });
});
