// Leaving kiosk mode takes the admin PIN of the workstation's policy, verified in main against its scrypt hash,
// with the same persisted back-off as the lock screen. A hash with weaker scrypt parameters than Card Desk's own
// is refused: the policy file holding it may be readable, and a cheap hash of 8 digits is quickly guessed.
import { DeskError } from '../errors.ts';
import type { PinAttempts } from './pin-attempts.ts';
import { isStrongPinHash, verifyPin } from './pin-hash.ts';

/** Admin PINs are longer than operator PINs: their hash sits in a policy file an attacker may read. */
export const ADMIN_PIN = /^\d{8,12}$/;

export class KioskExitGuard {
  private readonly hash: () => string | undefined;
  private readonly attempts: PinAttempts;

  constructor(hash: () => string | undefined, attempts: PinAttempts) {
    this.hash = hash;
    this.attempts = attempts;
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
    if (!isStrongPinHash(hash)) {
      throw new DeskError(
        'kiosk_exit_weak_hash',
        'the admin PIN hash in the workstation policy is too weak: ask IT to make it with `card-desk policy hash-pin`',
      );
    }
    await this.attempts.check('kiosk-exit', () => verifyPin(pin, hash), 'wrong admin PIN');
  }
}
