// The operator session (docs/architecture.md, operators and roles): who is signed in, and whether their session
// is locked. Enforced in main: every contract method but a few is refused while nobody may act. Idle lock after
// the policy's minutes; immediate lock on OS lock or suspend (the shell calls lock()). While locked only the
// same operator may sign in again; "switch operator" signs them out first.
import type { EventPayloads, SessionState } from '../../../common/contract/index.ts';
import {
  ROLES,
  rightsOf,
  type ApprovableMethod,
  type Right,
  type Role,
  type RoleMatrixPolicy,
} from '../../../common/contract/rights.ts';
import type { Audit } from '../desk/audit.ts';
import { runAs } from '../operators/actor.ts';
import { DeskError } from '../errors.ts';
import { RefusalFold } from './refusal-fold.ts';
import type { OperatorAccounts, OperatorIdentity } from '../operators/accounts.ts';

export type LockReason = EventPayloads['session.lockChanged']['reason'];

/** What the policy says about operators: role matrix changes, dual control, and whether it provides accounts. */
export interface SessionPolicy {
  roles: RoleMatrixPolicy;
  dualControl: readonly ApprovableMethod[];
  providesOperators: boolean;
}

export interface SessionDeps {
  accounts: Pick<OperatorAccounts, 'verify' | 'count' | 'add' | 'resetSecret' | 'get' | 'list'>;
  idleLockMinutes(): number;
  policy(): SessionPolicy;
  onLockChanged(locked: boolean, reason: LockReason): void;
  /** Sign-ins (right or wrong), sign-outs and secret changes are audited; never a secret. */
  audit?: Audit;
  /** The clock that folds repeated refusals (refusal-fold.ts); Date.now by default. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => object;
  clearTimer?: (timer: unknown) => void;
}

export class Session {
  private signedIn: OperatorIdentity | undefined;
  private lockedState = false;
  private timer: unknown;
  private readonly deps: SessionDeps;
  private readonly refusals: RefusalFold;

  constructor(deps: SessionDeps) {
    this.deps = deps;
    this.refusals = new RefusalFold(deps.now);
  }

  /** Nobody may act: nobody is signed in, or the signed-in operator's session is locked. */
  get locked(): boolean {
    return this.signedIn === undefined || this.lockedState;
  }

  /** The signed-in operator (also while their session is locked), or null. */
  operator(): OperatorIdentity | null {
    return this.signedIn === undefined ? null : { ...this.signedIn, roles: [...this.signedIn.roles] };
  }

  /** What the signed-in operator may do under the policy's matrix; nothing when nobody is signed in. */
  rights(): Set<Right> {
    return this.signedIn === undefined ? new Set() : rightsOf(this.signedIn.roles, this.deps.policy().roles);
  }

  /** What an operator holding `roles` may do under the policy's matrix. */
  rightsOfRoles(roles: readonly Role[]): Set<Right> {
    return rightsOf(roles, this.deps.policy().roles);
  }

  /** Checks another operator's credentials (an approver's, under dual control): counted like a sign-in. */
  verify(operatorId: string, secret: string): Promise<OperatorIdentity> {
    return this.deps.accounts.verify(operatorId, secret);
  }

  /** The methods that need a second operator's approval: the policy's choice, or the default list. */
  dualControl(): readonly ApprovableMethod[] {
    return this.deps.policy().dualControl;
  }

  /** An approver's credentials checked (with their own back-off); answers their rights under the policy. */
  async verifyApprover(operatorId: string, secret: string): Promise<Set<Right>> {
    const approver = await this.verify(operatorId, secret);
    return rightsOf(approver.roles, this.deps.policy().roles);
  }

  /** A refused approval, as the maker: the approver's id only when it is an account (it may be a mistyped secret). */
  approvalRefused(refusal: { makerId: string; method: string; approverId: string; code: string }): void {
    const approverId = this.deps.accounts.get(refusal.approverId) !== undefined ? refusal.approverId : null;
    // Repeats within a minute are folded into the next record's count (refusal-fold.ts).
    const repeats = this.refusals.admit(JSON.stringify([refusal.makerId, refusal.method, approverId, refusal.code]));
    if (repeats === undefined) return;
    this.auditAs(refusal.makerId, 'approval.refused', {
      method: refusal.method,
      approverId,
      code: refusal.code,
      ...(repeats > 0 ? { repeats } : {}),
    });
  }

  firstStart(): boolean {
    return this.deps.accounts.count() === 0 && !this.deps.policy().providesOperators;
  }

  state(): SessionState {
    const policy = this.deps.policy();
    const who = this.signedIn;
    return {
      locked: this.locked,
      idleLockMinutes: this.deps.idleLockMinutes(),
      firstStart: this.firstStart(),
      operator: who === undefined ? null : { id: who.id, name: who.name, roles: [...who.roles] },
      rights: [...this.rights()],
      dualControl: [...policy.dualControl],
    };
  }

  /** The first start: the person installing becomes an administrator with every role, signed in. */
  async createFirstOperator(first: { operatorId: string; name: string; secret: string }): Promise<void> {
    if (!this.firstStart()) throw new DeskError('first_start_done', 'this workstation already has operators');
    await this.deps.accounts.add({
      id: first.operatorId,
      name: first.name,
      roles: [...ROLES],
      secret: first.secret,
      source: 'workstation',
    });
    this.auditAs(first.operatorId, 'operator.add', {
      operatorId: first.operatorId,
      roles: ROLES.join(','),
      firstStart: true,
    });
    this.begin(await this.deps.accounts.verify(first.operatorId, first.secret));
  }

  /** Signs in; while a session is locked only its operator may (the others switch operator first). */
  async signIn(operatorId: string, secret: string): Promise<void> {
    if (this.signedIn !== undefined && !this.lockedState && this.signedIn.id !== operatorId)
      throw new DeskError('session_locked', 'another operator is signed in: switch operator first');
    if (this.signedIn !== undefined && this.signedIn.id !== operatorId)
      throw new DeskError('session_locked', `the session of ${this.signedIn.name} is locked: switch operator first`);
    let who: OperatorIdentity;
    try {
      who = await this.deps.accounts.verify(operatorId, secret);
    } catch (error) {
      const known = this.deps.accounts.get(operatorId) !== undefined;
      this.deps.audit?.('session.signIn.refused', {
        operatorId: known ? operatorId : null,
        code: (error as { code?: string }).code ?? 'error',
      });
      throw error;
    }
    this.auditAs(who.id, 'session.signIn', { operatorId: who.id });
    this.begin(who);
  }

  /** "Switch operator": the signed-in operator (locked or not) is signed out. */
  signOut(): void {
    const who = this.signedIn;
    if (who === undefined) return;
    const wasLocked = this.lockedState;
    this.signedIn = undefined;
    this.lockedState = false;
    this.dispose();
    this.auditAs(who.id, 'session.signOut', { operatorId: who.id });
    if (!wasLocked) this.deps.onLockChanged(true, 'operator');
  }

  /** Locks now; only the same operator can sign in again. Nobody signed in: nothing to lock. */
  lock(reason: Exclude<LockReason, 'unlock'>): void {
    if (this.signedIn === undefined || this.lockedState) return;
    this.lockedState = true;
    this.dispose();
    this.deps.onLockChanged(true, reason);
  }

  /** The signed-in operator changes their own secret; a wrong current secret counts like a wrong sign-in. */
  async changeSecret(currentSecret: string, newSecret: string): Promise<void> {
    const who = this.requireOperator();
    await this.deps.accounts.verify(who.id, currentSecret);
    await this.deps.accounts.resetSecret(who.id, newSecret);
    this.deps.audit?.('operator.secret.change', { operatorId: who.id });
    this.armIdleTimer();
  }

  /** Operator activity: the idle countdown starts again. */
  activity(): void {
    if (!this.locked) this.armIdleTimer();
  }

  dispose(): void {
    if (this.timer !== undefined) (this.deps.clearTimer ?? clearTimeout)(this.timer as NodeJS.Timeout);
    this.timer = undefined;
  }

  private requireOperator(): OperatorIdentity {
    if (this.signedIn === undefined || this.lockedState)
      throw new DeskError('not_signed_in', 'sign in with your operator id');
    return this.signedIn;
  }

  /**
   * Sign-in methods run before anyone is signed in (the dispatcher runs them as nobody): their audit records
   * name the operator they are about as the one acting.
   */
  private auditAs(operatorId: string, action: string, details: Parameters<Audit>[1]): void {
    runAs({ operatorId }, () => this.deps.audit?.(action, details));
  }

  private begin(who: OperatorIdentity): void {
    const wasLocked = this.locked;
    this.signedIn = who;
    this.lockedState = false;
    this.armIdleTimer();
    if (wasLocked) this.deps.onLockChanged(false, 'unlock');
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
