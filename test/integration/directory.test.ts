// The search directory through the services: the operations the operator does feed it in main, the contract
// finds them for the active profile, and a policy that turns it off deletes what was kept (docs/architecture.md,
// data).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryClientView, DirectorySearchView } from '../../common/contract/index.ts';
import { DIRECTORY_FILE } from '../../main/core/directory/index.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { LOCAL_PROFILE } from '../verify/fuzz-args.ts';
import { signInAdmin } from '../support/sign-in.ts';

let services: Services;
const reported: unknown[] = [];

beforeAll(async () => {
  services = createServices({
    desk: openTestDesk({ deadlineMs: 2_000 }),
    appInfo: TEST_APP_INFO,
    report: (e) => reported.push(e),
  });
  await signInAdmin(services);
});
afterAll(async () => {
  await services.close();
});

async function ok<T>(method: string, args: unknown = {}): Promise<T> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}
async function done(method: string, args: unknown): Promise<Record<string, unknown>> {
  const outcome = await ok<{ kind: string; result: Record<string, unknown> }>(method, args);
  if (outcome.kind !== 'done') throw new Error(`${method}: ${JSON.stringify(outcome)}`);
  return outcome.result;
}
const search = (text: string) => ok<DirectorySearchView>('directory.search', { text });

describe('the directory through the services', () => {
  let clientId = '';
  let cardId = '';
  let pan = '';

  it('remembers a client created and the card issued, opened and revealed for it', async () => {
    const draft = {
      product_id: 2000,
      client: {
        phone: 77015551234,
        type: 1,
        resident: 1,
        first_name: 'Dana',
        last_name: 'Serikbayeva',
        birthdate: '1991-02-03',
        person_id: '910203400555',
      },
    };
    clientId = String((await done('clients.create', { draft })).client_id);
    cardId = String(((await done('cards.issue', { clientId })) as { cards: { card_id: string }[] }).cards[0]?.card_id);
    const info = (await done('cards.info', { cardId })) as { card: { card_mask: string } };
    pan = String((await done('cards.revealSecret', { cardId, reason: 'client_verification' })).pan);

    // The card carries the client's name as its holder's: both are found, the card (touched last) first.
    expect((await search('serik')).entries.map((e) => [e.kind, e.id])).toEqual([
      ['card', cardId],
      ['client', clientId],
    ]);
    expect((await search('5551234')).entries.map((e) => e.phone)).toEqual(['*******1234']);
    expect((await search('910203400555')).entries.map((e) => e.id)).toEqual([clientId]);
    const byLastFour = (await search(pan.slice(-4))).entries.filter((e) => e.kind === 'card');
    expect(byLastFour.map((e) => [e.id, e.cardMask, e.status])).toEqual([[cardId, info.card.card_mask, 'inactive']]);
    expect((await search(pan)).entries.map((e) => e.id)).toEqual([cardId]);
    expect(JSON.stringify(await search(pan))).not.toContain(pan);
  });

  it("answers a client's data as known here, and not known for another id", async () => {
    await done('clients.updatePhone', { clientId, productId: 2000, phone: 77015559999 });
    await done('cards.activate', { cardId });
    const client = await ok<DirectoryClientView>('directory.client', { clientId });
    expect(client).toMatchObject({
      known: true,
      lastName: 'Serikbayeva',
      phone: '77015559999',
      productId: 2000,
      birthDate: '1991-02-03',
      personId: '********0555',
      cards: [{ cardId, status: 'active' }],
    });
    expect(await ok('directory.client', { clientId: 'no-such-client' })).toEqual({ known: false, enabled: true });
    expect((await search('5559999')).entries.map((e) => e.id)).toEqual([clientId]);
  });

  it('finds nothing of another profile', async () => {
    services.desk.saveProfile({ ...LOCAL_PROFILE, id: 'second', allowedOperations: ['clients', 'cards'] });
    services.desk.switchProfile('second');
    expect((await search('serik')).entries).toEqual([]);
    services.desk.switchProfile('sandbox');
    expect((await search('serik')).entries).toHaveLength(2);
  });

  it('keeps nothing once a policy turns it off, and deletes its file', async () => {
    const file = join(services.desk.dataDir, DIRECTORY_FILE);
    expect(existsSync(file)).toBe(true);
    services.desk.applyProvisioning({
      version: 1,
      profiles: [],
      policy: { locked: [], directory: { enabled: false } },
    });
    expect(await search('serik')).toEqual({ enabled: false, entries: [], nextCursor: null });
    expect(existsSync(file)).toBe(false);
    await done('cards.info', { cardId });
    expect(existsSync(file)).toBe(false);
    expect(reported).toEqual([]);
  });
});
