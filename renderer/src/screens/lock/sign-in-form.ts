// The sign-in and first-start forms' schemas, from the contract's operator id, name and secret rules.
import { z } from 'zod';
import { contract, operatorSecretSchema } from '../../../../common/contract/index.ts';

const signIn = contract['session.signIn'].args.shape;
const first = contract['session.createFirstOperator'].args.shape;

export const signInSchema = z.object({
  operatorId: signIn.operatorId,
  // Any text goes to main, which answers a wrong one; an empty one is not worth a round trip.
  secret: signIn.secret.min(1, 'required'),
});
export type SignInValues = z.input<typeof signInSchema>;

/** A new secret typed twice (first start, adding an operator, resetting or changing a secret). */
export const newSecretShape = { secret: operatorSecretSchema, repeat: z.string() };
export const secretsMatch = (form: { secret: string; repeat: string }): boolean => form.secret === form.repeat;

export const firstOperatorSchema = z
  .object({ operatorId: first.operatorId, name: first.name, ...newSecretShape })
  .refine(secretsMatch, { path: ['repeat'], message: 'the secrets differ' });
export type FirstOperatorValues = z.input<typeof firstOperatorSchema>;
