// Attacks on the PIN back-off, as an attacker at the keyboard or with a script against the contract would try
// them: racing many guesses past the count, restarting the app to reset it, guessing through "change PIN"
// instead of the lock screen, and a kiosk-exit hash made cheap to guess.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperatorAccounts } from '../../../main/core/operators/accounts.ts';
import { KioskExitGuard } from '../../../main/core/session/kiosk-exit.ts';
import { fileAttemptStore, PinAttempts, FREE_ATTEMPTS } from '../../../main/core/session/pin-attempts.ts';
import { hashPin } from '../../../main/core/session/pin-hash.ts';
import { Session } from '../../../main/core/session/session.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';

const RIGHT = '482915';
const GUESSES = 600;

/** The operator's session as the app opens it on `dataDir`: the accounts in the journal database. */
async function lockedSession(dataDir: string) {
  const accounts = OperatorAccounts.open(join(dataDir, 'journal.db'));
  if (accounts.get('teller') === undefined)
    await accounts.add({ id: 'teller', name: 'Teller', roles: ['teller'], secret: RIGHT, source: 'workstation' });
  const session = new Session({
    accounts,
    idleLockMinutes: () => 5,
    policy: () => ({ roles: {}, dualControl: [], providesOperators: false }),
    onLockChanged: () => undefined,
  });
  const close = () => {
    session.dispose();
    accounts.close();
  };
  return { session, close };
}

const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'unlocked'));

describe('PIN back-off under attack', () => {
  it(
    `${String(GUESSES)} concurrent guesses at the lock screen: one is checked, the right one among them is refused`,
    () =>
      attack('racing concurrent guesses past the lock screen count', async () => {
        const { session, close } = await lockedSession(tempDir('card-desk-pin-race-'));
        const guesses = Array.from({ length: GUESSES }, (_, i) => (i === 300 ? RIGHT : String(100000 + i)));
        const results = codes(await Promise.allSettled(guesses.map((pin) => session.signIn('teller', pin))));
        expect(results.filter((c) => c === 'operator_unknown_or_wrong_secret')).toHaveLength(1);
        expect(results.filter((c) => c === 'operator_locked')).toHaveLength(GUESSES - 1);
        expect(session.locked).toBe(true);
        close();
      }),
    60_000,
  );

  it('a restart does not reset the count: the right PIN still waits', () =>
    attack('resetting the PIN count by restarting the app', async () => {
      const dataDir = tempDir('card-desk-pin-restart-');
      const first = await lockedSession(dataDir);
      for (let i = 0; i < FREE_ATTEMPTS; i++)
        await expect(first.session.signIn('teller', '000000')).rejects.toMatchObject({
          code: 'operator_unknown_or_wrong_secret',
        });
      first.close();
      const second = await lockedSession(dataDir);
      await expect(second.session.signIn('teller', RIGHT)).rejects.toMatchObject({ code: 'operator_locked' });
      expect(second.session.locked).toBe(true);
      second.close();
    }));

  it('guessing through "change PIN" counts like the lock screen', () =>
    attack('guessing the operator PIN through change PIN', async () => {
      const dataDir = tempDir('card-desk-pin-change-');
      const { session, close } = await lockedSession(dataDir);
      await session.signIn('teller', RIGHT);
      for (let i = 0; i < FREE_ATTEMPTS; i++)
        await expect(session.changeSecret(`9${String(i)}0000`, '1111')).rejects.toMatchObject({
          code: 'operator_unknown_or_wrong_secret',
        });
      await expect(session.changeSecret(RIGHT, '1111')).rejects.toMatchObject({ code: 'operator_locked' });
      session.lock('operator');
      await expect(session.signIn('teller', RIGHT)).rejects.toMatchObject({ code: 'operator_locked' });
      close();
    }));

  it(
    'kiosk exit: concurrent guesses are checked one at a time and the count survives a restart',
    () =>
      attack('racing and restarting past the kiosk-exit PIN count', async () => {
        const dataDir = tempDir('card-desk-kiosk-race-');
        const hash = await hashPin('24681357');
        const guard = new KioskExitGuard(() => hash, new PinAttempts(fileAttemptStore(dataDir)));
        const guesses = Array.from({ length: GUESSES }, (_, i) => String(10_000_000 + i));
        const results = codes(await Promise.allSettled(guesses.map((pin) => guard.verify(pin))));
        expect(results.filter((c) => c === 'pin_wrong')).toHaveLength(1);
        for (let i = 1; i < FREE_ATTEMPTS; i++)
          await expect(guard.verify('11111111')).rejects.toMatchObject({ code: 'pin_wrong' });
        const restarted = new KioskExitGuard(() => hash, new PinAttempts(fileAttemptStore(dataDir)));
        await expect(restarted.verify('24681357')).rejects.toMatchObject({ code: 'pin_retry_later' });
      }),
    60_000,
  );

  it('a kiosk-exit hash with cheap scrypt parameters is refused, even with the right PIN', () =>
    attack('a kiosk-exit PIN hash with cheap scrypt parameters', async () => {
      const strong = await hashPin('24681357');
      const [, , , , salt, key] = strong.split('$');
      const cheap = ['scrypt', 2, 1, 1, salt, key].join('$');
      const guard = new KioskExitGuard(() => cheap, new PinAttempts(fileAttemptStore(tempDir('card-desk-weak-'))));
      await expect(guard.verify('24681357')).rejects.toMatchObject({ code: 'kiosk_exit_weak_hash' });
    }));
});
