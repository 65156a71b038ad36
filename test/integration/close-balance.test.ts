// cards.close and the card's balance (docs/operator-ui.md, clients and cards): main closes a card with no money
// without asking, refuses a card with money on it until the operator acknowledged the balance, and leaves the
// decision to the bank when it cannot read the balance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { approval, signInAdmin } from '../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';

let services: Services;
let sandbox: RunningSandbox | undefined;
let clientId = '';

beforeAll(async () => {
  const desk = openTestDesk({
    startEmbedded: async ({ merchant, stateFile }) => {
      sandbox = await startSandbox({ merchants: [merchant], stateFile, asyncMs: 5 });
      return sandbox;
    },
  });
  services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
  const draft = {
    product_id: 2000,
    client: { phone: 77019990011, type: 1, resident: 1, first_name: 'Aruzhan', last_name: 'Bekova' },
  };
  clientId = String((await done('clients.create', { draft })).client_id);
});
afterAll(async () => {
  await services.close();
});

async function done(method: string, args: unknown): Promise<Record<string, unknown>> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  const outcome = reply.value as { kind: string; result: Record<string, unknown> };
  if (outcome.kind !== 'done') throw new Error(`${method}: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

async function newCard(activated: boolean): Promise<string> {
  const cards = (await done('cards.issue', { clientId })).cards as { card_id: string }[];
  const cardId = cards[0]?.card_id ?? '';
  if (activated) await done('cards.activate', { cardId });
  return cardId;
}

// Every close carries a second operator's approval (dual control): the handler runs after it and still checks
// the card's balance as it is then.
const close = async (cardId: string, more: object = {}) =>
  services.dispatch('cards.close', {
    cardId,
    reason: 'client_request',
    note: '',
    confirm: true,
    approval: await approval(services),
    ...more,
  });

describe('closing a card and its balance', () => {
  it('closes a card with nothing on it without an acknowledgement', async () => {
    const cardId = await newCard(false);
    expect(await close(cardId)).toMatchObject({ ok: true, value: { kind: 'done' } });
  });

  it('refuses a card with money on it until the balance is acknowledged, approved or not, and sends nothing meanwhile', async () => {
    const cardId = await newCard(true);
    const refused = await close(cardId, { balanceAcknowledged: false });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'balance_not_acknowledged', details: { currencies: ['KZT'] } },
    });
    const sent = await services.dispatch('journal.count', { op: 'card.close', cardId });
    expect(sent).toMatchObject({ ok: true, value: { count: 0 } });
    expect(await close(cardId, { balanceAcknowledged: true })).toMatchObject({ ok: true, value: { kind: 'done' } });
  });

  it('leaves the decision to the bank when the balance cannot be read', async () => {
    const cardId = await newCard(true);
    sandbox?.setFaults({ next: [{ op: 'card.balance', kind: 'http_500', count: 10 }] });
    try {
      expect(await close(cardId)).toMatchObject({ ok: true, value: { kind: 'done' } });
    } finally {
      sandbox?.clearFaults();
    }
  });
});
