// Browser test of the operator's own secret and the lock screen through the preview: changing one's PIN or
// passphrase typed twice, locking with the frame's button and signing in again, the lock screen in Russian, and
// the wait after too many wrong secrets; accessibility and CSP throughout; EN and RU screenshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openApp,
  openAppIn,
  openPreview,
  screenshot,
  type PreviewSession,
  expectStillAccessible,
  openWithShortcut,
} from './support/preview-session.ts';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { TEST_ADMIN } from '../support/sign-in.ts';
import { englishWords, visibleTexts } from '../support/visible-words.ts';

const LOCALES = join(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n', 'locales');
const RU_ERRORS = JSON.parse(readFileSync(join(LOCALES, 'ru', 'errors.json'), 'utf8')) as {
  contract: Record<string, string>;
};

let session: PreviewSession;
let page: Page;

/** The administrator's new passphrase for a while (long: the leak scan must never meet it by chance). */
const NEW_SECRET = 'changed-passphrase-31';
/** A profile besides Sandbox, whose name nothing read while locked may show. */
const OSH = {
  version: 1,
  profiles: [
    {
      id: 'sb-osh',
      name: 'Ош песочница',
      region: 'sandbox',
      environment: 'sandbox',
      baseUrl: 'http://127.0.0.1:9/',
      merchantId: 7,
    },
  ],
};

beforeAll(async () => {
  session = await openPreview();
  page = session.page;
  await openApp(session);
  await page.evaluate(
    (content) =>
      (window as unknown as { cardDesk: CardDeskApi }).cardDesk.profiles.import({ fileName: 'osh.json', content }),
    JSON.stringify(OSH),
  );
  // The tests start in English (the preview's first language is Russian).
  await openAppIn(session, 'en');
  await openWithShortcut(page, 'settings');
});

afterAll(async () => {
  await session.close();
});

async function openTab(tab: 'security' | 'preferences'): Promise<void> {
  await page.getByTestId(`settings-tab-${tab}`).click();
  await expect.poll(() => page.getByTestId(`settings-panel-${tab}`).isVisible()).toBe(true);
  await expect.poll(() => page.getByTestId(`settings-panel-${tab}`).locator('.mantine-Loader-root').count()).toBe(0);
}

const text = (testId: string): Promise<string | null> => page.getByTestId(testId).textContent();

async function chooseLanguage(language: string, heading: string): Promise<void> {
  await openTab('preferences');
  await page.getByTestId('language-select').selectOption(language);
  // A language's texts and formats are loaded when it is first chosen.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe(heading);
}

describe('your own secret and the lock screen', () => {
  it('changes the own passphrase typed twice, refusing a wrong current one', async () => {
    await openTab('security');
    expect(await text('secret-state')).toContain(TEST_ADMIN.name);
    await page.getByTestId('own-secret-current').fill(TEST_ADMIN.secret);
    await page.getByTestId('own-secret-new').fill(NEW_SECRET);
    await page.getByTestId('own-secret-repeat').fill(`${NEW_SECRET}x`);
    await page.getByTestId('own-secret-repeat').press('Enter');
    await expect.poll(() => page.getByText('The two entries differ.', { exact: false }).count()).toBe(1);
    await page.getByTestId('own-secret-current').fill('not-the-passphrase-1');
    await page.getByTestId('own-secret-new').fill(NEW_SECRET);
    await page.getByTestId('own-secret-repeat').fill(NEW_SECRET);
    await page.getByTestId('own-secret-save').click();
    await expect
      .poll(() => page.getByTestId('own-secret-result').getAttribute('data-tone'), { timeout: 10_000 })
      .toBe('error');
    // The fields keep no secret typed before.
    expect(await page.getByTestId('own-secret-new').inputValue()).toBe('');
    await page.getByTestId('own-secret-current').fill(TEST_ADMIN.secret);
    await page.getByTestId('own-secret-new').fill(NEW_SECRET);
    await page.getByTestId('own-secret-repeat').fill(NEW_SECRET);
    await page.getByTestId('own-secret-save').click();
    await expect
      .poll(() => text('own-secret-result'), { timeout: 10_000 })
      .toBe('Your new PIN or passphrase was saved.');
    await expectStillAccessible(page);
  });

  it('locks with the frame button and shows nothing but the app name, the operator and the secret field', async () => {
    const before = session.ipcPayloads.length;
    await page.getByTestId('lock-button').click();
    await expect.poll(() => page.getByTestId('lock-screen').isVisible()).toBe(true);
    expect(await page.getByTestId('active-profile').count()).toBe(0);
    const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ').trim();
    expect(body).toBe(
      `Card Desk Locked ${TEST_ADMIN.name} (${TEST_ADMIN.operatorId}) locked Card Desk. Only they can sign in again; anyone else chooses “Switch operator”. Operator id PIN or passphrase Your own PIN or passphrase. Sign in Switch operator`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-in-secret');
    await screenshot(page, 'lock-en');
    await expectStillAccessible(page);
    // Nothing read while locked names a profile.
    expect(session.ipcPayloads.slice(before).join('\n')).not.toContain('Ош песочница');

    await page.getByTestId('sign-in-secret').fill(TEST_ADMIN.secret);
    await page.getByTestId('sign-in-secret').press('Enter');
    // Checking a secret takes a moment (scrypt).
    await expect
      .poll(() => text('sign-in-error'), { timeout: 10_000 })
      .toContain('The operator ID or the PIN is wrong.');
    expect(await page.getByTestId('sign-in-secret').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-in-secret');
    await expectStillAccessible(page);

    await page.getByTestId('sign-in-secret').fill(NEW_SECRET);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('active-profile-name').textContent(), { timeout: 15_000 }).toBe('Sandbox');
  });

  it('shows the lock screen in Russian', async () => {
    // Signing in again starts a fresh frame (nothing of the screen before the lock is kept).
    await openWithShortcut(page, 'settings');
    await chooseLanguage('ru', 'Настройки');
    await page.getByTestId('lock-button').click();
    await expect.poll(() => page.getByTestId('lock-screen').isVisible()).toBe(true);
    expect(englishWords(await visibleTexts(page))).toEqual([]);
    expect(await text('sign-in-submit')).toBe('Войти');
    await screenshot(page, 'lock-ru');
    await expectStillAccessible(page);
    await page.getByTestId('sign-in-secret').fill(NEW_SECRET);
    await page.getByTestId('sign-in-secret').press('Enter');
    await expect.poll(() => page.getByTestId('active-profile-name').textContent(), { timeout: 15_000 }).toBe('Sandbox');
  });

  it('makes the operator wait after too many wrong secrets, saying so', async () => {
    await page.getByTestId('lock-button').click();
    await expect.poll(() => page.getByTestId('lock-screen').isVisible()).toBe(true);
    const secret = page.getByTestId('sign-in-secret');
    // A few attempts are free; then each wrong one earns a wait, which the form shows.
    for (let attempt = 1; attempt <= 8; attempt++) {
      await secret.fill('wrong-passphrase-9');
      await secret.press('Enter');
      await expect
        .poll(() => page.getByTestId('sign-in-submit').getAttribute('data-loading'), { timeout: 10_000 })
        .toBeNull();
      await page.getByTestId('sign-in-error').waitFor();
      if ((await page.getByTestId('sign-in-locked-until').count()) > 0) break;
    }
    await expect
      .poll(() => page.getByTestId('sign-in-error').locator('.notice-message').textContent(), { timeout: 10_000 })
      .toBe(RU_ERRORS.contract.operator_locked);
    expect(await page.getByTestId('sign-in-submit').isDisabled()).toBe(true);
    expect(await text('sign-in-locked-until')).toContain('сможет попробовать снова');
    expect(await secret.inputValue()).toBe('');
    await expectStillAccessible(page);
    expect(session.consoleErrors).toEqual([]);
  });
});
