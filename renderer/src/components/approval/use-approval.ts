// Dual control (docs/operator-ui.md, approvals): for a method the policy puts under it, the action's own dialog
// asks for a second operator's id and secret, sends them as `approval` with the call, and shows the refusals
// about the approver next to those fields. The approver's secret is emptied after every attempt.
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import {
  approvalSchema,
  CardDeskError,
  type Approval,
  type ApprovableMethod,
} from '../../../../common/contract/index.ts';
import { useCan } from '../../api/rights.ts';

/** Refusals that concern the approver, not the action: shown in the approval section. */
export const APPROVAL_ERRORS = new Set([
  'approval_required',
  'approver_is_maker',
  'approver_lacks_right',
  'operator_unknown_or_wrong_secret',
  'operator_locked',
  'operator_disabled',
]);

export function isApprovalError(error: unknown): error is CardDeskError {
  return error instanceof CardDeskError && APPROVAL_ERRORS.has(error.code);
}

const approvalForm = z.object({
  operatorId: approvalSchema.shape.operatorId,
  // Any text goes to main, which answers a wrong one; an empty one is not worth a round trip.
  secret: z.string().min(1, 'required').max(128),
});
export type ApprovalValues = z.input<typeof approvalForm>;
const EMPTY: ApprovalValues = { operatorId: '', secret: '' };

export interface ApprovalControl {
  /** The method needs a second operator here (the session's dual-control list, or main said so). */
  needed: boolean;
  form: UseFormReturn<ApprovalValues>;
  /** The refusal about the approver from the last attempt, shown in the section. */
  error: CardDeskError | undefined;
  /**
   * Checks the fields and gives what to add to the call's arguments: `{ approval }`, `{}` when none is needed, or
   * null when the fields are not filled in right (their errors show). The secret is emptied from the form.
   */
  take: () => Promise<{ approval?: Approval } | null>;
  /** Empties the fields (the dialog was cancelled or the action done). */
  reset: () => void;
}

/** `error` is the action's last error: approval_required from main opens the section even if the list said not. */
export function useApproval(method: ApprovableMethod, error: unknown): ApprovalControl {
  const listed = useCan().needsApproval(method);
  const [askedByMain, setAskedByMain] = useState(false);
  const approvalError = isApprovalError(error) ? error : undefined;
  // Main asked for an approval the session's list did not name (the policy changed): the section stays from now on.
  if (approvalError?.code === 'approval_required' && !askedByMain) setAskedByMain(true);
  const needed = listed || askedByMain;
  const form = useForm<ApprovalValues>({ resolver: zodResolver(approvalForm), defaultValues: EMPTY });
  const { trigger, getValues, resetField, reset: resetForm } = form;
  const take = useCallback(async (): Promise<{ approval?: Approval } | null> => {
    if (!needed) return {};
    if (!(await trigger())) return null;
    const { operatorId, secret } = getValues();
    resetField('secret');
    return { approval: { operatorId: operatorId.trim().toLowerCase(), secret } };
  }, [needed, trigger, getValues, resetField]);
  const reset = useCallback(() => {
    resetForm(EMPTY);
  }, [resetForm]);
  return { needed, form, error: approvalError, take, reset };
}

/** The write as the dialog's own outcome shows it: without the refusals the approval section shows. */
export function withoutApprovalError<W extends { result: unknown; error: unknown }>(write: W): W {
  return isApprovalError(write.error) ? { ...write, error: undefined } : write;
}
