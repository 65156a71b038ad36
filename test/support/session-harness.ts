// A Session on a fake clock: timers fire only when the test advances time; operator accounts live in an
// in-memory database on the same clock. `initialHash` is an older version's single operator PIN: it becomes
// the workstation's one operator ("operator", every role), as at an update.
import type { ApprovableMethod, RoleMatrixPolicy } from '../../common/contract/index.ts';
import { OperatorAccounts } from '../../main/core/operators/accounts.ts';
import { adoptSinglePin } from '../../main/core/operators/provide.ts';
import { Session, type LockReason } from '../../main/core/session/session.ts';

export interface HarnessPolicy {
  roles?: RoleMatrixPolicy;
  dualControl?: readonly ApprovableMethod[];
  providesOperators?: boolean;
}

export function sessionHarness(initialHash?: string, idleMinutes = 5, policy: HarnessPolicy = {}) {
  let clock = 0;
  const timers: { fn: () => void; at: number; cleared: boolean }[] = [];
  const changes: [boolean, LockReason][] = [];
  const audit: [string, Record<string, unknown>][] = [];
  const accounts = OperatorAccounts.open(':memory:', () => clock);
  adoptSinglePin(accounts, initialHash);
  const session = new Session({
    accounts,
    idleLockMinutes: () => idleMinutes,
    policy: () => ({
      roles: policy.roles ?? {},
      dualControl: policy.dualControl ?? [],
      providesOperators: policy.providesOperators ?? false,
    }),
    onLockChanged: (locked, reason) => changes.push([locked, reason]),
    audit: (action, details) => audit.push([action, details]),
    setTimer: (fn, ms) => {
      const timer = { fn, at: clock + ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers) {
      if (!t.cleared && t.at <= clock) {
        t.cleared = true;
        t.fn();
      }
    }
  };
  return { session, accounts, changes, audit, advance };
}
