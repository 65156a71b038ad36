// Browser test of operators (docs/operator-ui.md, signing in, roles, approvals, the operators screen), on one
// preview that starts like a new workstation: the first operator is created at the first start and issues a
// sandbox card; a teller added on the Operators screen signs in and sees no reveal, close or limits; the lock
// lets only the same operator back in; a supervisor's close needs a second operator (not themself), and the
// journal names both.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { seedClientAndCard } from './support/main-screens.ts';
import {
  expectStillAccessible,
  openApp,
  openPreview,
  screenshot,
  type PreviewSession,
} from './support/preview-session.ts';

type Win = { cardDesk: CardDeskApi };

// Passphrases long enough that the leak scan at close never meets them by chance in ids or times.
const BOSS = { id: 'boss', name: 'Dana Boss', secret: 'boss-passphrase-19' };
const TELLER = { id: 'tina', name: 'Tina Teller', secret: 'teller-passphrase-42' };
const SUPERVISOR = { id: 'sam', name: 'Sam Super', secret: 'super-passphrase-77' };
const OUTCOME = { timeout: 15_000 };

let session: PreviewSession;
let page: Page;
let cardId = '';

const byTestId = (id: string) => page.getByTestId(id);
const text = async (id: string) => ((await byTestId(id).first().textContent()) ?? '').trim();

type Call =
  | { method: 'operators.add'; args: Parameters<CardDeskApi['operators']['add']>[0] }
  | { method: 'session.signIn'; args: Parameters<CardDeskApi['session']['signIn']>[0] }
  | { method: 'cards.close'; args: Parameters<CardDeskApi['cards']['close']>[0] };

/** A contract call from the page, as the signed-in operator: 'ok', or its refusal's code. */
function callCode(call: Call): Promise<string> {
  return page.evaluate(async ({ method, args }: Call) => {
    const desk = (window as unknown as { cardDesk: CardDeskApi }).cardDesk;
    try {
      if (method === 'operators.add') await desk.operators.add(args);
      if (method === 'session.signIn') await desk.session.signIn(args);
      if (method === 'cards.close') await desk.cards.close(args);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }, call);
}

async function signIn(who: { id: string; secret: string }): Promise<void> {
  await byTestId('sign-in-id').fill(who.id);
  await byTestId('sign-in-secret').fill(who.secret);
  await byTestId('sign-in-submit').click();
  // The refusal's words, if any, say why in the failure message.
  const signedIn = async () =>
    (await byTestId('frame-operator').count()) > 0
      ? await byTestId('frame-operator').getAttribute('data-operator')
      : await byTestId('sign-in-error')
          .textContent()
          .catch(() => null);
  await expect.poll(signedIn, OUTCOME).toBe(who.id);
}

async function switchOperator(): Promise<void> {
  await byTestId('frame-operator').click();
  await byTestId('frame-switch-operator').click();
  await byTestId('lock-screen').waitFor();
}

async function openCard(): Promise<void> {
  await byTestId('nav-cards').click();
  await byTestId('open-card-id').fill(cardId);
  await byTestId('open-card-id').press('Enter');
  await byTestId('card-summary').waitFor(OUTCOME);
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1024, height: 700 }, signIn: false, dualControl: 'default' });
  page = session.page;
  page.setDefaultTimeout(10_000);
  await page.goto(await session.link());
});

afterAll(async () => {
  await session.close();
});

describe('a new workstation', () => {
  it('asks for the first operator, signs them in, and they issue a sandbox card', async () => {
    await byTestId('first-start-screen').waitFor(OUTCOME);
    await byTestId('first-id').fill(BOSS.id);
    await byTestId('first-name').fill(BOSS.name);
    await byTestId('first-secret').fill(BOSS.secret);
    await byTestId('first-repeat').fill(`${BOSS.secret}x`);
    await byTestId('first-submit').click();
    await expect.poll(() => page.getByText('The two entries differ.', { exact: false }).count()).toBe(1);
    await expectStillAccessible(page);
    // The language is chosen here, before anyone could set it, and kept once the first operator exists.
    await byTestId('first-language').selectOption('ru');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Первый оператор');
    await byTestId('first-secret').fill(BOSS.secret);
    await byTestId('first-repeat').fill(BOSS.secret);
    await byTestId('first-submit').click();
    await expect.poll(() => text('frame-operator-name'), OUTCOME).toBe(BOSS.name);
    expect(await text('frame-operator-roles')).toContain('Администратор');
    const kept = await page.evaluate(async () => (await (window as unknown as Win).cardDesk.settings.get({})).values);
    expect(kept.language).toBe('ru');
    // The rest of this file reads English.
    await page.evaluate(() => (window as unknown as Win).cardDesk.settings.setLanguage({ language: 'en' }));
    await openApp(session);
    await expect.poll(() => text('frame-operator-roles'), OUTCOME).toContain('Administrator');
    await byTestId('active-profile-name')
      .filter({ hasText: /^Sandbox$/ })
      .waitFor(OUTCOME);
    cardId = (await seedClientAndCard(page)).cardId;
    expect(cardId).not.toBe('');
  });

  it('lets the administrator add a teller on the Operators screen', async () => {
    await byTestId('nav-settings').click();
    await byTestId('settings-tab-operators').click();
    await byTestId('operator-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('operator-id').fill(TELLER.id);
    await dialog.getByTestId('operator-name').fill(TELLER.name);
    await dialog.getByTestId('operator-secret').fill(TELLER.secret);
    await dialog.getByTestId('operator-repeat').fill(TELLER.secret);
    await dialog.getByTestId('operator-save').click();
    const row = page.locator(`[data-testid="operator-row"][data-operator-id="${TELLER.id}"]`);
    await row.waitFor(OUTCOME);
    expect(await row.textContent()).toContain('Teller');
    await screenshot(page, 'operators-1024');
    await expectStillAccessible(page);
    // The supervisor through the contract, as an administrator's script would.
    const added = await callCode({
      method: 'operators.add',
      args: { operatorId: SUPERVISOR.id, name: SUPERVISOR.name, roles: ['supervisor'], secret: SUPERVISOR.secret },
    });
    expect(added).toBe('ok');
  });
});

describe('a teller', () => {
  it('signs in after "Switch operator" and sees no reveal, close or limits', async () => {
    await switchOperator();
    expect(await byTestId('sign-in-id').inputValue()).toBe('');
    await signIn(TELLER);
    expect(await text('frame-operator-roles')).toBe('Teller');
    expect(await byTestId('nav-bulk').count()).toBe(0);
    await openCard();
    await byTestId('card-actions').waitFor();
    expect(await byTestId('action-close').count()).toBe(0);
    expect(await byTestId('secret-reveal').count()).toBe(0);
    expect(await byTestId('tab-limits').count()).toBe(0);
    // Main refuses it anyway.
    const close = { cardId, reason: 'other', note: '', confirm: true } as const;
    expect(await callCode({ method: 'cards.close', args: close })).toBe('permission_denied');
  });

  it('after a lock, only the same operator signs in again, back on the same screen', async () => {
    await byTestId('lock-button').click();
    await byTestId('lock-screen').waitFor();
    expect(await byTestId('lock-screen').getAttribute('data-operator')).toBe(TELLER.id);
    expect(await byTestId('sign-in-id').inputValue()).toBe(TELLER.id);
    expect(await byTestId('sign-in-id').getAttribute('readonly')).not.toBeNull();
    expect(await byTestId('switch-operator').isVisible()).toBe(true);
    // Another operator's credentials are refused while the teller's session is locked.
    const other = await callCode({
      method: 'session.signIn',
      args: { operatorId: SUPERVISOR.id, secret: SUPERVISOR.secret },
    });
    expect(other).not.toBe('ok');
    await byTestId('sign-in-secret').fill('wrong-passphrase-0');
    await byTestId('sign-in-submit').click();
    await expect.poll(() => text('sign-in-error'), OUTCOME).toContain('wrong');
    expect(await byTestId('sign-in-secret').inputValue()).toBe('');
    await expectStillAccessible(page);
    await byTestId('sign-in-secret').fill(TELLER.secret);
    await byTestId('sign-in-submit').click();
    await byTestId('card-summary').waitFor(OUTCOME);
    expect(await text('frame-operator-name')).toBe(TELLER.name);
  });
});

describe('dual control', () => {
  it('closes a card with a second operator approving, never the maker themself', async () => {
    await switchOperator();
    await signIn(SUPERVISOR);
    await openCard();
    await byTestId('action-close').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('approval-section').waitFor();
    const four = ((await byTestId('card-mask').textContent()) ?? '').slice(-4);
    const confirm = async (approver: { id: string; secret: string }): Promise<void> => {
      await dialog.getByTestId('confirm-word').fill(four);
      await dialog.getByTestId('approval-id').fill(approver.id);
      await dialog.getByTestId('approval-secret').fill(approver.secret);
      await expect.poll(() => dialog.getByTestId('confirm-submit').isEnabled(), OUTCOME).toBe(true);
      await dialog.getByTestId('confirm-submit').click();
    };
    await confirm(SUPERVISOR);
    await expect.poll(() => text('approval-error'), OUTCOME).toContain('another operator');
    expect(await dialog.getByTestId('approval-secret').inputValue()).toBe('');
    // What the maker typed stays: only the approval is to be given again.
    expect(await dialog.getByTestId('confirm-word').inputValue()).toBe(four);
    await screenshot(page, 'approval-refused-1024');
    await expectStillAccessible(page);
    await confirm(BOSS);
    await expect.poll(() => byTestId('card-status').getAttribute('data-status'), OUTCOME).toBe('closed');
  });

  it('shows both operators in the journal, and finds the close by its maker and by its approver', async () => {
    await byTestId('nav-journal').click();
    await byTestId('tab-operations').click();
    await byTestId('journal-operator').fill(SUPERVISOR.id);
    await byTestId('journal-search').click();
    // The column shows the ids; the names are in its title.
    const made = `${SUPERVISOR.name} (${SUPERVISOR.id}), approved by ${BOSS.name} (${BOSS.id})`;
    const ids = `${SUPERVISOR.id} ✓ ${BOSS.id}`;
    const shown = () =>
      byTestId('entry-operator').evaluateAll((cells) =>
        cells.map((cell) => `${cell.textContent} | ${cell.getAttribute('title') ?? ''}`),
      );
    await expect.poll(shown, OUTCOME).toContain(`${ids} | ${made}`);
    // The approver finds what they approved. (The audit trail's operator records name no profile, so the
    // sandbox-only preview does not list them; test/integration/operator-handlers.test.ts checks they name who.)
    await byTestId('journal-operator').fill(BOSS.id);
    await byTestId('journal-search').click();
    await expect.poll(shown, OUTCOME).toContain(`${ids} | ${made}`);
  });
});
