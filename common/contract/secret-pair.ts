// A new PIN or passphrase typed twice, as every form that sets one asks for it (the first start, adding an
// operator, resetting an operator's secret, changing one's own): the secret follows the contract's rule, and the
// repeat must match it. Main never sees the repeat; this rule is the forms' alone.
import { z } from 'zod';
import { operatorSecretSchema } from './rights.ts';

/** The message of a repeat that differs (forms show their own sentence for the field). */
export const SECRETS_DIFFER = 'the secrets differ';

/** The two fields, for a form whose secret field is called `secret`. */
export const secretPairShape = { secret: operatorSecretSchema, repeat: z.string() };

/**
 * The "repeat must match" rule, for `.superRefine` on a form's object schema: the issue is on `repeat`, so the
 * form shows it under the second field.
 */
export function repeatMatches<K extends string>(
  field: K,
): (form: Record<K | 'repeat', string>, ctx: z.RefinementCtx) => void {
  return (form, ctx) => {
    if (form.repeat !== form[field]) ctx.addIssue({ code: 'custom', path: ['repeat'], message: SECRETS_DIFFER });
  };
}
