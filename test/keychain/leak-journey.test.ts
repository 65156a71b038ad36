// Leak scan after a browser journey with a canary merchant secret, with the real keychain. The operator adds a sandbox
// profile at a bank that knows only the canary secret, types the secret into the renderer once, and works:
// clients, cards, a PIN typed in, secret data revealed, statement, gift cards, the operator PIN, every screen.
// Afterwards the session's scan (test/e2e/support/preview-session.ts) finds the canary, the PIN, the revealed
// card number and CVV nowhere: data folder, logs, journal, settings, preview output, browser storage, and
// every IPC payload but the ones docs/card-api.md, sensitive data allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { openApp, openPreview, type PreviewSession } from '../e2e/support/preview-session.ts';
import { TEST_ADMIN } from '../support/sign-in.ts';
import { recordFigures } from '../verify/figures.ts';

const CANARY = `leak-canary-${String(Date.now())}-Ж`;
const CARD_PIN = '918273645546';
const OPERATOR_PIN = '73915824';
let bank: RunningSandbox;
let session: PreviewSession;

beforeAll(async () => {
  bank = await startSandbox({ merchants: [{ id: 8181, secret: CANARY }], asyncMs: 5 });
  session = await openPreview();
});
afterAll(async () => {
  await session.close(); // runs the leak scan and fails on any hit
  await bank.close();
});

/** Calls the bridge from the page, as the renderer does, and returns the answer. */
async function call(method: string, args: unknown): Promise<Record<string, unknown>> {
  return session.page.evaluate(
    async ([m, a]) => {
      const [group, name] = m.split('.') as [string, string];
      const api = (window as unknown as { cardDesk: Record<string, Record<string, (x: unknown) => Promise<unknown>>> })
        .cardDesk;
      return (await api[group]?.[name]?.(a)) as Record<string, unknown>;
    },
    [method, args] as const,
  );
}

describe('no secret leaks from a browser journey', () => {
  it('works with a canary secret, a typed PIN and revealed card data, and leaves none of them behind', async () => {
    const page = await openApp(session);
    await call('profiles.save', {
      profile: {
        id: 'leak-sbx',
        name: 'Leak check',
        region: 'KZ',
        environment: 'sandbox',
        baseUrl: bank.url,
        merchantId: 8181,
        scheme: 'sha256-body',
        allowedOperations: ['clients', 'cards', 'cards.secret', 'gift', 'bulk'],
      },
    });
    await call('vault.setSecret', { profileId: 'leak-sbx', secret: CANARY });
    await call('vault.createPinKey', { profileId: 'leak-sbx' });
    await call('profiles.switch', { profileId: 'leak-sbx' });
    expect(await call('vault.testConnection', { profileId: 'leak-sbx' })).toEqual({ result: 'signature_accepted' });

    const created = await call('clients.create', {
      draft: {
        product_id: 2000,
        client: { phone: 77007654321, type: 1, resident: 1, first_name: 'Leak', last_name: 'Check' },
      },
    });
    const clientId = (created.result as { client_id: string }).client_id;
    const issued = await call('cards.issue', { clientId });
    const cardId = (issued.result as { cards: { card_id: string }[] }).cards[0]?.card_id ?? '';
    expect((await call('cards.activate', { cardId })).kind).toBe('done');
    expect((await call('cards.setPin', { cardId, pin: CARD_PIN })).kind).toBe('done');
    const secret = await call('cards.revealSecret', { cardId, reason: 'client_verification' });
    expect((secret.result as { pan: string }).pan).toMatch(/^\d{16}$/);
    await call('cards.concealSecret', {});
    await call('cards.statement', { cardId });
    await call('cards.balance', { cardId });
    const products = await call('gift.products', {});
    const code = (products.result as { product_list: { code: number }[] }).product_list[0]?.code ?? 0;
    const gift = await call('gift.issue', { cardholderName: 'Leak Check', phone: 77007654322, productCode: code });
    expect(gift.kind).toBe('done');
    // The operator's own PIN: changed, typed at the lock screen, and changed back.
    await call('session.changeSecret', { currentSecret: TEST_ADMIN.secret, newSecret: OPERATOR_PIN });
    await call('session.lock', {});
    await call('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: OPERATOR_PIN });
    await call('session.changeSecret', { currentSecret: OPERATOR_PIN, newSecret: TEST_ADMIN.secret });

    // Every screen rendered with this profile's data.
    await page.goto(await session.link());
    await expect
      .poll(() => page.getByTestId('active-profile-name').textContent(), { timeout: 15_000 })
      .toBe('Leak check');
    for (const section of ['clients', 'cards', 'bulk', 'requests', 'gift', 'journal', 'settings']) {
      await page.getByTestId(`nav-${section}`).click();
      await page.waitForTimeout(300);
    }
    recordFigures('leak-journey', { operations: 12 }, [
      'a sandbox-environment profile with a canary secret, a 12-digit card PIN, a revealed card, an operator PIN',
    ]);
  });
});
