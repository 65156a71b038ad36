import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../main/core/session/pin-hash.ts';
import { sessionHarness as harness } from '../support/session-harness.ts';

describe('operator PIN hash', () => {
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

describe('session lock', () => {
  it('starts unlocked without a PIN and refuses an operator lock until one is set', async () => {
    const { session } = harness();
    expect(session.state()).toEqual({ locked: false, pinSet: false, idleLockMinutes: 5, pinRequired: false });
    expect(() => {
      session.lock('operator');
    }).toThrow(/set an operator PIN/);
    await session.setPin('2468');
    session.lock('operator');
    expect(session.locked).toBe(true);
  });

  it('starts locked when a PIN is set, unlocks with the right PIN only, and backs off after 5 wrong ones', async () => {
    const { session, changes, advance } = harness(await hashPin('1357'));
    expect(session.locked).toBe(true);
    for (let i = 0; i < 5; i++) await expect(session.unlock('0000')).rejects.toMatchObject({ code: 'pin_wrong' });
    await expect(session.unlock('1357')).rejects.toMatchObject({ code: 'pin_retry_later' });
    advance(30_001);
    await session.unlock('1357');
    expect(session.locked).toBe(false);
    expect(changes).toEqual([[false, 'unlock']]);
  });

  it('locks after the idle minutes, and activity restarts the countdown', async () => {
    const { session, changes, advance } = harness(undefined, 2);
    await session.setPin('1111');
    advance(90_000);
    session.activity();
    advance(90_000);
    expect(session.locked).toBe(false);
    advance(30_001);
    expect(session.locked).toBe(true);
    expect(changes).toEqual([[true, 'idle']]);
  });

  it('locks at once on OS lock or suspend, and changing the PIN needs the current one', async () => {
    const { session, storedHash } = harness();
    await session.setPin('1111');
    await expect(session.setPin('2222', '9999')).rejects.toMatchObject({ code: 'pin_wrong' });
    await expect(session.setPin('2222')).rejects.toMatchObject({ code: 'pin_wrong' });
    const before = storedHash();
    await session.setPin('2222', '1111');
    expect(storedHash()).not.toBe(before);
    session.lock('os');
    expect(session.locked).toBe(true);
    await session.unlock('2222');
    expect(session.locked).toBe(false);
  });
});
