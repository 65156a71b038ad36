// The operators screen's forms: the contract's id, name, roles and secret rules, a new secret typed twice.
import { z } from 'zod';
import { contract, repeatMatches, secretPairShape } from '../../../../../common/contract/index.ts';

const add = contract['operators.add'].args.shape;

export const addOperatorSchema = z
  .object({ operatorId: add.operatorId, name: add.name, roles: add.roles, ...secretPairShape })
  .superRefine(repeatMatches('secret'));
export type AddOperatorValues = z.input<typeof addOperatorSchema>;

export const resetSecretSchema = z.object(secretPairShape).superRefine(repeatMatches('secret'));
export type ResetSecretValues = z.input<typeof resetSecretSchema>;
