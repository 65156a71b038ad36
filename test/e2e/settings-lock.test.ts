// Browser test of Settings and the lock screen through the preview: profiles (the Sandbox profile, adding,
// editing, removing, importing), the secret tab and the connection test, preferences (idle lock), the operator
// operator's own passphrase, locking with the frame's button and signing in again; every visible string follows the language (no English
// left in Russian; Kazakh, Kyrgyz and Uzbek differ); accessibility and CSP throughout; EN and RU screenshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openApp,
  openPreview,
  screenshot,
  type PreviewSession,
  expectStillAccessible,
  openWithShortcut,
} from './support/preview-session.ts';
import { TEST_ADMIN } from '../support/sign-in.ts';

const LOCALES = join(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n', 'locales');
const RU_ERRORS = JSON.parse(readFileSync(join(LOCALES, 'ru', 'errors.json'), 'utf8')) as {
  contract: Record<string, string>;
};

let session: PreviewSession;
let page: Page;

/** The administrator's new passphrase for a while (long: the leak scan must never meet it by chance). */
const NEW_SECRET = 'changed-passphrase-31';
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

/**
 * Every visible text of the page (text nodes, aria-labels, placeholders), except data that is a name: the
 * profile names, which the operator or IT chose.
 */
function visibleTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const names =
      '[data-testid="active-profile-name"], [data-testid="profile-row-name"], [data-testid="about-profile-name"], [data-testid="secret-profile"]';
    // Profile names also appear in the accessible names of row actions ("Edit: <name>").
    const profileNames = [...document.querySelectorAll(names)]
      .flatMap((element) => (element instanceof HTMLSelectElement ? [...element.options] : [element]))
      .map((element) => element.textContent.trim())
      .filter((name) => name !== '');
    const withoutNames = (value: string): string =>
      profileNames.reduce((rest, name) => rest.split(name).join(' '), value).trim();
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      const value = node.textContent?.trim() ?? '';
      if (value === '' || parent === null || parent.closest(names) !== null) continue;
      if (parent.closest('script, style') !== null || !parent.checkVisibility()) continue;
      out.push(withoutNames(value));
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder]')) {
      if (!element.checkVisibility() || element.closest(names) !== null) continue;
      for (const attribute of ['aria-label', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) out.push(withoutNames(value));
      }
    }
    return out;
  });
}

/** Names and codes that stay as they are in every language: the product, Electron, Linux, shortcuts, URLs. */
const NOT_WORDS = [
  /Card Desk/g,
  /\bElectron\b/g,
  /\bLinux\b/g,
  /Alt\+\d/g,
  /Ctrl\+\w/g,
  /https?:\/\/\S*/g,
  /\bAuth-Id\b/g,
  // The test operators' names and ids (test/support/sign-in.ts) are names, not words.
  /\bTest (Admin|Approver)\b/g,
  /\b(admin|approver)\b/g,
];

/** Latin words with a lower-case letter (abbreviations such as PIN, ID, CVV, JWS, KZT are not English words). */
function englishWords(texts: string[]): string[] {
  const words = new Set<string>();
  for (const value of texts) {
    let rest = value;
    for (const pattern of NOT_WORDS) rest = rest.replace(pattern, ' ');
    // Profile ids in hints (kg-bishkek) are examples of a format, not words.
    rest = rest.replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, ' ');
    for (const word of rest.match(/[A-Za-z]*[a-z][A-Za-z]*/g) ?? []) words.add(word);
  }
  return [...words];
}

/** The visible text of the frame and of every settings tab. */
async function settingsTexts(): Promise<string[]> {
  const all: string[] = [];
  for (const tab of TABS) {
    await openTab(tab);
    all.push(...(await visibleTexts()));
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
    await page.evaluate("window.cardDesk.settings.update({ language: 'en' })");
    await openApp(session);
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
    expect(englishWords(await visibleTexts())).toEqual([]);
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
