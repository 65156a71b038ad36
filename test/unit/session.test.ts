import { describe, expect, it } from 'vitest';
import { ROLES } from '../../common/contract/index.ts';
import { hashPin, verifyPin } from '../../main/core/session/pin-hash.ts';
import { sessionHarness as harness } from '../support/session-harness.ts';

describe('operator secret hash', () => {
  it('is scrypt with a salt, verifies the right PIN only, and never holds the PIN', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('4821');
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
    expect(await verifyPin('4821', 'plain$4821')).toBe(false);
  });
});

describe('first start', () => {
  it('asks for the first operator, who becomes an administrator with every role, signed in', async () => {
    const { session, changes } = harness();
    expect(session.state()).toMatchObject({ firstStart: true, locked: true, operator: null, rights: [] });
    await session.createFirstOperator({ operatorId: 'aliya', name: 'Aliya', secret: '2468' });
    const state = session.state();
    expect(state).toMatchObject({ firstStart: false, locked: false, operator: { id: 'aliya', name: 'Aliya' } });
    expect(state.operator?.roles).toEqual([...ROLES]);
    expect(state.rights).toEqual(expect.arrayContaining(['cards.close', 'cards.reveal', 'operators', 'audit']));
    expect(changes).toEqual([[false, 'unlock']]);
    await expect(
      session.createFirstOperator({ operatorId: 'other', name: 'Other', secret: '1357' }),
    ).rejects.toMatchObject({ code: 'first_start_done' });
  });

  it('is no first start where a policy provides operators', () => {
    const { session } = harness(undefined, 5, { providesOperators: true });
    expect(session.state()).toMatchObject({ firstStart: false, locked: true, operator: null });
  });
});

describe('sign-in', () => {
  async function withTwo() {
    const h = harness();
    await h.accounts.add({ id: 'teller', name: 'Timur', roles: ['teller'], secret: '1357', source: 'workstation' });
    await h.accounts.add({ id: 'boss', name: 'Bota', roles: ['supervisor'], secret: '8642', source: 'workstation' });
    return h;
  }

  it('signs in with the right secret only, backs off per operator after 5 wrong ones', async () => {
    const { session, changes, advance } = await withTwo();
    for (let i = 0; i < 5; i++)
      await expect(session.signIn('teller', '0000')).rejects.toMatchObject({
        code: 'operator_unknown_or_wrong_secret',
      });
    await expect(session.signIn('teller', '1357')).rejects.toMatchObject({
      code: 'operator_locked',
      details: { retryAfterMs: 30_000 },
    });
    // Another operator is not held up by the teller's wait.
    await session.signIn('boss', '8642');
    session.signOut();
    advance(30_001);
    await session.signIn('teller', '1357');
    expect(session.state()).toMatchObject({ locked: false, operator: { id: 'teller', roles: ['teller'] } });
    expect(session.rights().has('cards.issue')).toBe(true);
    expect(session.rights().has('cards.reveal')).toBe(false);
    expect(changes).toEqual([
      [false, 'unlock'],
      [true, 'operator'],
      [false, 'unlock'],
    ]);
  });

  it('signing in again as the signed-in operator still checks the secret', async () => {
    const { session } = await withTwo();
    await session.signIn('teller', '1357');
    await expect(session.signIn('teller', '0000')).rejects.toMatchObject({ code: 'operator_unknown_or_wrong_secret' });
    await expect(session.signIn('boss', '8642')).rejects.toMatchObject({ code: 'session_locked' });
    expect(session.operator()?.id).toBe('teller');
  });

  it('an unknown id and a wrong secret get the same answer', async () => {
    const { session } = await withTwo();
    await expect(session.signIn('nobody', '1357')).rejects.toMatchObject({ code: 'operator_unknown_or_wrong_secret' });
    await expect(session.signIn('teller', '1111')).rejects.toMatchObject({ code: 'operator_unknown_or_wrong_secret' });
  });

  it('while locked only the same operator may sign in again; switching signs them out first', async () => {
    const { session } = await withTwo();
    await session.signIn('teller', '1357');
    session.lock('operator');
    expect(session.state()).toMatchObject({ locked: true, operator: { id: 'teller' } });
    await expect(session.signIn('boss', '8642')).rejects.toMatchObject({ code: 'session_locked' });
    await session.signIn('teller', '1357');
    expect(session.locked).toBe(false);
    session.lock('os');
    session.signOut();
    expect(session.state()).toMatchObject({ locked: true, operator: null, rights: [] });
    await session.signIn('boss', '8642');
    expect(session.operator()?.id).toBe('boss');
  });

  it('locks after the idle minutes, and activity restarts the countdown', async () => {
    const { session, accounts, changes, advance } = harness(undefined, 2);
    await accounts.add({ id: 'teller', name: 'T', roles: ['teller'], secret: '1111', source: 'workstation' });
    await session.signIn('teller', '1111');
    advance(90_000);
    session.activity();
    advance(90_000);
    expect(session.locked).toBe(false);
    advance(30_001);
    expect(session.locked).toBe(true);
    expect(changes).toEqual([
      [false, 'unlock'],
      [true, 'idle'],
    ]);
  });

  it('changing one’s own secret needs the current one, and counts a wrong one', async () => {
    const { session } = await withTwo();
    await expect(session.changeSecret('1357', '2222')).rejects.toMatchObject({ code: 'not_signed_in' });
    await session.signIn('teller', '1357');
    await expect(session.changeSecret('9999', '2222')).rejects.toMatchObject({
      code: 'operator_unknown_or_wrong_secret',
      details: { attemptsLeft: 4 },
    });
    await session.changeSecret('1357', '2222');
    session.signOut();
    await expect(session.signIn('teller', '1357')).rejects.toMatchObject({ code: 'operator_unknown_or_wrong_secret' });
    await session.signIn('teller', '2222');
  });

  it('checks an approver’s credentials and answers their rights under the policy', async () => {
    const h = harness(undefined, 5, {
      roles: { supervisor: { revoke: ['cards.reveal'] } },
      dualControl: ['cards.close'],
    });
    await h.accounts.add({ id: 'boss', name: 'B', roles: ['supervisor'], secret: '8642', source: 'workstation' });
    const rights = await h.session.verifyApprover('boss', '8642');
    expect(rights.has('cards.close')).toBe(true);
    expect(rights.has('cards.reveal')).toBe(false);
    expect(h.session.dualControl()).toEqual(['cards.close']);
    await expect(h.session.verifyApprover('boss', '0000')).rejects.toMatchObject({
      code: 'operator_unknown_or_wrong_secret',
    });
  });

  it('audits sign-ins, refusals and sign-outs without a secret', async () => {
    const { session, audit } = await withTwo();
    await expect(session.signIn('teller', '0000')).rejects.toThrow();
    await expect(session.signIn('ghost', '0000')).rejects.toThrow();
    await session.signIn('teller', '1357');
    session.signOut();
    expect(audit).toEqual([
      ['session.signIn.refused', { operatorId: 'teller', code: 'operator_unknown_or_wrong_secret' }],
      ['session.signIn.refused', { operatorId: null, code: 'operator_unknown_or_wrong_secret' }],
      ['session.signIn', { operatorId: 'teller' }],
      ['session.signOut', { operatorId: 'teller' }],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/1357|0000/);
  });
});

describe('a workstation from before operators', () => {
  it('an older version’s PIN hash becomes the one operator, who signs in with it', async () => {
    const { session } = harness(await hashPin('1357'));
    expect(session.state()).toMatchObject({ firstStart: false, locked: true });
    await expect(session.signIn('operator', '0000')).rejects.toMatchObject({
      code: 'operator_unknown_or_wrong_secret',
    });
    await session.signIn('operator', '1357');
    expect(session.operator()).toMatchObject({ id: 'operator', roles: [...ROLES] });
  });
});
