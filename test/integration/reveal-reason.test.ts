// Revealing card data takes a reason from the contract's list, and the audit record of the reveal keeps it
// (docs/card-api.md, sensitive data): a missing or unknown reason, or "other" without a note, is refused before
// anything is audited or sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { signInAdmin } from '../support/sign-in.ts';

let services: Services;
let cardId: string;

async function done(method: string, args: unknown): Promise<Record<string, unknown>> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  const outcome = reply.value as { kind: string; result: Record<string, unknown> };
  if (outcome.kind !== 'done') throw new Error(`${method}: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

async function reveals(): Promise<{ details: Record<string, unknown> }[]> {
  const reply = await services.dispatch('journal.audit', { action: 'card.secret.reveal' });
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return (reply.value as { entries: { details: Record<string, unknown> }[] }).entries;
}

beforeAll(async () => {
  services = createServices({ desk: openTestDesk({ deadlineMs: 2_000 }), appInfo: TEST_APP_INFO, report: () => {} });
  await signInAdmin(services);
  const draft = {
    product_id: 2000,
    client: { phone: 77019998811, type: 1, resident: 1, first_name: 'Ruslan', last_name: 'Reason' },
  };
  const { client_id: clientId } = (await done('clients.create', { draft })) as { client_id: string };
  const issued = (await done('cards.issue', { clientId })) as { cards: { card_id: string }[] };
  cardId = issued.cards[0]?.card_id ?? '';
});
afterAll(async () => {
  await services.close();
});

describe('a reason before revealing card data', () => {
  it.each([
    [{}, 'reason', /^reason: required: why the card data is revealed \(one of client_verification, /],
    [{ reason: 'curiosity' }, 'reason', /^reason: one of client_verification, card_reissue, /],
    [{ reason: 'other' }, 'note', /^note: required when the reason is "other"/],
    [{ reason: 'other', note: '   ' }, 'note', /^note: required when the reason is "other"/],
    [{ reason: 'card_reissue', note: 'x'.repeat(201) }, 'note', /^note: at most 200 characters/],
  ])('refuses %j as invalid arguments naming %s, and audits nothing', async (extra, field, message) => {
    const reply = await services.dispatch('cards.revealSecret', { cardId, ...extra });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid_arguments');
    expect(reply.error.message).toMatch(message);
    expect(reply.error.details).toEqual({ problems: [expect.objectContaining({ field })] });
    expect(await reveals()).toEqual([]);
  });

  it('records the reason and the note, with a card number in the note masked', async () => {
    await done('cards.revealSecret', { cardId, reason: 'fraud_investigation' });
    await done('cards.revealSecret', {
      cardId,
      reason: 'other',
      note: 'branch audit of 4000 0012 3456 7899 ',
    });
    await services.dispatch('cards.concealSecret', {});
    const details = (await reveals()).map((r) => r.details);
    expect(details).toEqual([
      { cardId, reason: 'other', note: 'branch audit of 400000******7899' },
      { cardId, reason: 'fraud_investigation' },
    ]);
  });
});
