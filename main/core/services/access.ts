// Who may call what (docs/architecture.md, "Operators and roles"): the signed-in operator's rights must hold the
// method's right, and a method the policy puts under dual control needs a second operator's approval, checked
// here before the handler runs and never handed to it. The dispatcher then runs the handler as the actor this
// returns, so the journal and the audit trail name both. An approval refused for its approver is audited.
import {
  approvalSchema,
  contract,
  type ApprovableMethod,
  type MethodName,
  type Right,
} from '../../../common/contract/index.ts';
import { DeskError } from '../errors.ts';
import type { Actor } from '../operators/actor.ts';

/** What the dispatcher needs of the operator session and the operator accounts. */
export interface DispatchAuth {
  /** Nobody may act: nobody is signed in, or their session is locked (only `whileLocked` methods run). */
  readonly locked: boolean;
  /** The signed-in operator, or null when nobody is. */
  operator(): { readonly id: string } | null;
  /** The signed-in operator's rights after the policy's adjustments (empty when nobody is signed in). */
  rights(): ReadonlySet<Right>;
  /** The methods that need a second operator's approval (the policy's choice, or the default). */
  dualControl(): readonly ApprovableMethod[];
  /**
   * Checks another operator's credentials, with that operator's wrong-attempt back-off, and answers their
   * rights. Throws the sign-in errors (`operator_unknown_or_wrong_secret`, `operator_locked`, …).
   */
  verifyApprover(operatorId: string, secret: string): Promise<ReadonlySet<Right>>;
  /** Audits an approval refused for who approved, not for the form asking (never the secret). */
  approvalRefused?(refusal: ApprovalRefusal): void;
}

export interface ApprovalRefusal {
  makerId: string;
  method: MethodName;
  /** The id typed as the approver's. */
  approverId: string;
  code: string;
}

export interface Authorized {
  /** Whom the call runs as; undefined for an `open` method with nobody signed in. */
  actor: Actor | undefined;
  /** The parsed arguments without `approval`. */
  args: unknown;
}

/** Refuses what the signed-in operator may not do; verifies and strips an approval. Throws DeskError. */
export async function authorize(auth: DispatchAuth, method: MethodName, args: unknown): Promise<Authorized> {
  const { right } = contract[method];
  const operator = auth.operator();
  const { approval, rest } = splitApproval(args);
  if (right === 'open') return { actor: operator === null ? undefined : { operatorId: operator.id }, args: rest };
  if (operator === null) throw new DeskError('not_signed_in', 'sign in to continue');
  if (!auth.rights().has(right)) {
    throw new DeskError('permission_denied', 'your role does not allow this', { right });
  }
  // An approval where none is needed is dropped, not passed on.
  if (!(auth.dualControl() as readonly string[]).includes(method)) {
    return { actor: { operatorId: operator.id }, args: rest };
  }
  if (approval === undefined) {
    throw new DeskError('approval_required', 'a second operator must approve this', { right });
  }
  // The method's schema parsed it already; this narrows its type.
  const parsed = approvalSchema.safeParse(approval);
  if (!parsed.success) throw new DeskError('approval_required', 'a second operator must approve this', { right });
  const { operatorId, secret } = parsed.data;
  try {
    await checkApprover(auth, right, operator.id, operatorId, secret);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const refusal = { makerId: operator.id, method, approverId: operatorId };
    auth.approvalRefused?.({ ...refusal, code: typeof code === 'string' ? code : 'internal_error' });
    throw error;
  }
  return { actor: { operatorId: operator.id, approverId: operatorId }, args: rest };
}

async function checkApprover(auth: DispatchAuth, right: Right, makerId: string, id: string, secret: string) {
  if (id === makerId) throw new DeskError('approver_is_maker', 'the approver must be another operator');
  const approverRights = await auth.verifyApprover(id, secret);
  if (!approverRights.has(right)) {
    throw new DeskError('approver_lacks_right', 'the approver’s role does not allow this either', { right });
  }
}

function splitApproval(args: unknown): { approval: unknown; rest: unknown } {
  if (typeof args !== 'object' || args === null || Array.isArray(args) || !Object.hasOwn(args, 'approval')) {
    return { approval: undefined, rest: args };
  }
  const { approval, ...rest } = args as Record<string, unknown>;
  return { approval, rest };
}
