// The sign-in and first-start forms' schemas, from the contract's operator id, name and secret rules.
import { z } from 'zod';
import { contract, repeatMatches, secretPairShape } from '../../../../common/contract/index.ts';

const signIn = contract['session.signIn'].args.shape;
const first = contract['session.createFirstOperator'].args.shape;

export const signInSchema = z.object({
  operatorId: signIn.operatorId,
  // Any text goes to main, which answers a wrong one; an empty one is not worth a round trip.
  secret: signIn.secret.min(1, 'required'),
});
export type SignInValues = z.input<typeof signInSchema>;

export const firstOperatorSchema = z
  .object({ operatorId: first.operatorId, name: first.name, ...secretPairShape })
  .superRefine(repeatMatches('secret'));
export type FirstOperatorValues = z.input<typeof firstOperatorSchema>;
