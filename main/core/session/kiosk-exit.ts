// Leaving kiosk mode takes the admin PIN of the workstation's policy, verified in main against its scrypt hash,
// with the same back-off as the lock screen.
import { DeskError } from '../errors.ts';
import { verifyPin } from './pin-hash.ts';

/** Admin PINs are longer than operator PINs: their hash sits in a policy file an attacker may read. */
export const ADMIN_PIN = /^\d{8,12}$/;
const FREE_ATTEMPTS = 5;
const BACKOFF_MS = 30_000;

export class KioskExitGuard {
  private wrongAttempts = 0;
  private retryAt = 0;
  private readonly hash: () => string | undefined;
  private readonly now: () => number;

  constructor(hash: () => string | undefined, now: () => number = Date.now) {
    this.hash = hash;
    this.now = now;
  }

  /** Resolves when the PIN is right; otherwise throws a typed error (never naming the PIN). */
  async verify(pin: string): Promise<void> {
    const hash = this.hash();
    if (hash === undefined) {
      throw new DeskError(
        'kiosk_exit_not_configured',
        'no admin PIN is set in the workstation policy: ask IT to set one',
      );
    }
    const wait = this.retryAt - this.now();
    if (wait > 0)
      throw new DeskError('pin_retry_later', `too many wrong PINs: try again in ${String(Math.ceil(wait / 1000))} s`, {
        retryInMs: wait,
      });
    if (!(await verifyPin(pin, hash))) {
      this.wrongAttempts++;
      if (this.wrongAttempts >= FREE_ATTEMPTS) this.retryAt = this.now() + BACKOFF_MS;
      throw new DeskError('pin_wrong', 'wrong admin PIN', {
        attemptsLeft: Math.max(0, FREE_ATTEMPTS - this.wrongAttempts),
      });
    }
    this.wrongAttempts = 0;
    this.retryAt = 0;
  }
}
