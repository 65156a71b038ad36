// The contract's methods through the dispatcher, over a real desk and the embedded sandbox.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../main/core/session/pin-hash.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { approval, signInAdmin, TEST_ADMIN } from '../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';

let services: Services;
const reported: unknown[] = [];
const shown: boolean[] = [];
let kioskExits = 0;

beforeAll(async () => {
  const desk = openTestDesk({ deadlineMs: 2_000 });
  services = createServices({
    desk,
    appInfo: TEST_APP_INFO,
    report: (e) => reported.push(e),
    secretShown: (s) => shown.push(s),
    kioskExit: () => {
      kioskExits++;
      return true;
    },
  });
  await signInAdmin(services);
});
afterAll(async () => {
  await services.close();
});

async function ok<T = Record<string, unknown>>(method: string, args: unknown = {}): Promise<T> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}
async function done(method: string, args: unknown = {}): Promise<Record<string, unknown>> {
  const outcome = await ok<{ kind: string; result: Record<string, unknown> }>(method, args);
  if (outcome.kind !== 'done') throw new Error(`${method}: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

describe('operator intents end to end', () => {
  it('runs a card through its life and audits the reveal', async () => {
    const changed: string[] = [];
    const off = services.events.on('requests.changed', (e) => changed.push(`${e.op}:${e.state}`));
    const draft = {
      product_id: 2000,
      client: { phone: 77019998877, type: 1, resident: 1, first_name: 'Asel', last_name: 'Omarova' },
    };
    const { client_id: clientId } = (await done('clients.create', { draft })) as { client_id: string };
    const cardId = ((await done('cards.issue', { clientId })) as { cards: { card_id: string }[] }).cards[0]?.card_id;
    await done('cards.activate', { cardId });
    await done('cards.block', { cardId, reason: 'lost', note: 'left in a taxi' });
    await done('cards.unblock', { cardId, reason: 'found', note: '' });
    await done('cards.setPin', { cardId });
    // An entered PIN needs the profile's PIN key, then goes out encrypted.
    const noKey = await services.dispatch('cards.setPin', { cardId, pin: '2580' });
    expect(noKey).toMatchObject({ ok: false, error: { code: 'pin_key_missing' } });
    expect(await ok('vault.createPinKey', { profileId: 'sandbox' })).toEqual({ pinKey: 'present' });
    await done('cards.setPin', { cardId, pin: '2580' });
    const secret = (await done('cards.revealSecret', { cardId, reason: 'client_verification' })) as {
      pan: string;
    };
    expect(secret.pan).toMatch(/^\d{16}$/);
    await ok('cards.concealSecret');
    expect(shown).toEqual([true, false]);
    const audit = await ok<{ entries: { action: string; details: Record<string, unknown> }[] }>('journal.audit', {
      action: 'card.secret.reveal',
    });
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'card.secret.reveal',
        profileId: 'sandbox',
        details: { cardId, reason: 'client_verification' },
      }),
    ]);
    await done('limits.set', {
      approval: await approval(services),
      object: { type: 'card', value: cardId },
      limits: [{ transactionType: 'pay', period: 'day', max: '1000.00', currency: 'KZT' }],
    });
    expect(
      ((await done('limits.list', { object: { type: 'card', value: cardId } })) as { limits: unknown[] }).limits,
    ).toHaveLength(1);
    // The card has money on it (its activation statement): main closes it only once the balance is acknowledged.
    // Dual control: a second operator approves; the close still checks the card's state after the approval.
    const close = { cardId, reason: 'client_request', note: '', confirm: true, approval: await approval(services) };
    expect(await services.dispatch('cards.close', close)).toMatchObject({
      ok: false,
      error: { code: 'balance_not_acknowledged' },
    });
    await done('cards.close', { ...close, balanceAcknowledged: true });
    off();
    expect(changed).toContain('card.close:done');
    const search = await ok<{ entries: { op: string; params: Record<string, unknown> }[] }>('journal.search', {
      op: 'card.block',
    });
    expect(search.entries[0]?.params).toMatchObject({ description: 'lost: left in a taxi' });
    const pinEntry = (
      await ok<{ entries: { params: Record<string, unknown> }[] }>('journal.search', { op: 'card.setPin' })
    ).entries[0];
    expect(pinEntry?.params.pin).toBe('entered');
    // Digit boundaries: a random id or time may hold the four digits by chance.
    expect(JSON.stringify(services.desk.journal.list())).not.toMatch(/(?<!\d)2580(?!\d)/);
  });

  it('runs a gift card through issue, confirm and status', async () => {
    const products = (await done('gift.products')) as { product_list: { code: number }[] };
    const { card_id: cardId } = (await done('gift.issue', {
      cardholderName: 'A B',
      phone: 77012223344,
      productCode: products.product_list[0]?.code,
    })) as { card_id: number };
    expect(await ok('gift.status', { cardId })).toMatchObject({ kind: 'done', result: { card_status: 1 } });
    const outbox = await fetch(`${await services.desk.embeddedUrl()}/_sandbox/outbox?phone=77012223344`);
    const code = ((await outbox.json()) as { code?: string }[]).findLast((m) => m.code !== undefined)?.code;
    expect(await done('gift.confirm', { cardId, otp: code })).toMatchObject({ card_status: 2 });
    expect(await ok('gift.status', { cardId })).toMatchObject({ kind: 'done', result: { card_status: 2 } });
  });
});

describe('refusals', () => {
  it.each([
    ['an unknown method', 'cards.fly', {}, 'unknown_method'],
    [
      'invalid arguments, naming the field',
      'cards.block',
      { cardId: 'c1', reason: 'bored', note: '' },
      'invalid_arguments',
    ],
    ['an unconfirmed close', 'cards.close', { cardId: 'c1', reason: 'other', note: '' }, 'invalid_arguments'],
    ['an unknown profile', 'profiles.switch', { profileId: 'nope' }, 'profile_not_found'],
  ])('%s', async (_what, method, args, code) => {
    const reply = await services.dispatch(method, args);
    expect(reply).toMatchObject({ ok: false, error: { code } });
  });

  it('names the field of invalid arguments', async () => {
    const reply = await services.dispatch('cards.block', { cardId: 'c1', reason: 'lost', note: 'x'.repeat(201) });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', message: 'note: at most 200 characters' },
    });
  });

  it('hides unexpected errors behind a generic message and reports them', async () => {
    const handlers = services.handlers as unknown as Record<string, () => Promise<unknown>>;
    const original = handlers['app.info'];
    handlers['app.info'] = () => Promise.reject(new TypeError('secret-ish internal detail at /home/x'));
    const reply = await services.dispatch('app.info', {});
    if (original) handlers['app.info'] = original;
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(reply)).not.toContain('internal detail');
    expect(reported).toHaveLength(1);
  });

  it('refuses everything but signing in again while locked, and signs the same operator in', async () => {
    const lockEvents: boolean[] = [];
    services.events.on('session.lockChanged', (e) => lockEvents.push(e.locked));
    expect(await ok('session.lock')).toMatchObject({ locked: true });
    expect(await services.dispatch('cards.info', { cardId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    expect(await services.dispatch('profiles.list', {})).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    expect(
      await services.dispatch('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: '00000000' }),
    ).toMatchObject({ ok: false, error: { code: 'operator_unknown_or_wrong_secret' } });
    expect(await ok('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: TEST_ADMIN.secret })).toMatchObject({
      locked: false,
    });
    expect(lockEvents).toEqual([true, false]);
  });

  it('leaves kiosk mode only with the policy admin PIN, and audits it', async () => {
    expect(await services.dispatch('kiosk.exit', { adminPin: '12345678' })).toMatchObject({
      ok: false,
      error: { code: 'kiosk_exit_not_configured' },
    });
    const file = join(services.desk.dataDir, 'kiosk-pin.json');
    writeFileSync(file, JSON.stringify({ version: 1, policy: { kioskExitPinHash: await hashPin('80706050') } }));
    services.desk.importProvisioning(file);
    expect(await services.dispatch('kiosk.exit', { adminPin: '11112222' })).toMatchObject({
      ok: false,
      error: { code: 'pin_wrong' },
    });
    expect(await services.dispatch('kiosk.exit', { adminPin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    expect(kioskExits).toBe(0);
    expect(await ok('kiosk.exit', { adminPin: '80706050' })).toEqual({ exited: true });
    expect(kioskExits).toBe(1);
    expect(
      (await ok<{ entries: { details: Record<string, unknown> }[] }>('journal.audit', { action: 'kiosk.exit' }))
        .entries,
    ).toEqual([expect.objectContaining({ details: { exited: true } })]);
  });

  it('refuses a locked setting naming who locked it', async () => {
    const file = join(services.desk.dataDir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ version: 1, policy: { locked: ['language'], language: 'en' } }));
    services.desk.importProvisioning(file);
    const reply = await services.dispatch('settings.update', { language: 'kk' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'setting_locked' } });
    expect(await ok('settings.get')).toMatchObject({ values: { language: 'en' }, locked: ['language'] });
  });
});
