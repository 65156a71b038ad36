// The signed-in operator's own PIN or passphrase: the current one (main checks it), the new one typed twice.
import { z } from 'zod';
import { contract, repeatMatches } from '../../../../../common/contract/index.ts';

const shape = contract['session.changeSecret'].args.shape;

export const ownSecretSchema = z
  .object({ currentSecret: shape.currentSecret.min(1, 'required'), newSecret: shape.newSecret, repeat: z.string() })
  .superRefine(repeatMatches('newSecret'));
export type OwnSecretValues = z.input<typeof ownSecretSchema>;
