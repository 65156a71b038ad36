// The operator session: locked or not, enforced in main (every contract method but a few is refused while
// locked). Idle lock after the policy's minutes; immediate lock on OS lock or suspend (the shell calls lock()).
import type { EventPayloads, SessionState } from '../../../common/contract/index.ts';
import { RIGHTS } from '../../../common/contract/index.ts';
import { DeskError } from '../errors.ts';
import type { PinAttempts } from './pin-attempts.ts';
import { hashPin, verifyPin } from './pin-hash.ts';

export type LockReason = EventPayloads['session.lockChanged']['reason'];

export interface SessionDeps {
  /** The stored PIN hash, if any, and how to store a new one. */
  pinHash(): string | undefined;
  savePinHash(hash: string): void;
  idleLockMinutes(): number;
  /** A policy requires an operator PIN: the renderer asks for one before anything else. */
  pinRequired?(): boolean;
  /** The persisted wrong-PIN count shared by every place the operator PIN is checked. */
  attempts: PinAttempts;
  onLockChanged(locked: boolean, reason: LockReason): void;
  setTimer?: (fn: () => void, ms: number) => object;
  clearTimer?: (timer: unknown) => void;
}

export class Session {
  private lockedState: boolean;
  private timer: unknown;
  private readonly deps: SessionDeps;

  constructor(deps: SessionDeps) {
    this.deps = deps;
    // With a PIN set, a new session starts locked.
    this.lockedState = deps.pinHash() !== undefined;
    this.armIdleTimer();
  }

  get locked(): boolean {
    return this.lockedState;
  }

  state(): SessionState {
    return {
      locked: this.lockedState,
      pinSet: this.deps.pinHash() !== undefined,
      idleLockMinutes: this.deps.idleLockMinutes(),
      pinRequired: this.deps.pinRequired?.() ?? false,
      // Operators and sign-in replace the single PIN (docs/architecture.md, operators and roles).
      firstStart: false,
      operator: null,
      rights: [...RIGHTS],
      dualControl: [],
    };
  }

  /** Locks now. Without an operator PIN there is nothing to unlock with, so the lock is refused. */
  lock(reason: Exclude<LockReason, 'unlock'>): void {
    if (this.deps.pinHash() === undefined) {
      if (reason === 'operator') throw new DeskError('pin_not_set', 'set an operator PIN before locking');
      return;
    }
    if (this.lockedState) return;
    this.lockedState = true;
    this.deps.onLockChanged(true, reason);
  }

  async unlock(pin: string): Promise<void> {
    if (!this.lockedState) return;
    const hash = this.deps.pinHash();
    await this.deps.attempts.check('operator', async () => hash !== undefined && (await verifyPin(pin, hash)));
    this.lockedState = false;
    this.armIdleTimer();
    this.deps.onLockChanged(false, 'unlock');
  }

  async setPin(newPin: string, currentPin?: string): Promise<void> {
    const hash = this.deps.pinHash();
    if (hash !== undefined) {
      if (currentPin === undefined) throw new DeskError('pin_wrong', 'the current PIN is wrong');
      // A change is a guess at the current PIN too: it counts like an unlock.
      await this.deps.attempts.check('operator', () => verifyPin(currentPin, hash), 'the current PIN is wrong');
    }
    this.deps.savePinHash(await hashPin(newPin));
    this.armIdleTimer();
  }

  /** Operator activity: the idle countdown starts again. */
  activity(): void {
    if (!this.lockedState) this.armIdleTimer();
  }

  dispose(): void {
    if (this.timer !== undefined) (this.deps.clearTimer ?? clearTimeout)(this.timer as NodeJS.Timeout);
    this.timer = undefined;
  }

  private armIdleTimer(): void {
    this.dispose();
    const set = this.deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    const timer = set(() => {
      this.lock('idle');
    }, this.deps.idleLockMinutes() * 60_000);
    // An idle timer must not keep a CLI or test process alive.
    (timer as { unref?: () => void }).unref?.();
    this.timer = timer;
  }
}
