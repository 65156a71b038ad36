// Main refuses every call but sign-in's until an operator is signed in (docs/architecture.md, "Operators and
// roles"). Tests of what comes after the checks sign in an administrator holding every role, as the first
// start of a new workstation does, and ask a second such operator to approve the actions under dual control.
import type { Approval } from '../../common/contract/index.ts';

type Dispatch = (method: string, args: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

/** The first operator of a test workstation: an administrator with every role. */
export const TEST_ADMIN = { operatorId: 'admin', name: 'Test Admin', secret: '48291537' } as const;
/** A second operator with every role, for approvals under dual control. */
export const TEST_APPROVER = { operatorId: 'approver', name: 'Test Approver', secret: '59302648' } as const;

async function must(dispatch: Dispatch, method: string, args: unknown): Promise<void> {
  const reply = await dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.code ?? '?'} ${reply.error?.message ?? ''}`);
}

/**
 * Signs the test administrator in: created at the workstation's first start, signed in again afterwards (a
 * data folder used before, a session locked or signed out).
 */
export async function signInAdmin(services: { dispatch: Dispatch }): Promise<void> {
  const first = await services.dispatch('session.createFirstOperator', TEST_ADMIN);
  if (first.ok) return;
  if (first.error?.code !== 'first_start_done') {
    throw new Error(`session.createFirstOperator: ${first.error?.code ?? '?'} ${first.error?.message ?? ''}`);
  }
  await must(services.dispatch, 'session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: TEST_ADMIN.secret });
}

const approvers = new WeakSet<object>();

/**
 * A second operator's approval for an action under dual control, adding that operator (with every role) the
 * first time. The caller must be signed in as the administrator.
 */
export async function approval(services: { dispatch: Dispatch }): Promise<Approval> {
  if (!approvers.has(services)) {
    const added = await services.dispatch('operators.add', {
      ...TEST_APPROVER,
      roles: ['teller', 'supervisor', 'administrator', 'auditor'],
    });
    if (!added.ok && added.error?.code !== 'operator_exists') {
      throw new Error(`operators.add: ${added.error?.code ?? '?'} ${added.error?.message ?? ''}`);
    }
    approvers.add(services);
  }
  return { operatorId: TEST_APPROVER.operatorId, secret: TEST_APPROVER.secret };
}
