// Operator accounts and sign-in through the dispatcher, over a real desk: the first start, accounts added,
// disabled and reset by an administrator, sign-in and switching, and every change audited without a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';

const ADMIN = { operatorId: 'aliya', name: 'Aliya', secret: '50718293' };
const TELLER = { operatorId: 'timur', name: 'Timur', secret: 'Teller passphrase 1' };
let services: Services;

beforeAll(() => {
  services = createServices({ desk: openTestDesk(), appInfo: TEST_APP_INFO, report: () => undefined });
});
afterAll(async () => {
  await services.close();
});

const call = (method: string, args: unknown = {}) => services.dispatch(method, args);
async function ok<T = Record<string, unknown>>(method: string, args: unknown = {}): Promise<T> {
  const reply = await call(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}
const refused = async (method: string, args: unknown = {}) => {
  const reply = await call(method, args);
  return reply.ok ? 'ok' : reply.error.code;
};

describe('operators through the contract', () => {
  it('first start: nothing but signing in works until the first operator is made, once', async () => {
    expect(await ok('session.state')).toMatchObject({ firstStart: true, locked: true, operator: null, rights: [] });
    expect(await refused('profiles.list')).toBe('not_signed_in');
    expect(await ok('session.createFirstOperator', ADMIN)).toMatchObject({
      firstStart: false,
      locked: false,
      operator: { id: 'aliya', name: 'Aliya', roles: ['teller', 'supervisor', 'administrator', 'auditor'] },
    });
    expect(await refused('session.createFirstOperator', { ...ADMIN, operatorId: 'other' })).toBe('first_start_done');
  });

  it('an administrator adds, disables, enables and resets operators; never themself disabled', async () => {
    const added = await ok('operators.add', { ...TELLER, roles: ['teller'] });
    expect(added).toMatchObject({ id: 'timur', roles: ['teller'], enabled: true, source: 'workstation' });
    expect(JSON.stringify(added)).not.toMatch(/scrypt|secret/i);
    expect(await refused('operators.add', { ...TELLER, roles: ['teller'] })).toBe('operator_exists');
    expect(await refused('operators.disable', { operatorId: 'aliya' })).toBe('operator_self');
    expect(await ok('operators.disable', { operatorId: 'timur' })).toMatchObject({ enabled: false });

    // Switch operator: the disabled teller cannot sign in, and learns so only with the right secret.
    expect(await ok('session.signOut')).toMatchObject({ locked: true, operator: null });
    expect(await refused('session.signIn', { operatorId: 'timur', secret: 'wrong passphrase' })).toBe(
      'operator_unknown_or_wrong_secret',
    );
    expect(await refused('session.signIn', { operatorId: 'timur', secret: TELLER.secret })).toBe('operator_disabled');
    await ok('session.signIn', { operatorId: 'aliya', secret: ADMIN.secret });
    await ok('operators.enable', { operatorId: 'timur' });
    await ok('operators.resetSecret', { operatorId: 'timur', secret: '864213' });
    expect((await ok<{ id: string }[]>('operators.list')).map((o) => o.id)).toEqual(['aliya', 'timur']);
  });

  it('a teller signs in, may choose the language and change their own PIN, not manage operators', async () => {
    await ok('session.signOut');
    expect(await ok('session.signIn', { operatorId: 'timur', secret: '864213' })).toMatchObject({
      operator: { id: 'timur', roles: ['teller'] },
      locked: false,
    });
    expect(await refused('operators.list')).toBe('permission_denied');
    expect(await ok('settings.setLanguage', { language: 'kk' })).toMatchObject({ values: { language: 'kk' } });
    expect(await refused('session.changeSecret', { currentSecret: '000000', newSecret: '135790' })).toBe(
      'operator_unknown_or_wrong_secret',
    );
    await ok('session.changeSecret', { currentSecret: '864213', newSecret: '135790' });
    // Locked: only the same operator signs in again.
    await ok('session.lock');
    expect(await refused('session.signIn', { operatorId: 'aliya', secret: ADMIN.secret })).toBe('session_locked');
    await ok('session.signIn', { operatorId: 'timur', secret: '135790' });
  });

  it('every change is audited naming the operator it changed, never a secret', async () => {
    await ok('session.signOut');
    await ok('session.signIn', { operatorId: 'aliya', secret: ADMIN.secret });
    const page = await ok<{
      entries: { action: string; details: Record<string, unknown>; operator: { id: string } | null }[];
    }>('journal.audit', { limit: 100 });
    const actions = page.entries.map((a) => [a.action, a.details.operatorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['operator.add', 'aliya'],
        ['operator.add', 'timur'],
        ['operator.disable', 'timur'],
        ['operator.enable', 'timur'],
        ['operator.secret.reset', 'timur'],
        ['operator.secret.change', 'timur'],
        ['session.signIn', 'timur'],
        ['session.signOut', 'timur'],
      ]),
    );
    // Every record names who acted: the administrator for their changes, each operator for their own
    // sign-in, sign-out and first start (made before anyone was signed in).
    const actors = page.entries.map((a) => [a.action, a.details.operatorId, a.operator?.id ?? null]);
    expect(actors).toEqual(
      expect.arrayContaining([
        ['operator.add', 'aliya', 'aliya'],
        ['operator.add', 'timur', 'aliya'],
        ['session.signIn', 'timur', 'timur'],
        ['session.signOut', 'timur', 'timur'],
      ]),
    );
    expect(page.entries.filter((a) => a.action !== 'session.signIn.refused' && a.operator === null)).toEqual([]);
    const all = JSON.stringify(page.entries);
    for (const secret of [ADMIN.secret, TELLER.secret, '864213', '135790', 'wrong passphrase']) {
      expect(all).not.toContain(secret);
    }
  });
});
