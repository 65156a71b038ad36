// The operator account store (main/core/operators): hashing, the persisted per-operator back-off, disabled
// accounts, the last administrator, and accounts a policy provides.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { OperatorAccounts } from '../../main/core/operators/accounts.ts';
import { adoptSinglePin, provideOperators } from '../../main/core/operators/provide.ts';
import { hashPin } from '../../main/core/session/pin-hash.ts';
import { tempDir } from '../support/temp-dir.ts';

const WRONG = 'operator_unknown_or_wrong_secret';

function store(clock = { now: 0 }) {
  return OperatorAccounts.open(':memory:', () => clock.now);
}

const teller = {
  id: 'timur',
  name: 'Timur',
  roles: ['teller'] as const,
  secret: '1357',
  source: 'workstation' as const,
};

describe('operator accounts', () => {
  it('store the secret only as a salted scrypt hash and never show it', async () => {
    const path = join(tempDir('card-desk-operators-'), 'journal.db');
    const accounts = OperatorAccounts.open(path);
    const view = await accounts.add({ ...teller, secret: 'correct horse battery' });
    expect(view).toEqual({
      id: 'timur',
      name: 'Timur',
      roles: ['teller'],
      enabled: true,
      source: 'workstation',
      createdAt: expect.any(Number) as number,
      lockedUntil: null,
    });
    expect(accounts.count()).toBe(1);
    expect(accounts.nameOf('timur')).toBe('Timur');
    expect(accounts.nameOf('nobody')).toBeUndefined();
    accounts.close();
    const db = new DatabaseSync(path);
    const row = db.prepare('SELECT secret_hash FROM operators').get() as { secret_hash: string };
    db.close();
    expect(row.secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.secret_hash).not.toContain('correct horse');
  });

  it('refuse a second account with the same id', async () => {
    const accounts = store();
    await accounts.add(teller);
    await expect(accounts.add({ ...teller, name: 'Other' })).rejects.toMatchObject({ code: 'operator_exists' });
  });

  it('verify the right secret, answer an unknown id like a wrong secret', async () => {
    const accounts = store();
    await accounts.add(teller);
    await expect(accounts.verify('timur', '1357')).resolves.toEqual({ id: 'timur', name: 'Timur', roles: ['teller'] });
    await expect(accounts.verify('timur', '1358')).rejects.toMatchObject({ code: WRONG, details: { attemptsLeft: 4 } });
    await expect(accounts.verify('ghost', '1357')).rejects.toMatchObject({ code: WRONG, details: { attemptsLeft: 4 } });
  });

  it('keep the back-off across a reopen, and a reset secret starts it over', async () => {
    const path = join(tempDir('card-desk-operators-'), 'journal.db');
    const clock = { now: 1_000_000 };
    const first = OperatorAccounts.open(path, () => clock.now);
    await first.add(teller);
    for (let i = 0; i < 5; i++) await expect(first.verify('timur', '0000')).rejects.toMatchObject({ code: WRONG });
    first.close();
    const second = OperatorAccounts.open(path, () => clock.now);
    await expect(second.verify('timur', '1357')).rejects.toMatchObject({
      code: 'operator_locked',
      details: { retryAfterMs: 30_000 },
    });
    expect(second.get('timur')?.lockedUntil).toBe(clock.now + 30_000);
    clock.now += 30_001;
    await expect(second.verify('timur', '0000')).rejects.toMatchObject({ code: WRONG });
    // The sixth wrong secret doubles the wait.
    await expect(second.verify('timur', '1357')).rejects.toMatchObject({ details: { retryAfterMs: 60_000 } });
    await second.resetSecret('timur', '2468');
    await expect(second.verify('timur', '2468')).resolves.toMatchObject({ id: 'timur' });
    second.close();
  });

  it('a disabled operator cannot sign in, and learns so only with the right secret', async () => {
    const accounts = store();
    await accounts.add({ ...teller, id: 'admin', roles: ['administrator'] });
    await accounts.add(teller);
    expect(accounts.disable('timur')).toMatchObject({ enabled: false });
    await expect(accounts.verify('timur', '0000')).rejects.toMatchObject({ code: WRONG });
    await expect(accounts.verify('timur', '1357')).rejects.toMatchObject({ code: 'operator_disabled' });
    accounts.enable('timur');
    await expect(accounts.verify('timur', '1357')).resolves.toMatchObject({ id: 'timur' });
  });

  it('refuse disabling the last enabled administrator', async () => {
    const accounts = store();
    await accounts.add({ ...teller, id: 'a1', roles: ['administrator'] });
    await accounts.add({ ...teller, id: 'a2', roles: ['administrator', 'auditor'] });
    accounts.disable('a1');
    expect(() => accounts.disable('a2')).toThrow(expect.objectContaining({ code: 'last_administrator' }));
    accounts.enable('a1');
    accounts.disable('a2');
    expect(accounts.list().map((o) => [o.id, o.enabled])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
    expect(() => accounts.disable('nobody')).toThrow(expect.objectContaining({ code: 'operator_not_found' }));
  });
});

describe('accounts from outside the operators screen', () => {
  it('a policy provides accounts with hashes; a weak hash is refused; a changed hash replaces a local reset', async () => {
    const accounts = store();
    const pinHash = await hashPin('8642');
    const boss = { id: 'bota', name: 'Bota', roles: ['supervisor' as const], pinHash };
    expect(provideOperators(accounts, [{ operator: boss, source: 'managed' }])).toEqual([]);
    expect(accounts.get('bota')).toMatchObject({ source: 'managed', roles: ['supervisor'] });
    await expect(accounts.verify('bota', '8642')).resolves.toMatchObject({ id: 'bota' });
    // A local reset survives the same policy said again at the next start …
    await accounts.resetSecret('bota', '1111');
    provideOperators(accounts, [{ operator: { ...boss, name: 'Bota K.' }, source: 'managed' }]);
    expect(accounts.nameOf('bota')).toBe('Bota K.');
    await expect(accounts.verify('bota', '1111')).resolves.toMatchObject({ id: 'bota' });
    // … a new hash from the policy replaces it.
    provideOperators(accounts, [{ operator: { ...boss, pinHash: await hashPin('9753') }, source: 'managed' }]);
    await expect(accounts.verify('bota', '9753')).resolves.toMatchObject({ id: 'bota' });
    const [, , , , salt, key] = pinHash.split('$');
    const weak = { ...boss, id: 'weak', pinHash: ['scrypt', 2, 1, 1, salt, key].join('$') };
    expect(provideOperators(accounts, [{ operator: weak, source: 'provisioned' }])).toEqual([
      expect.stringMatching(/operator weak .* too weak/),
    ]);
    expect(accounts.get('weak')).toBeUndefined();
  });

  it('an older version’s single PIN becomes the first operator, only where there is none', async () => {
    const accounts = store();
    expect(adoptSinglePin(accounts, undefined)).toBe(false);
    expect(adoptSinglePin(accounts, await hashPin('4321'))).toBe(true);
    expect(accounts.get('operator')?.roles).toEqual(['teller', 'supervisor', 'administrator', 'auditor']);
    await expect(accounts.verify('operator', '4321')).resolves.toMatchObject({ id: 'operator' });
    expect(adoptSinglePin(accounts, await hashPin('4321'))).toBe(false);
  });
});
