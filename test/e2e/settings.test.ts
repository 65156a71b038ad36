// Browser test of Settings through the preview: profiles (the Sandbox profile, adding, editing, removing,
// importing, switching), the secret tab and the connection test, preferences (idle lock); every visible string
// follows the language (no English left in Russian; Kazakh, Kyrgyz and Uzbek differ); accessibility and CSP
// throughout; EN and RU screenshots. The operator's own secret and the lock screen: lock-screen.test.ts.
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
import { englishWords, visibleTexts } from '../support/visible-words.ts';

let session: PreviewSession;
let page: Page;

const TABS = ['profiles', 'secret', 'preferences', 'security', 'operators', 'about'] as const;

beforeAll(async () => {
  session = await openPreview();
  page = session.page;
});

afterAll(async () => {
  await session.close();
});

async function openTab(tab: (typeof TABS)[number]): Promise<void> {
  await page.getByTestId(`settings-tab-${tab}`).click();
  await expect.poll(() => page.getByTestId(`settings-panel-${tab}`).isVisible()).toBe(true);
  // Wait until the tab's reads have arrived (no loader left in it).
  await expect.poll(() => page.getByTestId(`settings-panel-${tab}`).locator('.mantine-Loader-root').count()).toBe(0);
}

const text = (testId: string): Promise<string | null> => page.getByTestId(testId).textContent();
const row = (profileId: string) => page.locator(`[data-testid="profile-row"][data-profile-id="${profileId}"]`);

/** The visible text of the frame and of every settings tab. */
async function settingsTexts(): Promise<string[]> {
  const all: string[] = [];
  for (const tab of TABS) {
    await openTab(tab);
    all.push(...(await visibleTexts(page)));
  }
  await openTab('profiles');
  return all;
}

async function chooseLanguage(language: string, heading: string): Promise<void> {
  await openTab('preferences');
  await page.getByTestId('language-select').selectOption(language);
  // A language's texts and formats are loaded when it is first chosen.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe(heading);
}

const navLabels = (): Promise<string[]> =>
  page.locator('nav [data-testid^="nav-"] .mantine-NavLink-label').allTextContents();

describe('Settings', () => {
  it('shows the Sandbox profile with its environment, region and secret', async () => {
    await openApp(session);
    await openAppIn(session, 'en');
    await openWithShortcut(page, 'settings');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await openTab('profiles');
    const sandbox = row('sandbox');
    expect(await sandbox.getByTestId('profile-row-name').textContent()).toBe('Sandbox');
    expect(await sandbox.getByTestId('environment-badge').getAttribute('data-environment')).toBe('sandbox');
    expect(await sandbox.textContent()).toContain('Local sandbox');
    expect(await sandbox.getByTestId('profile-active').textContent()).toBe('Active');
    expect(await sandbox.getByTestId('profile-secret').textContent()).toBe('Stored');
    // The built-in profile is read-only: it can be viewed, not edited or removed.
    expect(await sandbox.getByTestId('profile-remove').count()).toBe(0);
    expect(await sandbox.getByTestId('profile-edit').textContent()).toBe('View');
    await screenshot(page, 'settings-en');
    await expectStillAccessible(page);
  });

  it('adds and edits a sandbox profile, refusing wrong fields next to them', async () => {
    await page.getByTestId('profile-add').click();
    const form = page.getByTestId('profile-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByTestId('profile-id').fill('Bad Id');
    await form.getByTestId('profile-name').fill('Тест песочница');
    await form.getByTestId('profile-region').selectOption('sandbox');
    await form.getByTestId('profile-environment').selectOption('sandbox');
    await form.getByTestId('profile-base-url').fill('http://example.com/');
    await form.getByTestId('profile-merchant-id').fill('42');
    await form.getByTestId('profile-merchant-id').press('Enter');
    await expect.poll(() => form.getByText('Use lower-case letters, digits and hyphens').count()).toBe(1);
    expect(await form.getByText('Type a full https:// address; plain http only for 127.0.0.1.').count()).toBe(1);
    await expectStillAccessible(page);

    await form.getByTestId('profile-id').fill('sb-test');
    await form.getByTestId('profile-base-url').fill('http://127.0.0.1:9/');
    await form.getByTestId('profile-save').click();
    await expect.poll(() => text('profiles-result')).toBe('The profile Тест песочница was saved.');
    expect(await row('sb-test').getByTestId('profile-secret').textContent()).toMatch(/Not set|Keychain unavailable/);

    await row('sb-test').getByTestId('profile-edit').click();
    await expect.poll(() => form.getByTestId('profile-id').isDisabled()).toBe(true);
    await form.getByTestId('profile-name').fill('Тест песочница 2');
    await form.getByTestId('profile-name').press('Enter');
    await expect.poll(() => row('sb-test').getByTestId('profile-row-name').textContent()).toBe('Тест песочница 2');
    await expectStillAccessible(page);
  });

  it('imports a provisioning file, naming the line and field of a problem', async () => {
    const input = page.getByTestId('settings-panel-profiles').locator('input[type=file]');
    await input.setInputFiles({
      name: 'kiosk.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "version": 2\n}\n'),
    });
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-tone')).toBe('error');
    expect(await result.textContent()).toContain('The provisioning file is not valid.');
    expect(await result.locator('details code').textContent()).toContain('kiosk.json line 2, version');

    const provisioning = {
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
    await input.setInputFiles({
      name: 'osh.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(provisioning, null, 2)),
    });
    await expect.poll(() => result.textContent()).toBe('Imported. Added: sb-osh. Updated: none. Unchanged: none.');
    expect(await row('sb-osh').getByTestId('profile-row-name').textContent()).toBe('Ош песочница');
    await expectStillAccessible(page);
  });

  it('switches the active profile, and the frame follows', async () => {
    await row('sb-osh').getByTestId('profile-switch').click();
    try {
      await expect.poll(() => text('profiles-result')).toBe('Card Desk now works with the profile Ош песочница.');
      await expect.poll(() => row('sb-osh').getByTestId('profile-active').count()).toBe(1);
      await expect.poll(() => page.getByTestId('active-profile-name').textContent()).toBe('Ош песочница');
      await row('sandbox').getByTestId('profile-switch').click();
      await expect.poll(() => page.getByTestId('active-profile-name').textContent()).toBe('Sandbox');
      expect(await row('sb-osh').getByTestId('profile-active').count()).toBe(0);
    } finally {
      // The other tests work with the Sandbox profile, whatever happened here.
      await page.evaluate("window.cardDesk.profiles.switch({ profileId: 'sandbox' })");
    }
  });

  it('removes a profile after the operator typed its id', async () => {
    await row('sb-test').getByTestId('profile-remove').click();
    const confirm = page.getByTestId('confirm-submit');
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await page.getByTestId('confirm-word').fill('sb-test');
    await page.getByTestId('confirm-word').press('Enter');
    await expect.poll(() => row('sb-test').count()).toBe(0);
  });

  it('shows the secret state write-only and tests the connection in words', async () => {
    await openTab('secret');
    expect(await page.getByTestId('vault-secret').textContent()).toBe('Stored');
    expect(await text('secret-builtin')).toContain("creates the built-in Sandbox profile's secret itself");
    // One place for secrets, said one way: the OS keychain (or memory, labelled, where there is none).
    expect(await page.getByTestId('secret-intro').textContent()).toContain('kept in the OS keychain');
    await page.getByTestId('connection-test').click();
    await expect.poll(() => text('connection-result')).toContain('Connected: the bank accepted the signature');
    await expectStillAccessible(page);

    // Another profile has the write-only secret field; nothing is ever filled in from main.
    await page.getByTestId('secret-profile').selectOption('sb-osh');
    const secret = page.getByTestId('secret-input');
    await expect.poll(() => secret.inputValue()).toBe('');
    expect(await secret.getAttribute('type')).toBe('password');
    await page.getByTestId('secret-save').click();
    await expect.poll(() => page.getByText('Paste the secret (it must not be empty).').count()).toBe(1);
    await expectStillAccessible(page);
  });

  it('saves the idle lock minutes, refusing a value out of range', async () => {
    await openTab('preferences');
    const minutes = page.getByTestId('idle-minutes');
    await minutes.fill('20');
    await page.getByTestId('idle-save').click();
    await expect.poll(() => page.getByText('Type a whole number of minutes from 1 to 15.').count()).toBe(1);
    await minutes.fill('7');
    await minutes.press('Enter');
    await expect.poll(() => text('idle-result')).toBe('Card Desk now locks after 7 minutes without activity.');
    expect(await page.evaluate('window.cardDesk.settings.get({}).then((s) => s.values.idleLockMinutes)')).toBe(7);
    await expectStillAccessible(page);
  });
});

describe('languages', () => {
  it('changes every visible string when switching to Russian through the UI', async () => {
    await openWithShortcut(page, 'settings');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    const english = englishWords(await settingsTexts());
    // The collection is meaningful: the English UI is full of English words.
    expect(english).toEqual(expect.arrayContaining(['Settings', 'Profiles', 'Preferences', 'Clients', 'Lock']));

    await chooseLanguage('ru', 'Настройки');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    const russian = englishWords(await settingsTexts());
    expect(russian).toEqual([]);
    await screenshot(page, 'settings-ru');
    await expectStillAccessible(page);
  });

  it('has its own words in Kazakh, Kyrgyz and Uzbek', async () => {
    await openWithShortcut(page, 'settings');
    const labels = new Map<string, string[]>();
    labels.set('ru', await navLabels());
    for (const [language, heading] of [
      ['kk', 'Баптаулар'],
      ['ky', 'Жөндөөлөр'],
      ['uz', 'Sozlamalar'],
    ] as const) {
      await chooseLanguage(language, heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      labels.set(language, await navLabels());
      await expectStillAccessible(page);
    }
    await chooseLanguage('en', 'Settings');
    labels.set('en', await navLabels());
    const sets = [...labels.values()].map((list) => list.join('|'));
    expect(new Set(sets).size).toBe(sets.length);
  });
});
