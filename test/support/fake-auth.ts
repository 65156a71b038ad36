// A stand-in for the operator session and accounts, for tests of the dispatcher's checks around handlers
// (main/core/services/access.ts): operators with roles and secrets in memory, the policy's matrix and dual
// control choice, and wrong approver secrets counted.
import {
  rightsOf,
  type ApprovableMethod,
  type Right,
  type Role,
  type RoleMatrixPolicy,
} from '../../common/contract/index.ts';
import { DeskError } from '../../main/core/errors.ts';
import type { DispatchAuth } from '../../main/core/services/access.ts';

export interface FakeOperator {
  id: string;
  secret: string;
  roles: Role[];
}

export interface FakeAuth extends DispatchAuth {
  signIn(id: string | null): void;
  /** Wrong secrets given per approver id. */
  readonly wrongAttempts: Map<string, number>;
  locked: boolean;
}

export function fakeAuth(
  options: {
    operators?: FakeOperator[];
    signedIn?: string | null;
    policy?: RoleMatrixPolicy;
    dualControl?: readonly ApprovableMethod[];
  } = {},
): FakeAuth {
  const operators = new Map((options.operators ?? []).map((o) => [o.id, o]));
  let current = options.signedIn ?? null;
  const rightsOfId = (id: string): Set<Right> => rightsOf(operators.get(id)?.roles ?? [], options.policy);
  const auth: FakeAuth = {
    locked: false,
    wrongAttempts: new Map(),
    signIn: (id) => {
      current = id;
    },
    operator: () => (current === null ? null : { id: current }),
    rights: () => (current === null ? new Set() : rightsOfId(current)),
    dualControl: () => options.dualControl ?? [],
    verifyApprover: (id, secret) => {
      const operator = operators.get(id);
      if (operator?.secret !== secret) {
        auth.wrongAttempts.set(id, (auth.wrongAttempts.get(id) ?? 0) + 1);
        return Promise.reject(new DeskError('operator_unknown_or_wrong_secret', 'unknown operator or wrong secret'));
      }
      return Promise.resolve(rightsOfId(id));
    },
  };
  return auth;
}

/** Someone holding every role, signed in, with no dual control: for tests of what happens after the checks. */
export function allowAll(isLocked: () => boolean = () => false): DispatchAuth {
  const all = fakeAuth({
    operators: [{ id: 'tester', secret: '48291537', roles: ['teller', 'supervisor', 'administrator', 'auditor'] }],
    signedIn: 'tester',
  });
  return {
    get locked() {
      return isLocked();
    },
    operator: () => all.operator(),
    rights: () => all.rights(),
    dualControl: () => all.dualControl(),
    verifyApprover: (id, secret) => all.verifyApprover(id, secret),
  };
}
